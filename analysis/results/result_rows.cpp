#include "analysis/results/result_rows.hpp"

#include <charconv>

#include "analysis/results/number_format.hpp"

namespace parley {
namespace {

// Fields of one CSV line (RFC 4180 quoting), or nullopt for an unterminated quote.
std::optional<std::vector<std::string>> split_fields(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c != '"') {
        fields.back() += c;
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  if (quoted) return std::nullopt;
  return fields;
}

bool read_number(const std::string& text, std::optional<double>& value) {
  if (text.empty()) {
    value.reset();
    return true;
  }
  double x = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, x);
  if (error != std::errc() || ptr != end) return false;
  value = x;
  return true;
}

bool read_number(const std::string& text, double& value) {
  std::optional<double> x;
  if (!read_number(text, x) || !x) return false;
  value = *x;
  return true;
}

bool read_count(const std::string& text, std::int64_t& value) {
  const char* end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, value);
  return error == std::errc() && ptr == end && !text.empty();
}

// Rows of every metric file run over tables, then reported metrics, then groups.
template <class Visit>
void for_each_cell(const RunResult& result, Visit visit) {
  const StatisticsLayout& layout = result.layout();
  for (int t = 0; t < layout.tables; ++t)
    for (int m = 0; m < layout.metric_count(); ++m)
      for (int g = 0; g < layout.groups.size(); ++g)
        visit(t, m, g);
}

}  // namespace

void for_each_summary_row(const RunResult& result,
                          const std::function<void(const SummaryRow&)>& f) {
  const StatisticsLayout& layout = result.layout();
  for_each_cell(result, [&](int t, int m, int g) {
    f({result.scenario.tables[t].name, to_string(layout.metrics[m]), layout.groups.label(g),
       summarize(result.statistics, t, m, g)});
  });
}

void for_each_outcome_row(const RunResult& result,
                          const std::function<void(const OutcomeRow&)>& f) {
  const StatisticsLayout& layout = result.layout();
  for (int t = 0; t < layout.tables; ++t)
    for (int g = 0; g < layout.groups.size(); ++g)
      for (Outcome o : {Outcome::agreed, Outcome::extended, Outcome::no_deal})
        f({result.scenario.tables[t].name, layout.groups.label(g), to_string(o),
           outcome_share(result.statistics, t, g, o)});
}

void for_each_histogram_row(const RunResult& result,
                            const std::function<void(const HistogramCsvRow&)>& f) {
  const StatisticsLayout& layout = result.layout();
  for_each_cell(result, [&](int t, int m, int g) {
    HistogramCsvRow row{
        result.scenario.tables[t].name, to_string(layout.metrics[m]), layout.groups.label(g), {}};
    for (const HistogramRow& bin : histogram_rows(result.statistics, t, m, g)) {
      row.bin = bin;
      f(row);
    }
  });
}

ResultRows result_rows(const RunResult& result) {
  ResultRows rows;
  for_each_summary_row(result, [&](const SummaryRow& r) { rows.summary.push_back(r); });
  for_each_outcome_row(result, [&](const OutcomeRow& r) { rows.outcomes.push_back(r); });
  for_each_histogram_row(result, [&](const HistogramCsvRow& r) { rows.histograms.push_back(r); });
  return rows;
}

std::string csv_row(const SummaryRow& row) {
  const MetricSummary& s = row.summary;
  std::string text = csv_field(row.table) + ',' + csv_field(row.metric) + ',' +
                     csv_field(row.group) + ',' + std::to_string(s.n) + ',' +
                     format_optional(s.mean) + ',' + format_optional(s.sd) + ',' +
                     format_optional(s.se_mean) + ',' + format_optional(s.min);
  for (const auto& q : s.quantile)
    text += ',' + format_optional(q);
  return text + ',' + format_optional(s.max) + ',' + format_optional(s.quantile_error);
}

std::string csv_row(const OutcomeRow& row) {
  return csv_field(row.table) + ',' + csv_field(row.group) + ',' + csv_field(row.outcome) + ',' +
         std::to_string(row.share.count) + ',' + format_optional(row.share.share) + ',' +
         format_optional(row.share.se);
}

std::string csv_row(const HistogramCsvRow& row) {
  return csv_field(row.table) + ',' + csv_field(row.metric) + ',' + csv_field(row.group) + ',' +
         format_number(row.bin.lower) + ',' + format_number(row.bin.upper) + ',' +
         std::to_string(row.bin.count) + ',' + format_optional(row.bin.density) + ',' +
         format_optional(row.bin.cdf);
}

std::optional<SummaryRow> parse_summary_row(std::string_view line) {
  const auto f = split_fields(line);
  if (!f || f->size() != 15) return std::nullopt;
  SummaryRow row{(*f)[0], (*f)[1], (*f)[2], {}};
  MetricSummary& s = row.summary;
  bool ok = read_count((*f)[3], s.n) && read_number((*f)[4], s.mean) &&
            read_number((*f)[5], s.sd) && read_number((*f)[6], s.se_mean) &&
            read_number((*f)[7], s.min);
  for (std::size_t q = 0; q < s.quantile.size(); ++q)
    ok = ok && read_number((*f)[8 + q], s.quantile[q]);
  ok = ok && read_number((*f)[13], s.max) && read_number((*f)[14], s.quantile_error);
  if (!ok) return std::nullopt;
  return row;
}

std::optional<OutcomeRow> parse_outcome_row(std::string_view line) {
  const auto f = split_fields(line);
  if (!f || f->size() != 6) return std::nullopt;
  OutcomeRow row{(*f)[0], (*f)[1], (*f)[2], {}};
  if (!read_count((*f)[3], row.share.count) || !read_number((*f)[4], row.share.share) ||
      !read_number((*f)[5], row.share.se))
    return std::nullopt;
  return row;
}

std::optional<HistogramCsvRow> parse_histogram_row(std::string_view line) {
  const auto f = split_fields(line);
  if (!f || f->size() != 8) return std::nullopt;
  HistogramCsvRow row{(*f)[0], (*f)[1], (*f)[2], {}};
  if (!read_number((*f)[3], row.bin.lower) || !read_number((*f)[4], row.bin.upper) ||
      !read_count((*f)[5], row.bin.count) || !read_number((*f)[6], row.bin.density) ||
      !read_number((*f)[7], row.bin.cdf))
    return std::nullopt;
  return row;
}

}  // namespace parley
