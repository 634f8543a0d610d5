#include "analysis/statistics/metric_summary.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "analysis/statistics/histogram_range.hpp"
#include "hand_built_scenario.hpp"

namespace parley {
namespace {

// One table, metrics amount and month, groups by the election; values fed directly.
struct Fixture {
  std::shared_ptr<StatisticsLayout> layout = std::make_shared<StatisticsLayout>();
  Fixture(BinEdges amount_edges, BinEdges month_edges) {
    Scenario s = testing::hand_built_scenario();
    s.outputs.group_by = {0};
    layout->tables = 1;
    layout->metrics = {Metric::amount, Metric::month};
    layout->groups = GroupLayout::for_scenario(s);
    layout->axes = {fine_axis_for(amount_edges), fine_axis_for(month_edges)};
  }
};

TrialResult agreed(double amount, int month, int election) {
  TrialResult r;
  r.tables.resize(1);
  r.shocks.resize(1);
  r.tables[0] = {Outcome::agreed, amount, amount / 10 - 100, amount * 3, month};
  r.shocks[0].outcome = election;
  return r;
}

TrialResult no_deal(int election) {
  TrialResult r;
  r.tables.resize(1);
  r.shocks.resize(1);
  r.shocks[0].outcome = election;
  return r;
}

// The k-th smallest value, k = ceil(p n): R's quantile type 1.
double exact_quantile(std::vector<double> values, int percent) {
  std::sort(values.begin(), values.end());
  const auto n = static_cast<std::int64_t>(values.size());
  const std::int64_t k = std::max<std::int64_t>(1, (percent * n + 99) / 100);
  return values[static_cast<std::size_t>(k - 1)];
}

// The bound must hold for every percentile, on a skewed sample whose tails spill into the
// underflow and overflow bins (where the bound comes from the exact min and max).
TEST(MetricSummary, QuantileErrorBoundHoldsAgainstExactQuantiles) {
  Fixture f(BinEdges::uniform(1000, 1600, 60), BinEdges::integer_centred(0, 1, 30));
  RunStatistics stats(f.layout);
  std::mt19937_64 g(2024);
  std::lognormal_distribution<double> amount(std::log(1250.0), 0.12);
  std::vector<double> values;
  for (int i = 0; i < 5000; ++i) {
    const double v = amount(g);
    values.push_back(v);
    stats.add(agreed(v, i % 30, 0));
  }
  ASSERT_GT(stats.histogram(0, 0, 0).at(-1), 0) << "test needs underflow";
  ASSERT_GT(stats.histogram(0, 0, 0).at(f.layout->axes[0].size()), 0) << "test needs overflow";
  const double fine_width = 600.0 / f.layout->axes[0].size();
  for (int percent = 1; percent <= 99; ++percent) {
    const QuantileEstimate q = estimate_quantile(stats, 0, 0, 0, percent);
    const double exact = exact_quantile(values, percent);
    EXPECT_LE(std::abs(q.value - exact), q.error_bound) << "p" << percent;
    if (exact >= 1000 && exact < 1600) {
      EXPECT_LE(q.error_bound, fine_width * (1 + 1e-12));
    }
  }
  const MetricSummary s = summarize(stats, 0, 0, 0);
  EXPECT_EQ(s.n, 5000);
  for (std::size_t i = 0; i < kSummaryPercents.size(); ++i) {
    EXPECT_LE(std::abs(*s.quantile[i] - exact_quantile(values, kSummaryPercents[i])),
              *s.quantile_error);
    EXPECT_LE(*s.quantile_bound[i], *s.quantile_error);
  }
  EXPECT_EQ(*s.min, *std::min_element(values.begin(), values.end()));
  EXPECT_EQ(*s.max, *std::max_element(values.begin(), values.end()));
}

TEST(MetricSummary, WholeNumberMetricHasExactQuantiles) {
  Fixture f(BinEdges::uniform(1000, 1600, 60), BinEdges::integer_centred(0, 4, 8));
  RunStatistics stats(f.layout);
  std::vector<double> months;
  std::mt19937_64 g(9);
  std::poisson_distribution<int> month(7);
  for (int i = 0; i < 3000; ++i) {
    const int m = std::min(month(g), 31);
    months.push_back(m);
    stats.add(agreed(1200, m, 1));
  }
  const MetricSummary s = summarize(stats, 0, 1, 0);
  for (std::size_t i = 0; i < kSummaryPercents.size(); ++i)
    EXPECT_EQ(*s.quantile[i], exact_quantile(months, kSummaryPercents[i]));
  EXPECT_EQ(*s.quantile_error, 0);
}

TEST(MetricSummary, EmptyGroupsHaveUndefinedStatistics) {
  Fixture f(BinEdges::uniform(1000, 1600, 60), BinEdges::integer_centred(0, 1, 30));
  RunStatistics stats(f.layout);
  stats.add(agreed(1200, 3, 0));
  stats.add(agreed(1300, 4, 0));
  stats.add(no_deal(kShockNone));
  const MetricSummary b = summarize(stats, 0, 0, 2);  // election=b: no trial
  EXPECT_EQ(b.n, 0);
  EXPECT_FALSE(b.mean || b.sd || b.min || b.quantile[2] || b.quantile_error);
  const MetricSummary none = summarize(stats, 0, 0, 3);  // a trial, but no amount
  EXPECT_EQ(none.n, 0);
  const MetricSummary a = summarize(stats, 0, 0, 1);
  EXPECT_EQ(a.n, 2);
  EXPECT_DOUBLE_EQ(*a.mean, 1250);
  EXPECT_DOUBLE_EQ(*a.sd, std::sqrt(5000.0));
  EXPECT_DOUBLE_EQ(*a.se_mean, std::sqrt(5000.0 / 2));
  EXPECT_FALSE(outcome_share(stats, 0, 2, Outcome::agreed).share);
}

TEST(HistogramRows, DensityIntegratesToTheSettledShareAndCdfEndsAtOne) {
  Fixture f(BinEdges::uniform(1000, 1600, 24), BinEdges::integer_centred(0, 1, 30));
  RunStatistics stats(f.layout);
  std::mt19937_64 g(4);
  std::uniform_real_distribution<double> amount(1000, 1600);
  int settled = 0;
  for (int i = 0; i < 4000; ++i) {
    if (i % 4 == 0) {
      stats.add(no_deal(0));
    } else {
      stats.add(agreed(amount(g), 2, 0));
      ++settled;
    }
  }
  const auto rows = histogram_rows(stats, 0, 0, 0);
  ASSERT_EQ(rows.size(), 26u);
  EXPECT_EQ(rows.front().lower, -HUGE_VAL);
  EXPECT_EQ(rows.front().upper, 1000);
  EXPECT_EQ(rows.back().lower, 1600);
  EXPECT_EQ(rows.back().upper, HUGE_VAL);
  EXPECT_FALSE(rows.front().density);  // unbounded bins have no density
  double integral = 0;
  std::int64_t counted = 0;
  for (const HistogramRow& row : rows) {
    counted += row.count;
    if (row.density) integral += *row.density * (row.upper - row.lower);
  }
  EXPECT_EQ(counted, settled);
  EXPECT_NEAR(integral, 0.75, 1e-12);  // nothing outside [1000, 1600): the settled share
  EXPECT_EQ(*rows.back().cdf, 1.0);
  for (std::size_t i = 1; i < rows.size(); ++i)
    EXPECT_GE(*rows[i].cdf, *rows[i - 1].cdf);
}

TEST(OutcomeShare, StandardErrorIsBinomial) {
  Fixture f(BinEdges::uniform(1000, 1600, 24), BinEdges::integer_centred(0, 1, 30));
  RunStatistics stats(f.layout);
  for (int i = 0; i < 1000; ++i)
    stats.add(i < 300 ? agreed(1100, 1, 0) : no_deal(0));
  const OutcomeShare s = outcome_share(stats, 0, 0, Outcome::agreed);
  EXPECT_EQ(s.count, 300);
  EXPECT_DOUBLE_EQ(*s.share, 0.3);
  EXPECT_DOUBLE_EQ(*s.se, std::sqrt(0.3 * 0.7 / 1000));
  EXPECT_EQ(outcome_share(stats, 0, 0, Outcome::extended).count, 0);
  EXPECT_DOUBLE_EQ(*outcome_share(stats, 0, 0, Outcome::extended).se, 0.0);
}

}  // namespace
}  // namespace parley
