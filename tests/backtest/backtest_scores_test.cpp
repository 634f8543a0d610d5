// Known answers for the PIT and CRPS of a binned distribution
// (analysis/studies/backtest/backtest_scores.hpp).
#include "analysis/studies/backtest/backtest_scores.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

namespace parley {
namespace {

// Closed forms are exact for these shapes; 1e-12 absorbs double rounding only.
constexpr double kExact = 1e-12;

TEST(BacktestScores, PointMassCrpsIsTheAbsoluteError) {
  const auto d = BinnedDistribution::from_bins({3.0, 3.0}, {10});
  EXPECT_NEAR(crps(d, 5.0), 2.0, kExact);
  EXPECT_NEAR(crps(d, 1.0), 2.0, kExact);
  EXPECT_NEAR(crps(d, 3.0), 0.0, kExact);
  EXPECT_NEAR(crps(d, -4.5), 7.5, kExact);
}

TEST(BacktestScores, PointMassPitIsZeroHalfOrOne) {
  const auto d = BinnedDistribution::from_bins({3.0, 3.0}, {10});
  EXPECT_DOUBLE_EQ(probability_integral_transform(d, 2.9), 0.0);
  EXPECT_DOUBLE_EQ(probability_integral_transform(d, 3.0), 0.5);  // mid-PIT at the tie
  EXPECT_DOUBLE_EQ(probability_integral_transform(d, 3.1), 1.0);
  EXPECT_DOUBLE_EQ(cdf_below(d, 3.0), 0.0);
  EXPECT_DOUBLE_EQ(cdf_at_or_below(d, 3.0), 1.0);
}

TEST(BacktestScores, UniformPitIsTheObservation) {
  const auto d = BinnedDistribution::from_bins({0.0, 1.0}, {7});
  for (double y : {0.0, 0.1, 0.25, 0.5, 0.9, 1.0}) {
    EXPECT_NEAR(probability_integral_transform(d, y), y, kExact) << "y = " << y;
  }
  EXPECT_DOUBLE_EQ(probability_integral_transform(d, -1.0), 0.0);
  EXPECT_DOUBLE_EQ(probability_integral_transform(d, 2.0), 1.0);
}

TEST(BacktestScores, UniformCrpsMatchesClosedForm) {
  // CRPS(U(0,1), y) = y^3/3 + (1-y)^3/3 = y^2 - y + 1/3 inside; |y - 1/2| + 1/12 outside.
  const auto d = BinnedDistribution::from_bins({0.0, 1.0}, {1});
  for (double y : {0.0, 0.2, 0.5, 0.75, 1.0}) {
    EXPECT_NEAR(crps(d, y), y * y - y + 1.0 / 3.0, kExact) << "y = " << y;
  }
  EXPECT_NEAR(crps(d, 2.0), 4.0 / 3.0, kExact);
  EXPECT_NEAR(crps(d, -1.0), 4.0 / 3.0, kExact);
}

TEST(BacktestScores, SplittingABinChangesNothing) {
  // The same uniform(0, 1) in 4 equal bins: the piecewise-linear CDF is the same function.
  const auto d = BinnedDistribution::from_bins({0.0, 0.25, 0.5, 0.75, 1.0}, {5, 5, 5, 5});
  EXPECT_NEAR(crps(d, 0.3), 0.09 - 0.3 + 1.0 / 3.0, kExact);
  EXPECT_NEAR(probability_integral_transform(d, 0.3), 0.3, kExact);
}

TEST(BacktestScores, TwoBinExampleFromTheHeader) {
  const auto d = BinnedDistribution::from_bins({0.0, 0.5, 1.0}, {30, 70});
  EXPECT_NEAR(probability_integral_transform(d, 0.8), 0.72, kExact);
  EXPECT_NEAR(quantile(d, 0.3), 0.5, kExact);
  EXPECT_NEAR(quantile(d, 0.65), 0.75, kExact);
}

TEST(BacktestScores, EmpiricalSampleCrpsMatchesEnergyForm) {
  // Point masses at the sample values, gaps of zero mass between them: CRPS equals
  // E|X - y| - E|X - X'| / 2 over the sample, computed here by brute force.
  const std::vector<double> sample = {1.0, 2.0, 2.0, 4.5, 7.0};
  const auto d = BinnedDistribution::from_bins({1.0, 1.0, 2.0, 2.0, 4.5, 4.5, 7.0, 7.0},
                                               {1, 0, 2, 0, 1, 0, 1});
  for (double y : {0.0, 1.0, 2.0, 3.3, 7.0, 9.0}) {
    double to_y = 0, pairs = 0;
    for (double a : sample) {
      to_y += std::abs(a - y);
      for (double b : sample)
        pairs += std::abs(a - b);
    }
    const double n = static_cast<double>(sample.size());
    EXPECT_NEAR(crps(d, y), to_y / n - pairs / (2 * n * n), kExact) << "y = " << y;
  }
}

TEST(BacktestScores, FinelyBinnedNormalMatchesClosedForm) {
  // CRPS(N(mu, s), y) = s [z (2 Phi(z) - 1) + 2 phi(z) - 1 / sqrt(pi)], z = (y - mu) / s.
  // 8000 bins of width 0.002 s over +-8 s: the piecewise-linear CDF is off by O(width^2), so
  // the score agrees to 1e-6 s.
  const double mu = 1000, s = 40;
  const int bins = 8000;
  auto phi_cdf = [&](double x) { return 0.5 * std::erfc(-(x - mu) / (s * std::numbers::sqrt2)); };
  std::vector<double> edges, counts;
  for (int i = 0; i <= bins; ++i)
    edges.push_back(mu - 8 * s + 16 * s * i / bins);
  for (int i = 0; i < bins; ++i)
    counts.push_back(phi_cdf(edges[i + 1]) - phi_cdf(edges[i]));
  const auto d = BinnedDistribution::from_bins(edges, counts);
  for (double y : {1000.0, 1030.0, 915.0, 1200.0}) {
    const double z = (y - mu) / s;
    const double big_phi = 0.5 * std::erfc(-z / std::numbers::sqrt2);
    const double small_phi = std::exp(-z * z / 2) / std::sqrt(2 * std::numbers::pi);
    const double expected =
        s * (z * (2 * big_phi - 1) + 2 * small_phi - 1 / std::sqrt(std::numbers::pi));
    EXPECT_NEAR(crps(d, y), expected, 1e-6 * s) << "y = " << y;
    EXPECT_NEAR(probability_integral_transform(d, y), big_phi, 1e-6) << "y = " << y;
  }
}

TEST(BacktestScores, TailsSpreadToTheExactExtremes) {
  // One value below the range (min -1) and one bin [0, 1): the same as uniform(-1, 1), whose
  // CRPS at y is 2 (u^2 - u + 1/3) with u = (y + 1) / 2.
  const auto d = BinnedDistribution::from_bins({0.0, 1.0}, {1}, /*underflow=*/1, /*overflow=*/0,
                                               /*min=*/-1.0, /*max=*/1.0);
  EXPECT_NEAR(probability_integral_transform(d, 0.0), 0.5, kExact);
  EXPECT_NEAR(crps(d, 0.0), 2 * (0.25 - 0.5 + 1.0 / 3.0), kExact);
  EXPECT_NEAR(quantile(d, 0.25), -0.5, kExact);
  // Overflow with max 3 over [0, 1): uniform on [0, 1) then on [1, 3], half the mass each.
  const auto e = BinnedDistribution::from_bins({0.0, 1.0}, {1}, 0, 1, 0.0, 3.0);
  EXPECT_NEAR(probability_integral_transform(e, 2.0), 0.75, kExact);
}

TEST(BacktestScores, IntegerCentredBinsGiveTheMidPit) {
  // Months 0, 1, 2 with probabilities 0.2, 0.5, 0.3 in bins [k - 0.5, k + 0.5): the PIT at an
  // observed month k is P(X < k) + P(X = k) / 2.
  const auto d = BinnedDistribution::from_bins({-0.5, 0.5, 1.5, 2.5}, {2, 5, 3});
  EXPECT_NEAR(probability_integral_transform(d, 0.0), 0.1, kExact);
  EXPECT_NEAR(probability_integral_transform(d, 1.0), 0.2 + 0.25, kExact);
  EXPECT_NEAR(probability_integral_transform(d, 2.0), 0.7 + 0.15, kExact);
}

TEST(BacktestScores, DiscreteMonthsHaveTheStepFunctionCrps) {
  // Months 0, 1, 2 with probabilities 0.2, 0.5, 0.3 as point masses: the CRPS is the sum over
  // unit stretches of (F - 1{x >= y})^2, e.g. at y = 1: 0.2^2 + (0.7 - 1)^2 = 0.13, which is
  // also E|X - y| - E|X - X'| / 2 = 0.5 - 0.37.
  const auto d = BinnedDistribution::point_masses({0, 1, 2}, {2, 5, 3});
  EXPECT_NEAR(crps(d, 1.0), 0.13, kExact);
  EXPECT_NEAR(crps(d, 0.0), 0.8 * 0.8 + 0.3 * 0.3, kExact);  // 1.1 - 0.37
  EXPECT_NEAR(crps(d, 3.0), 0.04 + 0.49 + 1.0, kExact);      // beyond the support: 1.9 - 0.37
  EXPECT_NEAR(probability_integral_transform(d, 1.0), 0.2 + 0.25, kExact);
  EXPECT_NEAR(probability_integral_transform(d, 3.0), 1.0, kExact);
  EXPECT_NEAR(quantile(d, 0.05), 0.0, kExact);
  EXPECT_NEAR(quantile(d, 0.5), 1.0, kExact);
  EXPECT_NEAR(quantile(d, 0.95), 2.0, kExact);
  // Gaps between the values: months 0 and 10, half each; at y = 4 the CRPS is 4 x 0.25 +
  // 6 x 0.25 = 2.5 = E|X - 4| - E|X - X'| / 2 = 7 - 4.5.
  const auto gap = BinnedDistribution::point_masses({0, 10}, {1, 1});
  EXPECT_NEAR(crps(gap, 4.0), 2.5, kExact);
  EXPECT_THROW(BinnedDistribution::point_masses({1, 1}, {1, 1}), std::invalid_argument);
  EXPECT_THROW(BinnedDistribution::point_masses({1, 2}, {1}), std::invalid_argument);
}

TEST(BacktestScores, CentralIntervals) {
  EXPECT_TRUE(inside_central_interval(0.5, 0.5));
  EXPECT_TRUE(inside_central_interval(0.25, 0.5));
  EXPECT_FALSE(inside_central_interval(0.2, 0.5));
  EXPECT_TRUE(inside_central_interval(0.05, 0.9));
  EXPECT_FALSE(inside_central_interval(0.97, 0.9));
}

TEST(BacktestScores, RejectsMalformedOrEmptyDistributions) {
  EXPECT_THROW(BinnedDistribution::from_bins({0.0}, {}), std::invalid_argument);
  EXPECT_THROW(BinnedDistribution::from_bins({0.0, 1.0}, {1, 2}), std::invalid_argument);
  EXPECT_THROW(BinnedDistribution::from_bins({1.0, 0.0}, {1}), std::invalid_argument);
  EXPECT_THROW(BinnedDistribution::from_bins({0.0, 1.0}, {-1}), std::invalid_argument);
  const auto empty = BinnedDistribution::from_bins({0.0, 1.0}, {0});
  EXPECT_THROW(crps(empty, 0.5), std::invalid_argument);
  EXPECT_THROW(probability_integral_transform(empty, 0.5), std::invalid_argument);
  EXPECT_THROW(quantile(BinnedDistribution::from_bins({0.0, 1.0}, {1}), 1.5),
               std::invalid_argument);
}

}  // namespace
}  // namespace parley
