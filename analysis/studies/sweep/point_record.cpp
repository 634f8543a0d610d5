#include "analysis/studies/sweep/point_record.hpp"

#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "analysis/studies/sweep/sweep_param.hpp"

namespace parley::sweep {
namespace {

constexpr std::string_view kMagic = "parley-sweep-point 1";

}  // namespace

std::string point_file_name(std::size_t point) {
  char name[40];
  std::snprintf(name, sizeof name, "point_%08zu.txt", point);
  return name;
}

void write_file_atomically(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::path temp = file;
  temp += ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
      throw std::runtime_error("cannot write " + temp.string());
    }
  }
  std::filesystem::rename(temp, file);  // atomic within one file system
}

void write_point_record(const std::filesystem::path& points_dir, const PointRecord& record) {
  std::ostringstream out;
  out << kMagic << "\n"
      << "point " << record.point << "\n";
  for (const std::string& v : record.values)
    out << "value " << v << "\n";
  out << "header_summary " << record.output.headers.summary << "\n"
      << "header_outcomes " << record.output.headers.outcomes << "\n"
      << "header_histograms " << record.output.headers.histograms << "\n";
  for (const PointStatistic& s : record.output.statistics)
    out << "stat " << s.table << " " << s.name << " " << format_number(s.value) << "\n";
  for (const std::string& row : record.output.summary_rows)
    out << "summary " << row << "\n";
  for (const std::string& row : record.output.outcome_rows)
    out << "outcome " << row << "\n";
  for (const std::string& row : record.output.histogram_rows)
    out << "histogram " << row << "\n";
  out << "end\n";
  write_file_atomically(points_dir / point_file_name(record.point), out.str());
}

std::optional<PointRecord> read_point_record(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line) || line != kMagic) return std::nullopt;
  PointRecord r;
  bool has_point = false, ended = false;
  while (std::getline(in, line)) {
    if (line == "end") {
      ended = true;
      break;
    }
    const std::size_t space = line.find(' ');
    if (space == std::string::npos) return std::nullopt;
    const std::string_view key(line.data(), space);
    std::string value = line.substr(space + 1);
    if (key == "point") {
      const char* end = value.data() + value.size();
      auto [ptr, ec] = std::from_chars(value.data(), end, r.point);
      if (ec != std::errc() || ptr != end) return std::nullopt;
      has_point = true;
    } else if (key == "value")
      r.values.push_back(std::move(value));
    else if (key == "header_summary")
      r.output.headers.summary = std::move(value);
    else if (key == "header_outcomes")
      r.output.headers.outcomes = std::move(value);
    else if (key == "header_histograms")
      r.output.headers.histograms = std::move(value);
    else if (key == "summary")
      r.output.summary_rows.push_back(std::move(value));
    else if (key == "outcome")
      r.output.outcome_rows.push_back(std::move(value));
    else if (key == "histogram")
      r.output.histogram_rows.push_back(std::move(value));
    else if (key == "stat") {
      const std::size_t a = value.find(' '), b = value.find(' ', a + 1);
      if (a == std::string::npos || b == std::string::npos) return std::nullopt;
      PointStatistic s{value.substr(0, a), value.substr(a + 1, b - a - 1), 0};
      const std::string number = value.substr(b + 1);
      if (number == "nan")
        s.value = NAN;
      else {
        const char* end = number.data() + number.size();
        auto [ptr, ec] = std::from_chars(number.data(), end, s.value);
        if (ec != std::errc() || ptr != end) return std::nullopt;
      }
      r.output.statistics.push_back(std::move(s));
    } else
      return std::nullopt;
  }
  if (!has_point || !ended) return std::nullopt;
  return r;
}

}  // namespace parley::sweep
