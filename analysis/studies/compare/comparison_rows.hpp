#pragma once
// The rows of compare.csv: per table and variant, the baseline's and the variant's value of each
// compared statistic, their difference and its paired standard error (docs/compare.md).
//
//   for (const ComparisonRow& row : comparison_rows(result))
//     if (row.is_noise()) ...   // |difference| < 2 se
//
// Rows, per table (scenario order), then variant (command-line order):
//   outcome  agreed, extended, no_deal   shares; se exact from the paired counts
//   outcome  changed                     share of trials whose outcome differs (baseline 0)
//   amount   mean                        over settled trials; se by the delta method
//   amount   p05, p50, p95               quantile shift; se by batch means over blocks
//   amount   changed                     share of trials whose amount differs
//   month    mean, p05, p50, p95         as for amount (agreed trials)
#include <optional>
#include <string>
#include <vector>

#include "analysis/studies/compare/compare_runner.hpp"

namespace parley {

struct ComparisonRow {
  std::string table, metric, statistic, variant;
  std::optional<double> baseline_value, variant_value, difference, se;
  // Quantile shifts: the two quantiles' error bounds added (each at most its run's
  // quantile_error), the resolution of the shift; not a column of compare.csv.
  std::optional<double> resolution;
  // The difference is within two standard errors of zero (Monte Carlo noise), or a quantile
  // shift with se 0 no larger than the quantiles' resolution.
  bool is_noise() const;
};

std::vector<ComparisonRow> comparison_rows(const ComparisonResult& result);

}  // namespace parley
