#pragma once
// Closed-form Sobol indices of the Nash bargaining amount, shared by the estimator test and the
// end-to-end sweep test.
//
// Under protocol `nash` with constant parameters (and r_D < r_P), every trial settles at
//   Y = r_D + p (r_P - r_D),   r_D ~ U(a1, b1), r_P ~ U(a2, b2), p ~ U(a3, b3) independent.
// Derivation. Write r_D = m_D + x, r_P = m_P + y, p = m_p + z with zero-mean independent x, y, z
// of variances v_D = (b1-a1)^2/12, v_P, v_p. Expanding,
//   Y = [m_D + m_p (m_P - m_D)] + (1 - m_p) x + m_p y + (m_P - m_D) z + z y - z x.
// The five non-constant terms are the ANOVA (Hoeffding) components: each has zero mean and they
// are pairwise uncorrelated (every cross product contains an odd power of x, y or z). So
//   V_D = (1 - m_p)^2 v_D,  V_P = m_p^2 v_P,  V_p = (m_P - m_D)^2 v_p,
//   V_Dp = v_p v_D,  V_Pp = v_p v_P,  V_DP = 0,
//   V = V_D + V_P + V_p + V_Dp + V_Pp.
// First order S_i = V_i / V; total ST_D = (V_D + V_Dp)/V, ST_P = (V_P + V_Pp)/V,
// ST_p = (V_p + V_Dp + V_Pp)/V.
#include <array>

namespace parley::sweep {

struct NashRanges {
  double r_d_lo = 1000, r_d_hi = 1400;  // demander's reservation
  double r_p_lo = 1500, r_p_hi = 2500;  // payer's reservation (always above r_D: a deal)
  double power_lo = 0.2, power_hi = 0.8;
};

struct NashIndices {
  double variance = 0;
  std::array<double, 3> first{}, total{};  // order: r_D, r_P, power
};

inline NashIndices nash_closed_form(const NashRanges& r) {
  const auto mean = [](double lo, double hi) { return (lo + hi) / 2; };
  const auto var = [](double lo, double hi) { return (hi - lo) * (hi - lo) / 12; };
  const double m_d = mean(r.r_d_lo, r.r_d_hi), m_p = mean(r.r_p_lo, r.r_p_hi);
  const double m_w = mean(r.power_lo, r.power_hi);
  const double v_d = var(r.r_d_lo, r.r_d_hi), v_p = var(r.r_p_lo, r.r_p_hi);
  const double v_w = var(r.power_lo, r.power_hi);
  const double main_d = (1 - m_w) * (1 - m_w) * v_d, main_p = m_w * m_w * v_p;
  const double main_w = (m_p - m_d) * (m_p - m_d) * v_w;
  const double d_w = v_w * v_d, p_w = v_w * v_p;
  NashIndices out;
  out.variance = main_d + main_p + main_w + d_w + p_w;
  out.first = {main_d / out.variance, main_p / out.variance, main_w / out.variance};
  out.total = {(main_d + d_w) / out.variance, (main_p + p_w) / out.variance,
               (main_w + d_w + p_w) / out.variance};
  return out;
}

}  // namespace parley::sweep
