// Marsaglia-Tsang gamma and the beta built on it, against Boost.Math CDFs and closed-form
// moments. n = 20000 draws per shape (fixed seeds); the sample mean within 4 standard errors of
// the shape (Gamma(a, 1) has mean and variance a), and a Kolmogorov-Smirnov test at
// alpha = 0.001 (critical D = 1.9495 / sqrt(n)).
#include "sim/model/gamma_variate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <cmath>
#include <random>
#include <vector>

namespace parley {
namespace {

constexpr int kGammaDraws = 20000;
const double kGammaKsCritical =
    std::sqrt(-std::log(0.001 / 2) / 2) / std::sqrt(double(kGammaDraws));

// Kolmogorov-Smirnov distance with ties: a run of equal draws v at sorted positions [i, j) is
// compared as F(v) against j / n and F(previous double) against i / n (tiny shapes put real
// mass within one ulp of 0 and 1, where many draws round to the same double).
template <class Cdf>
double ks_distance(std::vector<double> x, Cdf cdf) {
  std::sort(x.begin(), x.end());
  double d = 0;
  for (int i = 0; i < kGammaDraws;) {
    int j = i;
    while (j < kGammaDraws && x[j] == x[i])
      ++j;
    const double below = cdf(std::nextafter(x[i], -HUGE_VAL));
    d = std::max({d, std::abs(cdf(x[i]) - double(j) / kGammaDraws),
                  std::abs(below - double(i) / kGammaDraws)});
    i = j;
  }
  return d;
}

class GammaShapes : public testing::TestWithParam<double> {};

TEST_P(GammaShapes, MeanWithinFourStandardErrorsAndKsPasses) {
  const double a = GetParam();
  const GammaShape shape = GammaShape::of(a);
  std::mt19937_64 g(static_cast<std::uint64_t>(1000 * a));
  std::vector<double> x(kGammaDraws);
  double sum = 0;
  for (double& v : x) {
    v = gamma_variate(shape, g);
    ASSERT_GE(v, 0.0);
    sum += v;
  }
  EXPECT_NEAR(sum / kGammaDraws, a, 4 * std::sqrt(a / kGammaDraws));
  const boost::math::gamma_distribution<double> exact(a);
  EXPECT_LT(ks_distance(x, [&](double v) { return boost::math::cdf(exact, v); }), kGammaKsCritical);
}

INSTANTIATE_TEST_SUITE_P(Shapes, GammaShapes, testing::Values(0.05, 0.3, 0.999, 1.0, 2.5, 30.0));

struct BetaCase {
  double a, b;
};

class BetaShapes : public testing::TestWithParam<BetaCase> {};

// Includes shapes so small that both gammas underflow double: the ratio is taken from logs.
TEST_P(BetaShapes, MeanWithinFourStandardErrorsAndKsPasses) {
  const auto [a, b] = GetParam();
  const GammaShape ga = GammaShape::of(a), gb = GammaShape::of(b);
  std::mt19937_64 g(static_cast<std::uint64_t>(1000 * a + b));
  std::vector<double> x(kGammaDraws);
  double sum = 0;
  for (double& v : x) {
    v = beta_variate(ga, gb, g);
    ASSERT_TRUE(v >= 0.0 && v <= 1.0) << v;
    sum += v;
  }
  const double mean = a / (a + b), var = a * b / ((a + b) * (a + b) * (a + b + 1));
  EXPECT_NEAR(sum / kGammaDraws, mean, 4 * std::sqrt(var / kGammaDraws));
  const boost::math::beta_distribution<double> exact(a, b);
  EXPECT_LT(ks_distance(x, [&](double v) { return boost::math::cdf(exact, v); }), kGammaKsCritical);
}

INSTANTIATE_TEST_SUITE_P(Shapes, BetaShapes,
                         testing::Values(BetaCase{2, 5}, BetaCase{1.8, 3.2}, BetaCase{0.5, 0.7},
                                         BetaCase{0.02, 0.03}, BetaCase{0.4, 6}));

}  // namespace
}  // namespace parley
