#include "analysis/statistics/running_moments.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace parley {
namespace {

TEST(RunningMoments, MatchesTwoPassFormulas) {
  std::mt19937_64 g(11);
  std::lognormal_distribution<double> d(7.0, 0.4);
  std::vector<double> x(10000);
  for (double& v : x)
    v = d(g);
  RunningMoments m;
  for (double v : x)
    m.add(v);
  double mean = 0;
  for (double v : x)
    mean += v;
  mean /= static_cast<double>(x.size());
  double ss = 0;
  for (double v : x)
    ss += (v - mean) * (v - mean);
  EXPECT_EQ(m.count(), 10000);
  EXPECT_NEAR(m.mean(), mean, 1e-12 * mean);
  EXPECT_NEAR(m.variance(), ss / 9999, 1e-10 * ss / 9999);
  EXPECT_EQ(m.min(), *std::min_element(x.begin(), x.end()));
  EXPECT_EQ(m.max(), *std::max_element(x.begin(), x.end()));
}

TEST(RunningMoments, MergingBlocksEqualsOneStream) {
  std::mt19937_64 g(5);
  std::normal_distribution<double> d(1e6, 3.0);  // large mean, small spread: cancellation-prone
  RunningMoments whole, merged, block;
  for (int b = 0; b < 37; ++b) {
    block.clear();
    for (int i = 0; i < 101 + b; ++i) {
      const double v = d(g);
      whole.add(v);
      block.add(v);
    }
    merged.merge(block);
  }
  EXPECT_EQ(merged.count(), whole.count());
  EXPECT_NEAR(merged.mean(), whole.mean(), 1e-9);
  EXPECT_NEAR(merged.variance(), whole.variance(), 1e-9 * whole.variance());
  EXPECT_NEAR(merged.variance(), 9.0, 9.0 * 0.1);  // sd 3 within 10 % for ~5000 values
  EXPECT_EQ(merged.min(), whole.min());
  EXPECT_EQ(merged.max(), whole.max());
}

TEST(RunningMoments, UndefinedValuesAreNaN) {
  RunningMoments m;
  EXPECT_TRUE(std::isnan(m.mean()));
  EXPECT_TRUE(std::isnan(m.min()));
  m.add(4);
  EXPECT_EQ(m.mean(), 4);
  EXPECT_TRUE(std::isnan(m.variance()));
  RunningMoments empty;
  m.merge(empty);
  EXPECT_EQ(m.count(), 1);
  empty.merge(m);
  EXPECT_EQ(empty.mean(), 4);
}

}  // namespace
}  // namespace parley
