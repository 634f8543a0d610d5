// backtest_scenario and its summary on scenarios whose simulated distribution is known.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>

#include "analysis/studies/backtest/backtest.hpp"
#include "analysis/studies/backtest/backtest_scores.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley {
namespace {

// A one-table Nash scenario: r_D = 100, r_P = 140, amount = 100 + 40 power, settled in round 0.
Scenario nash_scenario(const std::string& power, const std::string& observed) {
  const std::string yaml = R"(
scenario: nash_known
trials: 20000
seed: 7
actors:
  us: {role: demander, opening: 150, reservation: 100, power: )" +
                           power + R"(}
  host: {role: payer, opening: 100, reservation: 140}
tables:
  t: {demander: us, payer: host, baseline: 100, currency: USD_m, opens: 2030-01,
      horizon: 2030-06, protocol: nash}
outputs:
  metrics: [amount, change_pct]
  histogram: {amount: {min: 100, max: 140, bins: 40}}
observed:
  t: )" + observed + "\n";
  return load_scenario_text(yaml, "nash_known.yaml");
}

RunOptions two_threads() {
  RunOptions options;
  options.threads = 2;
  return options;
}

TEST(BacktestRun, PointMassScoresAreTheAbsoluteError) {
  // power 0.5: every trial settles at 120. The run's fine bins (>= 4096 over [100, 140)) spread
  // the point mass over one bin, so the CRPS is |125 - 120| within that bin's width.
  const Scenario s = nash_scenario("0.5", "{outcome: agreed, amount: 125, month: 0}");
  const auto rows = backtest_scenario(s, two_threads());
  ASSERT_EQ(rows.size(), 1u);
  const BacktestCase& r = rows[0];
  EXPECT_EQ(r.scenario, "nash_known");
  EXPECT_EQ(r.table, "t");
  EXPECT_EQ(r.trials, 20000);
  EXPECT_DOUBLE_EQ(r.p_observed_outcome, 1.0);
  EXPECT_EQ(r.settled, 20000);
  const double fine_bin = 40.0 / 4096;
  EXPECT_NEAR(*r.crps, 5.0, fine_bin);
  EXPECT_NEAR(*r.crps_pct, 5.0, fine_bin);
  EXPECT_DOUBLE_EQ(*r.amount_pit, 1.0);
  EXPECT_FALSE(*r.inside_50);
  EXPECT_FALSE(*r.inside_90);
  // Every trial settles in round 0, the observed month: a tie, mid-PIT 1/2. The month metric
  // is scored although the scenario did not ask for it.
  EXPECT_DOUBLE_EQ(*r.month_pit, 0.5);
  EXPECT_TRUE(*r.month_inside_50);
  EXPECT_DOUBLE_EQ(*r.month_crps, 0.0);
  EXPECT_DOUBLE_EQ(*r.month_p05, 0.0);
  EXPECT_DOUBLE_EQ(*r.month_p95, 0.0);
}

TEST(BacktestRun, MonthScoresOfAPointMassAreExact) {
  // Every trial settles in round 0; observed month 3: PIT 1 and a CRPS of exactly 3 months
  // (months are scored as whole numbers, not spread over their bins).
  const Scenario s = nash_scenario("0.5", "{outcome: agreed, amount: 120, month: 3}");
  const auto rows = backtest_scenario(s, two_threads());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_DOUBLE_EQ(*rows[0].month_pit, 1.0);
  EXPECT_FALSE(*rows[0].month_inside_50);
  EXPECT_FALSE(*rows[0].month_inside_90);
  EXPECT_DOUBLE_EQ(*rows[0].month_crps, 3.0);
  EXPECT_DOUBLE_EQ(*rows[0].month_p50, 0.0);
}

TEST(BacktestRun, ScoreMonthOnASmallHistogram) {
  // P(month = 4, 5, 6, 9) = 0.1, 0.4, 0.3, 0.2; observed 6. PIT 0.5 + 0.15 = 0.65; CRPS over
  // the unit stretches 4..9: 0.01 + 0.25 + 0.04 + 0.04 + 0.04 = 0.38
  // (E|X - 6| - E|X - X'| / 2 = 1.2 - 0.82).
  const auto d = BinnedDistribution::point_masses({4, 5, 6, 9}, {1, 4, 3, 2});
  BacktestCase row;
  score_month(d, 6, row);
  EXPECT_NEAR(*row.month_pit, 0.65, 1e-12);
  EXPECT_TRUE(*row.month_inside_50);
  EXPECT_TRUE(*row.month_inside_90);
  EXPECT_NEAR(*row.month_crps, 0.38, 1e-12);
  EXPECT_DOUBLE_EQ(*row.month_p05, 4.0);
  EXPECT_DOUBLE_EQ(*row.month_p50, 5.0);
  EXPECT_DOUBLE_EQ(*row.month_p95, 9.0);
}

TEST(BacktestRun, UniformAmountHasKnownPitAndCrps) {
  // power ~ uniform(0, 1): amount ~ uniform(100, 140). Observed 108: PIT 0.2 (clearly outside
  // the central 50 % interval [110, 130], inside the 90 % one; an observation on a boundary
  // would make inside_50 a coin flip of the sample), CRPS 40 (u^2 - u + 1/3) with u = 0.2.
  // Tolerances at the fixed seed: PIT within 4 binomial
  // standard errors; CRPS within 40 x the 99 % Kolmogorov-Smirnov bound 1.63 / sqrt(n), since
  // |CRPS(F_n) - CRPS(F)| <= integral |F_n - F| <= 40 sup |F_n - F|.
  const Scenario s =
      nash_scenario("{dist: uniform, min: 0, max: 1}", "{outcome: agreed, amount: 108, month: 0}");
  const auto rows = backtest_scenario(s, two_threads());
  ASSERT_EQ(rows.size(), 1u);
  const double n = 20000;
  EXPECT_NEAR(*rows[0].amount_pit, 0.2, 4 * std::sqrt(0.2 * 0.8 / n));
  EXPECT_NEAR(*rows[0].crps, 40 * (0.04 - 0.2 + 1.0 / 3.0), 40 * 1.63 / std::sqrt(n));
  EXPECT_FALSE(*rows[0].inside_50);
  EXPECT_TRUE(*rows[0].inside_90);
  EXPECT_NEAR(*rows[0].amount_p50, 120, 4 * 40 * 0.5 / std::sqrt(n));
}

TEST(BacktestRun, ObservedNoDealScoresOnlyTheOutcome) {
  const Scenario s = nash_scenario("0.5", "{outcome: no_deal}");
  const auto rows = backtest_scenario(s, two_threads());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_DOUBLE_EQ(rows[0].p_observed_outcome, 0.0);
  EXPECT_FALSE(rows[0].amount_pit.has_value());
  EXPECT_FALSE(rows[0].month_pit.has_value());
}

TEST(BacktestRun, ScenarioWithoutObservationsIsNotRun) {
  Scenario s = nash_scenario("0.5", "{outcome: agreed}");
  s.observed.clear();
  EXPECT_TRUE(backtest_scenario(s, two_threads()).empty());
}

TEST(BacktestRun, ResultsDoNotDependOnThreads) {
  const Scenario s =
      nash_scenario("{dist: uniform, min: 0, max: 1}", "{outcome: agreed, amount: 131, month: 0}");
  RunOptions one;
  one.threads = 1;
  std::ostringstream a, b;
  write_backtest_csv(a, backtest_scenario(s, one));
  write_backtest_csv(b, backtest_scenario(s, two_threads()));
  EXPECT_EQ(a.str(), b.str());
}

TEST(BacktestSummary, CountsCoverageAndMeanCrps) {
  std::vector<BacktestCase> rows(4);
  const double pits[] = {0.5, 0.1, 0.97, 0.3};
  for (int i = 0; i < 4; ++i) {
    rows[i].p_observed_outcome = 0.5;
    rows[i].amount_pit = pits[i];
    rows[i].inside_50 = inside_central_interval(pits[i], 0.5);
    rows[i].inside_90 = inside_central_interval(pits[i], 0.9);
    rows[i].crps_pct = i + 1.0;
  }
  const double month_pits[] = {0.5, 0.02, 0.8, 0.3};
  for (int i = 0; i < 4; ++i) {
    rows[i].month_pit = month_pits[i];
    rows[i].month_crps = 2.0 * i;
  }
  rows.push_back(BacktestCase{});  // an observed no_deal: no amount scored
  const BacktestSummary s = summarize_backtest(rows);
  EXPECT_EQ(s.cases, 5);
  EXPECT_EQ(s.scored, 4);
  EXPECT_EQ(s.inside_50, 2);
  EXPECT_EQ(s.inside_90, 3);
  EXPECT_DOUBLE_EQ(*s.coverage_50, 0.5);
  EXPECT_DOUBLE_EQ(*s.coverage_90, 0.75);
  EXPECT_DOUBLE_EQ(*s.mean_crps_pct, 2.5);
  EXPECT_DOUBLE_EQ(*s.mean_p_observed_outcome, 0.4);
  EXPECT_EQ(s.month_scored, 4);
  EXPECT_EQ(s.month_inside_50, 2);  // 0.5, 0.3
  EXPECT_EQ(s.month_inside_90, 3);  // not 0.02
  EXPECT_DOUBLE_EQ(*s.month_coverage_50, 0.5);
  EXPECT_DOUBLE_EQ(*s.month_coverage_90, 0.75);
  EXPECT_DOUBLE_EQ(*s.mean_month_crps, 3.0);
}

TEST(BacktestCsv, HeaderAndEmptyFields) {
  const std::string scenario = "s", table = "t", currency = "KRW_bn", outcome = "no_deal";
  BacktestCase r;
  r.scenario = scenario;
  r.table = table;
  r.currency = currency;
  r.trials = 10;
  r.observed_outcome = outcome;
  r.p_observed_outcome = 0.25;
  std::ostringstream out;
  write_backtest_csv(out, {r});
  EXPECT_EQ(out.str(),
            "scenario,table,currency,trials,observed_outcome,p_observed_outcome,settled,"
            "observed_amount,amount_pit,inside_50,inside_90,crps,crps_pct,amount_p05,amount_p50,"
            "amount_p95,observed_month,month_pit,month_inside_50,month_inside_90,month_crps,"
            "month_p05,month_p50,month_p95\n"
            "s,t,KRW_bn,10,no_deal,0.25,0,,,,,,,,,,,,,,,,,\n");
}

}  // namespace
}  // namespace parley
