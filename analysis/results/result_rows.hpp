#pragma once
// The rows of summary.csv, outcomes.csv and histograms.csv as values, before they are spelled as
// CSV. `parley run` streams them into its files; a sweep keeps a point's rows like this until it
// writes its point record and its final files.
//
//   for_each_summary_row(result, [&](const SummaryRow& r) { out << csv_row(r) << '\n'; });
//   ResultRows rows = result_rows(result);               // all three files' rows, in file order
//   std::optional<SummaryRow> back = parse_summary_row(csv_row(rows.summary[0]));  // same values
//
// Numbers are spelled by format_number (shortest round trip), so parsing a row gives back the
// same doubles bit for bit; an undefined value is an empty field.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/statistics/metric_summary.hpp"
#include "analysis/statistics/run_scenario.hpp"

namespace parley {

inline constexpr std::string_view kSummaryCsvHeader =
    "table,metric,group,n,mean,sd,se_mean,min,p05,p25,p50,p75,p95,max,quantile_error";
inline constexpr std::string_view kOutcomesCsvHeader = "table,group,outcome,count,share,se";
inline constexpr std::string_view kHistogramsCsvHeader =
    "table,metric,group,bin_lower,bin_upper,count,density,cdf";

struct SummaryRow {
  std::string table, metric, group;
  MetricSummary summary;  // quantile_bound is not a column: empty after parsing
};

struct OutcomeRow {
  std::string table, group, outcome;
  OutcomeShare share;
};

struct HistogramCsvRow {
  std::string table, metric, group;
  HistogramRow bin;
};

struct ResultRows {
  std::vector<SummaryRow> summary;
  std::vector<OutcomeRow> outcomes;
  std::vector<HistogramCsvRow> histograms;
};

// Each file's rows in file order (docs/outputs.md): tables, then metrics, then groups (then
// outcomes or bins).
void for_each_summary_row(const RunResult& result, const std::function<void(const SummaryRow&)>& f);
void for_each_outcome_row(const RunResult& result, const std::function<void(const OutcomeRow&)>& f);
void for_each_histogram_row(const RunResult& result,
                            const std::function<void(const HistogramCsvRow&)>& f);
ResultRows result_rows(const RunResult& result);

// One CSV line, without its line end.
std::string csv_row(const SummaryRow& row);
std::string csv_row(const OutcomeRow& row);
std::string csv_row(const HistogramCsvRow& row);

// The row a csv_row() line spells, or nullopt when the line is not one.
std::optional<SummaryRow> parse_summary_row(std::string_view line);
std::optional<OutcomeRow> parse_outcome_row(std::string_view line);
std::optional<HistogramCsvRow> parse_histogram_row(std::string_view line);

}  // namespace parley
