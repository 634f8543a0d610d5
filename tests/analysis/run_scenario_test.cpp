#include "analysis/statistics/run_scenario.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "analysis/results/result_files.hpp"
#include "hand_built_scenario.hpp"
#include "sim/engine/parallel.hpp"
#include "sim/engine/simulator.hpp"

namespace parley {
namespace {

Scenario grouped() {
  Scenario s = testing::hand_built_scenario();
  s.outputs.group_by = {0};
  return s;
}

std::string all_csv(const RunResult& r) {
  std::ostringstream out;
  write_histograms_csv(out, r);
  write_summary_csv(out, r);
  write_outcomes_csv(out, r);
  return out.str();
}

TEST(RunScenario, ResultsDoNotDependOnTheThreadCount) {
  const Scenario s = grouped();
  RunOptions options;
  options.trials = 3 * kTrialsPerBlock + 123;  // a pilot block, full blocks and a partial one
  options.threads = 1;
  const RunResult one = run_scenario(s, options);
  options.threads = 2;
  const RunResult two = run_scenario(s, options);
  EXPECT_EQ(one.trials_done(), *options.trials);
  EXPECT_FALSE(one.interrupted);
  EXPECT_EQ(all_csv(one), all_csv(two));
  options.seed = 8;  // and the seed matters
  EXPECT_NE(all_csv(run_scenario(s, options)), all_csv(two));
}

TEST(RunScenario, ReportsTrialsInOrderAsTheSimulatorComputesThem) {
  const Scenario s = grouped();
  RunOptions options;
  options.trials = 6000;
  options.threads = 2;
  options.trials_to_report = kTrialsPerBlock + 10;  // crosses the pilot block
  std::vector<TrialResult> seen;
  std::int64_t expected = 0;
  options.on_trial = [&](std::int64_t i, const TrialResult& r) {
    EXPECT_EQ(i, expected++);
    seen.push_back(r);
  };
  std::vector<std::int64_t> progress;
  options.on_progress = [&](std::int64_t done, std::int64_t total) {
    EXPECT_EQ(total, 6000);
    progress.push_back(done);
  };
  run_scenario(s, options);
  ASSERT_EQ(static_cast<std::int64_t>(seen.size()), options.trials_to_report);
  ASSERT_FALSE(progress.empty());
  EXPECT_TRUE(std::is_sorted(progress.begin(), progress.end()));
  EXPECT_EQ(progress.back(), 6000);

  const Simulator simulator(s);
  TrialResult direct = TrialResult::for_scenario(s);
  for (std::int64_t i : {0, 1, 4095, 4096, 4105}) {
    simulator.run_trial(s.seed, i, direct);
    const TableResult& a = direct.tables[0];
    const TableResult& b = seen[static_cast<std::size_t>(i)].tables[0];
    EXPECT_EQ(a.outcome, b.outcome) << i;
    EXPECT_EQ(a.month, b.month) << i;
    if (a.outcome != Outcome::no_deal) {
      EXPECT_EQ(a.amount, b.amount) << i;
    }
    EXPECT_EQ(direct.shocks[0].outcome, seen[static_cast<std::size_t>(i)].shocks[0].outcome);
  }
}

TEST(RunScenario, KeepGoingStopsEarlyAndMarksTheResult) {
  RunOptions options;
  options.trials = 50 * kTrialsPerBlock;
  int polls = 0;
  options.keep_going = [&] { return ++polls < 3; };
  const RunResult r = run_scenario(grouped(), options);
  EXPECT_TRUE(r.interrupted);
  EXPECT_LT(r.trials_done(), *options.trials);
  OutputFolder folder(std::filesystem::temp_directory_path() / "parley_interrupted_result");
  EXPECT_THROW(write_results(r, {}, folder), std::logic_error);
}

// The election happens with probability 0.8 and ends `a` with 0.6: group sizes within 4
// standard errors of the binomial expectation (fixed seed).
TEST(RunScenario, GroupSharesMatchTheShockProbabilities) {
  RunOptions options;
  options.trials = 40000;
  const RunResult r = run_scenario(grouped(), options);
  const double n = 40000;
  const auto& groups = r.layout().groups;
  for (auto [label, p] : {std::pair{"election=a", 0.8 * 0.6}, std::pair{"election=b", 0.8 * 0.4},
                          std::pair{"election=none", 0.2}}) {
    const double share = static_cast<double>(r.statistics.group_trials(groups.find(label))) / n;
    EXPECT_NEAR(share, p, 4 * std::sqrt(p * (1 - p) / n)) << label;
  }
  // Summaries by metric name; every settled trial counted in `all`.
  const MetricSummary amount = r.summary(0, Metric::amount);
  EXPECT_EQ(amount.n, r.outcome(0, Outcome::agreed).count + r.outcome(0, Outcome::extended).count);
  EXPECT_EQ(r.summary(0, Metric::month).n, r.outcome(0, Outcome::agreed).count);
  EXPECT_LE(*amount.min, *amount.quantile[0]);
  EXPECT_LE(*amount.quantile[4], *amount.max);
}

TEST(RunScenario, RunsFewerTrialsThanABlockAndRejectsNone) {
  RunOptions options;
  options.trials = 10;
  const RunResult r = run_scenario(grouped(), options);
  EXPECT_EQ(r.trials_done(), 10);
  options.trials = 0;
  EXPECT_THROW(run_scenario(grouped(), options), std::invalid_argument);
  options.trials = 10;
  options.bins = 0;
  EXPECT_THROW(run_scenario(grouped(), options), std::invalid_argument);
}

}  // namespace
}  // namespace parley
