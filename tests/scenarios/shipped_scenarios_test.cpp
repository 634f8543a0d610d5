// Every shipped scenario (scenarios/*.yaml) loads and runs, and the teaching scenarios give the
// answers their comments promise.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/statistics/run_scenario.hpp"
#include "sim/io/scenario_loader.hpp"
#include "tests/scenarios/shipped_scenario_names.hpp"

namespace parley {
namespace {

std::filesystem::path scenarios_dir() {
  return std::filesystem::path(PARLEY_SOURCE_DIR) / "scenarios";
}

Scenario load_shipped(const std::string& name) {
  return load_scenario_file((scenarios_dir() / (name + ".yaml")).string());
}

RunResult run_small(const Scenario& s, std::int64_t trials) {
  RunOptions options;
  options.trials = trials;
  options.threads = 2;
  return run_scenario(s, options);
}

class ShippedScenario : public testing::TestWithParam<std::string> {};

TEST_P(ShippedScenario, LoadsAndRuns) {
  const Scenario s = load_shipped(GetParam());
  EXPECT_EQ(s.name, GetParam()) << "the `scenario:` name should match the file name";
  EXPECT_FALSE(s.description.empty());
  const RunResult r = run_small(s, 2000);
  ASSERT_EQ(r.trials_done(), 2000);
  for (int t = 0; t < static_cast<int>(s.tables.size()); ++t) {
    std::int64_t counted = 0;
    for (Outcome o : {Outcome::agreed, Outcome::extended, Outcome::no_deal})
      counted += r.outcome(t, o).count;
    EXPECT_EQ(counted, 2000) << "table " << s.tables[t].name;
    const MetricSummary amount = r.summary(t, Metric::amount);
    ASSERT_GT(amount.n, 0) << "table " << s.tables[t].name << " never settles";
    EXPECT_GT(*amount.min, 0.0);
  }
}

TEST_P(ShippedScenario, HistoricalFilesRecordTheirOutcome) {
  const Scenario s = load_shipped(GetParam());
  const bool historical = s.name.rfind("teach_", 0) != 0 && s.name != "japan_sma2027" &&
                          s.name != "korea_sma12_reopened_10b" && s.name != "tariff_linkage_2025";
  if (!historical) {
    EXPECT_TRUE(s.observed.empty()) << "forecasts and what-ifs have no observed outcome";
    return;
  }
  ASSERT_EQ(s.observed.size(), 1u);
  const ObservedOutcome& o = s.observed[0];
  EXPECT_EQ(o.outcome, "agreed");
  ASSERT_TRUE(o.amount && o.month && o.years);
  EXPECT_FALSE(o.source.empty());
  // The settlement month lies inside the simulated window of the table.
  const Table& t = s.tables.at(o.table);
  EXPECT_LE(*o.month, t.opens.months_until(t.horizon));
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ShippedScenario, testing::ValuesIn(shipped_scenario_names()),
                         scenario_test_name);

TEST(TeachingScenarios, NashAndRubinsteinGiveTheirClosedForms) {
  const Scenario s = load_shipped("teach_rubinstein_nash");
  const RunResult r = run_small(s, 500);
  // Constant parameters: every trial settles at the closed form (rounding only).
  const std::vector<std::pair<std::string, double>> expected = {
      {"nash_equal", 120.0},
      {"nash_strong", 132.0},
      {"rubinstein_us_first", 100.0 + 40.0 * 0.1 / (1 - 0.95 * 0.9)},
      {"rubinstein_host_first", 140.0 - 40.0 * 0.05 / (1 - 0.95 * 0.9)}};
  for (const auto& [table, amount] : expected) {
    const int t = s.find_table(table);
    ASSERT_GE(t, 0) << table;
    EXPECT_EQ(r.outcome(t, Outcome::agreed).count, 500) << table;
    const MetricSummary m = r.summary(t, Metric::amount);
    EXPECT_NEAR(*m.min, amount, 1e-9) << table;
    EXPECT_NEAR(*m.max, amount, 1e-9) << table;
  }
}

TEST(TeachingScenarios, BoulwareSettlesHigherAndLaterThanConceder) {
  const Scenario s = load_shipped("teach_boulware_vs_conceder");
  const RunResult r = run_small(s, 4000);
  const int boulware = s.find_table("boulware");
  const int conceder = s.find_table("conceder");
  EXPECT_GT(*r.summary(boulware, Metric::amount).mean, *r.summary(conceder, Metric::amount).mean);
  EXPECT_GT(*r.summary(boulware, Metric::month).mean, *r.summary(conceder, Metric::month).mean);
}

TEST(TeachingScenarios, TheDoveSettlesLowerThanTheHawk) {
  const Scenario s = load_shipped("teach_election_replace");
  const RunResult r = run_small(s, 4000);
  const int hawk = r.layout().groups.find("election=hawk");
  const int dove = r.layout().groups.find("election=dove");
  ASSERT_GE(hawk, 0);
  ASSERT_GE(dove, 0);
  EXPECT_LT(*r.summary(0, Metric::amount, dove).mean, *r.summary(0, Metric::amount, hawk).mean);
}

TEST(TeachingScenarios, CorrelationWidensTheSpread) {
  const Scenario s = load_shipped("teach_correlated_demands");
  const RunResult r = run_small(s, 8000);
  EXPECT_GT(*r.summary(s.find_table("correlated"), Metric::amount).sd,
            *r.summary(s.find_table("independent"), Metric::amount).sd);
}

TEST(TeachingScenarios, StopGapShareMatchesItsProbability) {
  // Talks still open at the first month past the deadline (round 6) sign the stop-gap with
  // probability 0.4. Tolerance: 4 binomial standard errors (fixed seed).
  const Scenario s = load_shipped("teach_deadline_extension");
  const std::int64_t trials = 8000;
  const RunResult r = run_small(s, trials);
  std::int64_t settled_before_deadline = 0;
  for (const HistogramRow& row : r.histogram(0, Metric::month))
    if (std::isfinite(row.lower) && row.upper <= 5.5) settled_before_deadline += row.count;
  const double open_at_deadline = static_cast<double>(trials - settled_before_deadline);
  ASSERT_GT(open_at_deadline, 1000);
  const double share =
      static_cast<double>(r.outcome(0, Outcome::extended).count) / open_at_deadline;
  EXPECT_NEAR(share, 0.4, 4 * std::sqrt(0.4 * 0.6 / open_at_deadline));
}

}  // namespace
}  // namespace parley
