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

// "TABLE NAME NUMBER" of a `stat` line.
std::optional<PointStatistic> parse_point_statistic(const std::string& value) {
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
  return s;
}

// Appends a parsed line's row; false when the line did not parse.
template <class Row>
bool append_parsed(std::optional<Row> row, std::vector<Row>& rows) {
  if (!row) return false;
  rows.push_back(std::move(*row));
  return true;
}

// Adds the line `KEY VALUE` of a point record to `r`; false when it is not a line of a record of
// this version.
bool read_point_record_line(std::string_view key, std::string value, PointRecord& r,
                            bool& has_point) {
  if (key == "point") {
    const char* end = value.data() + value.size();
    auto [ptr, ec] = std::from_chars(value.data(), end, r.point);
    if (ec != std::errc() || ptr != end) return false;
    has_point = true;
  } else if (key == "value")
    r.values.push_back(std::move(value));
  else if (key == "header_summary" || key == "header_outcomes" || key == "header_histograms") {
    // Records of another column layout are not records of this version: recomputed.
    const std::string_view expected = key == "header_summary"    ? kSummaryCsvHeader
                                      : key == "header_outcomes" ? kOutcomesCsvHeader
                                                                 : kHistogramsCsvHeader;
    if (value != expected) return false;
  } else if (key == "summary")
    return append_parsed(parse_summary_row(value), r.output.rows.summary);
  else if (key == "outcome")
    return append_parsed(parse_outcome_row(value), r.output.rows.outcomes);
  else if (key == "histogram")
    return append_parsed(parse_histogram_row(value), r.output.rows.histograms);
  else if (key == "stat")
    return append_parsed(parse_point_statistic(value), r.output.statistics);
  else
    return false;
  return true;
}

}  // namespace

// Zero-padded so that the files list in point order: a file name, not a number for number_text.
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
  out << "header_summary " << kSummaryCsvHeader << "\n"
      << "header_outcomes " << kOutcomesCsvHeader << "\n"
      << "header_histograms " << kHistogramsCsvHeader << "\n";
  for (const PointStatistic& s : record.output.statistics)
    out << "stat " << s.table << " " << s.name << " " << format_number(s.value) << "\n";
  const ResultRows& rows = record.output.rows;
  for (const SummaryRow& row : rows.summary)
    out << "summary " << csv_row(row) << "\n";
  for (const OutcomeRow& row : rows.outcomes)
    out << "outcome " << csv_row(row) << "\n";
  for (const HistogramCsvRow& row : rows.histograms)
    out << "histogram " << csv_row(row) << "\n";
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
    if (!read_point_record_line(key, line.substr(space + 1), r, has_point)) return std::nullopt;
  }
  if (!has_point || !ended) return std::nullopt;
  return r;
}

}  // namespace parley::sweep
