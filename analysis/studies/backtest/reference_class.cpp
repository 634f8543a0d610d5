#include "analysis/studies/backtest/reference_class.hpp"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "sim/io/input_error.hpp"

namespace parley {
namespace {

constexpr const char* kColumns[] = {"case",     "host",  "status_quo", "first_year", "unit",
                                    "scenario", "opens", "deadline",   "settled"};

// The fields of one line and the 1-based column where each starts. Quotes are not supported:
// the file is plain comma-separated text.
struct Fields {
  std::vector<std::string> text;
  std::vector<int> column;
};

Fields split(const std::string& line) {
  Fields f;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    f.text.push_back(line.substr(start, comma - start));
    f.column.push_back(static_cast<int>(start) + 1);
    if (comma == std::string::npos) return f;
    start = comma + 1;
  }
}

class RowReader {
 public:
  RowReader(const std::string& path, int line, const Fields& fields,
            const std::map<std::string, std::size_t>& index, Diagnostics& found)
      : path_(path), line_(line), fields_(fields), index_(index), found_(found) {}

  std::string text(const char* column) const { return fields_.text.at(index_.at(column)); }

  double positive(const char* column) const {
    const std::string value = text(column);
    char* end = nullptr;
    const double x = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0' || !std::isfinite(x) || !(x > 0)) {
      error(column, "'" + value + "': expected a positive number");
      return 1;
    }
    return x;
  }

  YearMonth month(const char* column) const {
    const std::string value = text(column);
    const auto m = YearMonth::parse(value);
    if (!m) error(column, "'" + value + "': expected a month YYYY-MM");
    return m.value_or(YearMonth());
  }

 private:
  void error(const char* column, const std::string& what) const {
    found_.error({path_, line_, fields_.column.at(index_.at(column))},
                 std::string(column) + ": " + what);
  }
  const std::string& path_;
  int line_;
  const Fields& fields_;
  const std::map<std::string, std::size_t>& index_;
  Diagnostics& found_;
};

}  // namespace

double ReferenceCase::log_ratio() const {
  return std::log(first_year / status_quo);
}

std::vector<ReferenceCase> read_reference_class(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError({path, 0, 0}, "cannot read the reference class file");
  Diagnostics found;
  std::string line;
  if (!std::getline(in, line)) throw InputError({path, 1, 1}, "empty file: expected a header");
  const Fields header = split(line);
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < header.text.size(); ++i)
    index[header.text[i]] = i;
  for (const char* column : kColumns)
    if (!index.count(column))
      found.error({path, 1, 1}, std::string("header: no column '") + column + "'");
  found.throw_if_any();

  std::vector<ReferenceCase> cases;
  for (int number = 2; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    const Fields fields = split(line);
    if (fields.text.size() != header.text.size()) {
      found.error({path, number, 1}, "expected " + std::to_string(header.text.size()) +
                                         " comma-separated fields, got " +
                                         std::to_string(fields.text.size()));
      continue;
    }
    const RowReader row(path, number, fields, index, found);
    ReferenceCase c;
    c.name = row.text("case");
    c.host = row.text("host");
    c.status_quo = row.positive("status_quo");
    c.first_year = row.positive("first_year");
    c.unit = row.text("unit");
    c.scenario = row.text("scenario");
    c.opens = row.month("opens");
    c.deadline = row.month("deadline");
    c.settled = row.month("settled");
    cases.push_back(std::move(c));
  }
  found.throw_if_any();
  if (cases.size() < 3)
    throw InputError({path, 0, 0}, "expected at least 3 cases (a leave-one-out fit needs 2)");
  return cases;
}

LogRatioFit fit_log_ratio(const std::vector<ReferenceCase>& cases, const std::string& left_out) {
  LogRatioFit fit;
  double sum = 0;
  for (const ReferenceCase& c : cases)
    if (c.name != left_out) sum += c.log_ratio(), ++fit.cases;
  fit.m = sum / fit.cases;
  double squares = 0;
  for (const ReferenceCase& c : cases)
    if (c.name != left_out) squares += (c.log_ratio() - fit.m) * (c.log_ratio() - fit.m);
  fit.s = std::sqrt(squares / (fit.cases - 1));
  return fit;
}

}  // namespace parley
