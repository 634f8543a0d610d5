#pragma once
// Beta(a, b) on [min, max] (default [0, 1]): `dist: beta, a: 2, b: 5`. A draw is
// min + (max - min) X / (X + Y) for X ~ Gamma(a), Y ~ Gamma(b) (sim/model/gamma_variate.hpp).
#include <array>
#include <string>

#include "sim/model/families/family_param.hpp"
#include "sim/model/gamma_variate.hpp"

namespace parley {
class Distribution;
namespace family {

struct Beta {
  double a = 1, b = 1, min = 0, max = 1;
  GammaShape gamma_a, gamma_b;  // the sampler's constants for shapes a and b

  static constexpr const char* kName = "beta";
  static constexpr std::array<FamilyParam, 4> kParams = {
      {{.name = "a", .minimum = 0, .minimum_excluded = true},
       {.name = "b", .minimum = 0, .minimum_excluded = true},
       {.name = "min", .required = false, .default_value = 0.0},
       {.name = "max", .required = false, .default_value = 1.0}}};
  static constexpr int kUsualWords = 4;  // two gammas, each a normal and a uniform
  static constexpr bool kDiscrete = false;
  static Distribution make(double a, double b, double min = 0.0, double max = 1.0);
  static Distribution from(const FamilyArgs& args);
  static Beta of(double a, double b, double min, double max) {
    return {a, b, min, max, GammaShape::of(a), GammaShape::of(b)};
  }

  template <class Urng>
  double sample(Urng& g) const {
    return min + (max - min) * beta_variate(gamma_a, gamma_b, g);
  }
  double cdf(double x) const;
  double quantile(double u) const;
  double lower(double) const { return min; }
  double upper() const { return max; }
  double mean() const { return min + (max - min) * a / (a + b); }
  double variance() const {
    const double w = max - min;
    return w * w * a * b / ((a + b) * (a + b) * (a + b + 1));
  }
  std::string describe() const;
  Beta scaled(double k) const {
    Beta s = *this;
    s.min *= k;
    s.max *= k;
    return s;
  }
};

}  // namespace family
}  // namespace parley
