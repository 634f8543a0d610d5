#pragma once
// Numbers read off RunStatistics: the summary of one (table, metric, group) with quantiles and
// their error bound, its histogram rows as written to histograms.csv, and outcome shares.
//
//   MetricSummary s = summarize(stats, /*table=*/0, stats.layout().slot_of(Metric::amount), 0);
//   if (s.n > 0) std::cout << *s.quantile[2] << " +- " << *s.quantile_error;   // the median
//
// Quantiles are the inverse empirical CDF (R type 1: the k-th smallest of n, k = ceil(p n)),
// read from the fine histogram: the k-th value lies in a known fine bin, clipped to the exact
// [min, max]; the estimate interpolates inside it, so |estimate - exact| <= that bin's width.
// Fine bins holding a single whole number (`month`) give exact quantiles, error 0.
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/statistics/run_statistics.hpp"

namespace parley {

// The reported quantiles, in percent: p05 p25 p50 p75 p95.
inline constexpr std::array<int, 5> kSummaryPercents = {5, 25, 50, 75, 95};

// Empty optionals are undefined values (e.g. sd of fewer than two values).
struct MetricSummary {
  std::int64_t n = 0;  // trials of the group in which the metric is defined
  std::optional<double> mean, sd, se_mean, min, max;
  std::array<std::optional<double>, kSummaryPercents.size()> quantile;
  std::array<std::optional<double>, kSummaryPercents.size()> quantile_bound;  // each one's bound
  std::optional<double> quantile_error;  // the largest bound of the five
};

struct QuantileEstimate {
  double value = 0;
  double error_bound = 0;  // |value - exact type-1 quantile| <= error_bound
};

MetricSummary summarize(const RunStatistics& stats, int table, int slot, int group);

// The `percent` quantile of the values counted in one cell (which must hold at least one).
QuantileEstimate estimate_quantile(const RunStatistics& stats, int table, int slot, int group,
                                   int percent);

// One row of histograms.csv: coarse bins, with underflow first ([-inf, lower)) and overflow
// last ([upper, inf)).
struct HistogramRow {
  double lower = 0, upper = 0;
  std::int64_t count = 0;
  // count / (group trials * width): integrates over the finite bins to the share of the
  // group's trials whose value lies in the binned range. Empty for under/overflow (unbounded
  // bins) and for a group without trials.
  std::optional<double> density;
  // Share of the group's defined values at or below `upper`; ends at 1. Empty when none.
  std::optional<double> cdf;
};

std::vector<HistogramRow> histogram_rows(const RunStatistics& stats, int table, int slot,
                                         int group);

struct OutcomeShare {
  std::int64_t count = 0;
  std::optional<double> share;  // count / group trials
  std::optional<double> se;     // sqrt(share (1 - share) / group trials)
};

OutcomeShare outcome_share(const RunStatistics& stats, int table, int group, Outcome outcome);

}  // namespace parley
