#include "analysis/results/report/csv_table.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "sim/io/input_error.hpp"

namespace parley {
namespace {

// Splits the text into records of fields; `line` counts the records' first lines.
std::vector<std::pair<int, CsvTable::Row>> records(const std::string& text,
                                                   const std::string& file) {
  std::vector<std::pair<int, CsvTable::Row>> out;
  CsvTable::Row row;
  std::string field;
  bool quoted = false, any = false;
  int line = 1, row_line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = any = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        row.push_back(std::move(field));
        out.emplace_back(row_line, std::move(row));
      }
      field.clear();
      row.clear();
      any = false;
      row_line = ++line;
    } else {
      field += c;
    }
  }
  if (quoted) throw InputError({file, row_line, 0}, "unterminated quoted field");
  if (any || !field.empty()) {
    row.push_back(std::move(field));
    out.emplace_back(row_line, std::move(row));
  }
  return out;
}

}  // namespace

CsvTable CsvTable::read(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError({file.string(), 0, 0}, "cannot read this result file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), file.string());
}

CsvTable CsvTable::parse(const std::string& text, const std::string& file_name) {
  CsvTable table;
  table.file_ = file_name;
  auto all = records(text, file_name);
  if (all.empty()) throw InputError({file_name, 0, 0}, "empty CSV file; expected a header row");
  table.header_ = std::move(all.front().second);
  for (std::size_t r = 1; r < all.size(); ++r) {
    if (all[r].second.size() != table.header_.size())
      throw InputError({file_name, all[r].first, 0},
                       "expected " + std::to_string(table.header_.size()) + " fields, got " +
                           std::to_string(all[r].second.size()));
    table.rows_.push_back(std::move(all[r].second));
  }
  return table;
}

int CsvTable::index_of(const std::string& column) const {
  for (std::size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == column) return static_cast<int>(i);
  return -1;
}

const std::string& CsvTable::text(const Row& row, const std::string& column) const {
  const int i = index_of(column);
  if (i < 0) throw InputError({file_, 1, 0}, "no column '" + column + "'");
  return row[static_cast<std::size_t>(i)];
}

std::optional<double> CsvTable::number(const Row& row, const std::string& column) const {
  const std::string& cell = text(row, column);
  if (cell.empty()) return std::nullopt;
  if (cell == "inf") return HUGE_VAL;
  if (cell == "-inf") return -HUGE_VAL;
  if (cell == "nan") return NAN;
  double value = 0;
  const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (error != std::errc() || end != cell.data() + cell.size()) return std::nullopt;
  return value;
}

}  // namespace parley
