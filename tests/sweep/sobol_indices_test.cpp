// Sobol index estimators against the closed form of the Nash bargaining amount.
#include "analysis/studies/sweep/sobol_indices.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "analysis/studies/sweep/sweep_design.hpp"
#include "tests/sweep/nash_sobol_closed_form.hpp"

namespace parley::sweep {
namespace {

TEST(SobolIndices, NashAmountMatchesClosedForm) {
  // Y = r_D + p (r_P - r_D) on the Saltelli design of 2^12 base rows.
  const NashRanges ranges;
  const int n = 4096, dims = 3;
  std::vector<double> y;
  for (const auto& u : saltelli_points(n, dims)) {
    const double r_d = ranges.r_d_lo + u[0] * (ranges.r_d_hi - ranges.r_d_lo);
    const double r_p = ranges.r_p_lo + u[1] * (ranges.r_p_hi - ranges.r_p_lo);
    const double power = ranges.power_lo + u[2] * (ranges.power_hi - ranges.power_lo);
    y.push_back(r_d + power * (r_p - r_d));
  }
  const SobolIndices s = sobol_indices(y, dims, 1000, 7);
  const NashIndices exact = nash_closed_form(ranges);
  EXPECT_NEAR(s.variance, exact.variance, 0.01 * exact.variance);
  for (int i = 0; i < dims; ++i) {
    // Tolerance: the analytic value inside the bootstrap 95% interval, and within 0.02.
    EXPECT_LE(s.first[i].ci_low, exact.first[i]) << "first " << i;
    EXPECT_GE(s.first[i].ci_high, exact.first[i]) << "first " << i;
    EXPECT_NEAR(s.first[i].estimate, exact.first[i], 0.02) << "first " << i;
    EXPECT_LE(s.total[i].ci_low, exact.total[i]) << "total " << i;
    EXPECT_GE(s.total[i].ci_high, exact.total[i]) << "total " << i;
    EXPECT_NEAR(s.total[i].estimate, exact.total[i], 0.02) << "total " << i;
    EXPECT_LT(s.first[i].ci_high - s.first[i].ci_low, 0.1) << "a CI this wide proves nothing";
  }
}

TEST(SobolIndices, AdditiveFunctionHasEqualFirstAndTotal) {
  // Y = u0 + 2 u1 with u3 unused: S = ST = (1/5, 4/5, 0) exactly (variances 1/12 and 4/12).
  std::vector<double> y;
  for (const auto& u : saltelli_points(1024, 3))
    y.push_back(u[0] + 2 * u[1]);
  const SobolIndices s = sobol_indices(y, 3, 500, 1);
  const double expected[] = {0.2, 0.8, 0.0};
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(s.first[i].estimate, expected[i], 0.01) << i;
    EXPECT_NEAR(s.total[i].estimate, expected[i], 0.01) << i;
  }
  // The unused input has exactly zero effect: AB^2 rows equal A rows.
  EXPECT_EQ(s.total[2].estimate, 0.0);
  EXPECT_EQ(s.first[2].estimate, 0.0);
}

TEST(SobolIndices, UndefinedWhenOutputIsConstantOrMissing) {
  std::vector<double> constant(8 * 4, 5.0);
  const SobolIndices flat = sobol_indices(constant, 2, 100, 1);
  EXPECT_TRUE(std::isnan(flat.first[0].estimate));
  EXPECT_TRUE(std::isnan(flat.total[1].estimate));
  std::vector<double> gap(8 * 4, 1.0);
  gap[3] = NAN;
  gap[5] = 2.0;
  EXPECT_TRUE(std::isnan(sobol_indices(gap, 2, 100, 1).first[0].estimate));
  EXPECT_THROW(sobol_indices(std::vector<double>(7), 2), std::invalid_argument);
}

TEST(SobolIndices, PowerOfTwo) {
  EXPECT_TRUE(is_power_of_two(1));
  EXPECT_TRUE(is_power_of_two(1024));
  EXPECT_FALSE(is_power_of_two(0));
  EXPECT_FALSE(is_power_of_two(1000));
}

}  // namespace
}  // namespace parley::sweep
