#pragma once
// Backtest: run scenarios that record what really happened (`observed:`) and score each
// observed outcome against the simulated distribution: the library call behind
// `parley backtest`.
//
//   RunOptions options;  options.trials = 20000;
//   std::vector<BacktestCase> rows = backtest_scenario(load_scenario_file(path), options);
//   BacktestSummary s = summarize_backtest(rows);   // coverage of the 50 % and 90 % intervals
//   write_backtest_csv(out, rows);
//
// Scores come from the run's fine histograms (analysis/statistics/run_statistics.hpp) through
// analysis/studies/backtest/backtest_scores.hpp, so memory does not grow with the number of trials.
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "analysis/statistics/run_scenario.hpp"
#include "sim/model/scenario.hpp"

namespace parley {

// One row of backtest.csv: one observed table of one scenario.
struct BacktestCase {
  std::string scenario, table, currency;
  double baseline = 0;
  std::int64_t trials = 0;
  std::string observed_outcome;  // agreed | extended | no_deal
  // Share of trials that ended in the observed outcome type.
  double p_observed_outcome = 0;
  std::int64_t settled = 0;  // trials with an amount (agreed or extended)

  std::optional<double> observed_amount;
  // Only when there is an observed amount and at least one settled trial:
  std::optional<double> amount_pit;          // mid-PIT in the simulated amount distribution
  std::optional<bool> inside_50, inside_90;  // central intervals, i.e. PIT in [.25,.75], [.05,.95]
  std::optional<double> crps;                // in the table currency
  std::optional<double> crps_pct;            // 100 crps / baseline, comparable across tables
  std::optional<double> amount_p05, amount_p50, amount_p95;  // simulated, settled trials

  // The month, scored like the amount on the discrete distribution of the settlement month of
  // agreed trials (round index from `opens`). Only with an observed month and an agreed trial:
  std::optional<int> observed_month;
  std::optional<double> month_pit;                        // mid-PIT: P(X < y) + P(X = y) / 2
  std::optional<bool> month_inside_50, month_inside_90;   // mid-PIT in [.25,.75], [.05,.95]
  std::optional<double> month_crps;                       // in months
  std::optional<double> month_p05, month_p50, month_p95;  // simulated
};

// Fills the month fields of `row` (PIT, intervals, CRPS, p05/p50/p95) from a discrete
// distribution of months (BinnedDistribution::point_masses); shared with the naive forecast.
struct BinnedDistribution;
void score_month(const BinnedDistribution& months, int observed_month, BacktestCase& row);

// Scores every `observed` entry of one finished run. `run.scenario` must report the amount
// and month metrics (backtest_scenario ensures it).
std::vector<BacktestCase> score_observations(const RunResult& run);

// Runs the scenario as the backtest scores it: without its group_by, with the amount and
// month metrics on and the month axis automatic, in whole-month bins. `parley backtest` keeps
// these runs' files beside backtest.csv, so that a report can draw each case's distribution.
RunResult run_for_backtest(const Scenario& scenario, const RunOptions& options);

// run_for_backtest, then score_observations; an empty vector when the scenario has no
// observations, without running anything.
std::vector<BacktestCase> backtest_scenario(const Scenario& scenario, const RunOptions& options);

struct BacktestSummary {
  int cases = 0;      // rows
  int scored = 0;     // rows with an amount PIT
  int inside_50 = 0;  // of the scored rows
  int inside_90 = 0;
  std::optional<double> coverage_50, coverage_90;  // inside / scored
  std::optional<double> mean_crps_pct;             // mean of crps_pct over the scored rows
  std::optional<double> mean_p_observed_outcome;   // over all rows
  int month_scored = 0;                            // rows with a month PIT
  int month_inside_50 = 0;                         // of those, the month PIT in [0.25, 0.75]
  int month_inside_90 = 0;                         // of those, the month PIT in [0.05, 0.95]
  std::optional<double> month_coverage_50, month_coverage_90;  // inside / month_scored
  std::optional<double> mean_month_crps;                       // in months
};

BacktestSummary summarize_backtest(const std::vector<BacktestCase>& rows);

// The backtest.csv header and rows (undefined values are empty fields):
// scenario,table,currency,trials,observed_outcome,p_observed_outcome,settled,observed_amount,
// amount_pit,inside_50,inside_90,crps,crps_pct,amount_p05,amount_p50,amount_p95,
// observed_month,month_pit,month_inside_50,month_inside_90,month_crps,month_p05,month_p50,
// month_p95
void write_backtest_csv(std::ostream& out, const std::vector<BacktestCase>& rows);

// The printed summary: one line per case, then coverage and mean CRPS of amount and month.
void print_backtest_summary(std::ostream& out, const std::vector<BacktestCase>& rows);

}  // namespace parley
