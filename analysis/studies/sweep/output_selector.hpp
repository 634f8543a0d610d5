#pragma once
// One number of a run's results, named the way `evaluate` (docs/python.md) asks for it:
//
//   TABLE.METRIC.STAT[GROUP]    seoul.amount.mean, seoul.month.p50,
//   seoul.amount.p95[election=dove_wins] TABLE.OUTCOME.STAT[GROUP]   seoul.agreed.share,
//   seoul.no_deal.count
//
//   OutputSelector s = parse_output_selector("seoul.amount.p50", scenario, {"outputs", 1, 1});
//   double median = select_output(result, s);   // NaN when undefined (no settled trial)
//
// STAT of a metric is a column of summary.csv (n mean sd se_mean min p05 p25 p50 p75 p95 max
// quantile_error), of an outcome a column of outcomes.csv (count share se). GROUP is a group
// label of the result files (`all` when omitted). The values are exactly those the files hold.
#include <optional>
#include <string>
#include <string_view>

#include "analysis/statistics/run_scenario.hpp"
#include "sim/io/input_error.hpp"

namespace parley::sweep {

struct OutputSelector {
  int table = 0;
  int group = 0;
  std::optional<Metric> metric;  // a metric's statistic; otherwise an outcome's
  Outcome outcome = Outcome::agreed;
  int field = 0;  // index into the metric's or the outcome's statistic names
};

// Throws InputError at `where` naming what is wrong and what exists (tables, metrics reported,
// statistics, groups).
OutputSelector parse_output_selector(std::string_view text, const Scenario& scenario,
                                     const SourceLocation& where);

double select_output(const RunResult& result, const OutputSelector& selector);

}  // namespace parley::sweep
