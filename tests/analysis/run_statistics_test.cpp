#include "analysis/statistics/run_statistics.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "analysis/statistics/histogram_range.hpp"
#include "analysis/statistics/metric_summary.hpp"
#include "hand_built_scenario.hpp"

namespace parley {
namespace {

// Statistics of the hand-built scenario grouped by its election, over fixed bins.
std::shared_ptr<const StatisticsLayout> grouped_layout(const Scenario& s) {
  auto layout = std::make_shared<StatisticsLayout>();
  layout->tables = 1;
  layout->metrics = {Metric::amount, Metric::month};
  layout->groups = GroupLayout::for_scenario(s);
  layout->axes = {fine_axis_for(BinEdges::uniform(1000, 1500, 50)),
                  fine_axis_for(BinEdges::integer_centred(0, 1, 22))};
  return layout;
}

// Fabricated trials: outcome and election result cycle, amounts spread over [950, 1550).
TrialResult fabricated(std::int64_t i) {
  TrialResult r;
  r.tables.resize(1);
  r.shocks.resize(1);
  TableResult& t = r.tables[0];
  t.outcome = static_cast<Outcome>(i % 3);
  if (t.outcome != Outcome::no_deal) {
    t.amount = 950 + static_cast<double>((i * 7919) % 600);
    t.change_pct = t.amount / 10 - 100;
    t.total = 3 * t.amount;
    if (t.outcome == Outcome::agreed) t.month = static_cast<int>(i % 22);
  }
  r.shocks[0].outcome = i % 5 == 0 ? kShockNone : static_cast<int>(i % 2);
  return r;
}

TEST(GroupLayout, LabelsEveryDeclaredOutcomeAndNone) {
  Scenario s = testing::hand_built_scenario();
  s.outputs.group_by = {0};
  const GroupLayout groups = GroupLayout::for_scenario(s);
  ASSERT_EQ(groups.size(), 4);
  EXPECT_EQ(groups.label(0), "all");
  EXPECT_EQ(groups.label(1), "election=a");
  EXPECT_EQ(groups.label(2), "election=b");
  EXPECT_EQ(groups.label(3), "election=none");
  EXPECT_EQ(groups.group_of(0, kShockNone), 3);
  EXPECT_EQ(groups.find("election=b"), 2);
}

TEST(RunStatistics, CountsAddUpInEveryGroup) {
  Scenario s = testing::hand_built_scenario();
  s.outputs.group_by = {0};
  RunStatistics stats(grouped_layout(s));
  const std::int64_t n = 3000;
  for (std::int64_t i = 0; i < n; ++i)
    stats.add(fabricated(i));

  EXPECT_EQ(stats.trials(), n);
  EXPECT_EQ(stats.group_trials(0), n);
  EXPECT_EQ(stats.group_trials(1) + stats.group_trials(2) + stats.group_trials(3), n);
  EXPECT_EQ(stats.group_trials(3), n / 5);
  for (int g = 0; g < 4; ++g) {
    std::int64_t outcomes = 0;
    for (Outcome o : {Outcome::agreed, Outcome::extended, Outcome::no_deal})
      outcomes += stats.outcome_count(0, g, o);
    EXPECT_EQ(outcomes, stats.group_trials(g));
    // Every defined value is counted once: in range, underflow or overflow.
    for (int m = 0; m < 2; ++m) {
      std::int64_t counted = 0;
      for (auto&& bin : stats.histogram(0, m, g))
        counted += bin;
      EXPECT_EQ(counted, stats.moments(0, m, g).count());
    }
  }
  EXPECT_EQ(stats.outcome_count(0, 0, Outcome::agreed), n / 3);
  EXPECT_EQ(stats.moments(0, 0, 0).count(), 2 * n / 3);  // amount: agreed and extended
  EXPECT_EQ(stats.moments(0, 1, 0).count(), n / 3);      // month: agreed only
  EXPECT_GT(stats.histogram(0, 0, 0).at(-1), 0);         // 950..999 underflow
  EXPECT_GT(stats.histogram(0, 0, 0).at(stats.layout().axis(0, 0).size()), 0);  // overflow
}

TEST(RunStatistics, BlockMergeEqualsSequentialAdd) {
  Scenario s = testing::hand_built_scenario();
  s.outputs.group_by = {0};
  const auto layout = grouped_layout(s);
  RunStatistics sequential(layout), merged(layout);
  BlockStatistics block(layout);
  for (std::int64_t b = 0; b < 10; ++b) {
    block.clear();
    for (std::int64_t i = b * 400; i < (b + 1) * 400; ++i) {
      sequential.add(fabricated(i));
      block.add(fabricated(i));
    }
    merged.merge(block);
  }
  for (int g = 0; g < 4; ++g) {
    for (int m = 0; m < 2; ++m) {
      EXPECT_TRUE(std::equal(sequential.histogram(0, m, g).begin(),
                             sequential.histogram(0, m, g).end(),
                             merged.histogram(0, m, g).begin()));
      EXPECT_NEAR(sequential.moments(0, m, g).mean(), merged.moments(0, m, g).mean(), 1e-9);
    }
    EXPECT_EQ(sequential.group_trials(g), merged.group_trials(g));
  }
}

TEST(RunStatistics, MergeRejectsDifferentAxes) {
  Scenario s = testing::hand_built_scenario();
  auto other = std::make_shared<StatisticsLayout>(*grouped_layout(s));
  other->axes[0] = fine_axis_for(BinEdges::uniform(1000, 1600, 50));
  RunStatistics a(grouped_layout(s));
  BlockStatistics b(other);
  EXPECT_THROW(a.merge(b), std::invalid_argument);
}

}  // namespace
}  // namespace parley
