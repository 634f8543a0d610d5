#pragma once
// A result CSV read back for the contract tests: header and rows of text fields (parley's
// fixtures have no quoted fields), with lookup by column name.
//
//   CsvTable summary = CsvTable::read(dir / "summary.csv");
//   double p50 = summary.number(row, "p50");
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace parley::testing {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  static std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      const std::size_t comma = line.find(',', start);
      fields.push_back(line.substr(start, comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    return fields;
  }

  static CsvTable read(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    CsvTable t;
    std::string line;
    std::getline(in, line);
    t.header = split(line);
    while (std::getline(in, line))
      t.rows.push_back(split(line));
    return t;
  }

  std::size_t column(const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    throw std::out_of_range("no column " + name);
  }
  const std::string& text(const std::vector<std::string>& row, const std::string& name) const {
    return row.at(column(name));
  }
  // inf, -inf and nan as spelled in the files; NaN for an empty field.
  double number(const std::vector<std::string>& row, const std::string& name) const {
    const std::string& field = text(row, name);
    if (field.empty()) return NAN;
    if (field == "inf") return HUGE_VAL;
    if (field == "-inf") return -HUGE_VAL;
    double value = 0;
    const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
    if (error != std::errc() || end != field.data() + field.size())
      throw std::runtime_error("not a number: '" + field + "'");
    return value;
  }
};

}  // namespace parley::testing
