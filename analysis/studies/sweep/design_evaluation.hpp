#pragma once
// Evaluates a scenario at the points of an external design (a SALib Saltelli or Morris sample,
// EMA Workbench experiments): a matrix of numbers, one row per point and one column per --set
// path, gives a matrix of chosen statistics, one row per point. Behind `parley.evaluate`.
//
//   DesignEvaluation d{yaml, "scenarios/korea_sma11.yaml", {},
//                      {"actors.us_trump.opening.median", "shocks.tariff_linkage.p"},
//                      {"seoul.amount.mean", "seoul.agreed.share"}, options};
//   std::vector<double> y = evaluate_design(d, x, /*rows=*/1000);   // 1000 x 2, row-major
//
// Every row runs with the same seed and trials: common random numbers, as in `parley sweep`.
// Every row is validated before the first one runs. Rows run in parallel, one per thread, when
// there are at least as many rows as threads; otherwise one after another, each on every
// thread. The numbers do not depend on the thread count.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "analysis/statistics/run_scenario.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley::sweep {

struct DesignEvaluation {
  std::string yaml;                   // the scenario file's text
  std::string file_name;              // used in error locations
  std::vector<ScalarOverride> fixed;  // applied at every row, before the design's columns
  std::vector<std::string> paths;     // one per column of the design
  std::vector<std::string> outputs;   // output_selector.hpp names, one per column of the result
  RunOptions options;                 // trials, seed, bins, threads (0: every core), keep_going
};

// The scenario at row `row` of `x` (row-major, paths.size() columns). A mistake in a design
// value throws InputError located as `X:ROW:COLUMN` (both 1-based); one in `fixed` as
// `--set:K:COL`.
Scenario scenario_at_row(const DesignEvaluation& evaluation, const std::vector<double>& x,
                         std::size_t row);

// `x` holds rows x paths.size() values, row-major; returns rows x outputs.size(), row-major
// (NaN where a statistic is undefined). Throws InputError for a bad output name (located as
// `outputs:K:1`) or design value, PointInterrupted when options.keep_going said stop.
std::vector<double> evaluate_design(const DesignEvaluation& evaluation,
                                    const std::vector<double>& x, std::size_t rows);

}  // namespace parley::sweep
