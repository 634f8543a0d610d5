#pragma once
// Gamma and beta variates by Marsaglia and Tsang's squeeze method (ACM TOMS 26(3), 2000).
//
//   GammaShape g = GammaShape::of(2.5);
//   double x = gamma_variate(g, stream);              // Gamma(2.5, 1)
//   double b = beta_variate(ga, gb, stream);          // Beta(a, b) = X / (X + Y)
//
// Boost.Random's gamma_distribution uses a tangent-based rejection (a tan, an exp and a log per
// try); this method needs one normal and one uniform per try, accepts 95-99 % of tries for
// shape >= 1 and takes a logarithm only in the ~2 % that fall outside the squeeze. It is the
// one sampler parley writes itself: the per-trial cost of PERT parameters is the largest part
// of a negotiation's parameter draws (bench/README.md).
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "sim/model/unit_interval.hpp"

namespace parley {

// The constants of one gamma shape, computed once per distribution rather than per draw.
struct GammaShape {
  double d = 0, c = 0;   // d = a' - 1/3, c = 1 / sqrt(9 d), for a' = max(a, a + 1 if a < 1)
  double inv_shape = 0;  // 1 / a when a < 1 (Gamma(a) = Gamma(a + 1) U^(1/a)), else 0
  static GammaShape of(double shape) {
    const double boosted = shape < 1 ? shape + 1 : shape;
    GammaShape g;
    g.d = boosted - 1.0 / 3.0;
    g.c = 1.0 / std::sqrt(9.0 * g.d);
    g.inv_shape = shape < 1 ? 1.0 / shape : 0.0;
    return g;
  }
};

// Marsaglia-Tsang for the shape a' >= 1 of `s`: one normal and one uniform per try.
template <class Urng>
double gamma_variate_shape_at_least_one(const GammaShape& s, Urng& g) {
  boost::random::normal_distribution<double> normal;
  for (;;) {
    double x, v;
    do {
      x = normal(g);
      v = 1.0 + s.c * x;
    } while (v <= 0);
    v = v * v * v;
    const double u = open_unit_interval(g);
    const double x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2) return s.d * v;
    if (std::log(u) < 0.5 * x2 + s.d * (1.0 - v + std::log(v))) return s.d * v;
  }
}

// log of a Gamma(a) variate; for a < 1, log Gamma(a + 1) + log(U) / a, which cannot underflow.
template <class Urng>
double log_gamma_variate(const GammaShape& s, Urng& g) {
  const double log_x = std::log(gamma_variate_shape_at_least_one(s, g));
  return s.inv_shape == 0 ? log_x : log_x + std::log(open_unit_interval(g)) * s.inv_shape;
}

template <class Urng>
double gamma_variate(const GammaShape& s, Urng& g) {
  const double x = gamma_variate_shape_at_least_one(s, g);
  return s.inv_shape == 0 ? x : x * std::pow(open_unit_interval(g), s.inv_shape);
}

// Beta(a, b) on (0, 1) as X / (X + Y), X ~ Gamma(a), Y ~ Gamma(b), drawn in that order. With a
// shape below 1 the ratio is formed from logarithms, since both gammas may underflow.
template <class Urng>
double beta_variate(const GammaShape& a, const GammaShape& b, Urng& g) {
  if (a.inv_shape == 0 && b.inv_shape == 0) {
    const double x = gamma_variate_shape_at_least_one(a, g);
    const double y = gamma_variate_shape_at_least_one(b, g);
    return x / (x + y);
  }
  const double log_x = log_gamma_variate(a, g);
  const double log_y = log_gamma_variate(b, g);
  return 1.0 / (1.0 + std::exp(log_y - log_x));
}

}  // namespace parley
