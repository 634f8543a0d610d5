#pragma once
// Triangular on [min, max] with its peak at mode: `dist: triangular, min: 0, mode: 2, max: 3`.
#include <array>
#include <boost/random/triangle_distribution.hpp>
#include <string>

#include "sim/model/families/family_param.hpp"

namespace parley {
class Distribution;
namespace family {

struct Triangular {
  double min = 0, mode = 0, max = 0;
  // Boost's sampler, whose constructor takes two square roots: built once.
  boost::random::triangle_distribution<double> sampler;

  static constexpr const char* kName = "triangular";
  static constexpr std::array<FamilyParam, 3> kParams = {
      {{.name = "min"}, {.name = "mode"}, {.name = "max"}}};
  static constexpr int kUsualWords = 1;
  static constexpr bool kDiscrete = false;
  static Distribution make(double min, double mode, double max);  // min == max: a constant
  static Distribution from(const FamilyArgs& a);
  static Triangular of(double min, double mode, double max) {
    return {min, mode, max, boost::random::triangle_distribution<double>(min, mode, max)};
  }

  template <class Urng>
  double sample(Urng& g) const {
    auto s = sampler;  // Boost's operator() is not const; it changes no state
    return s(g);
  }
  double cdf(double x) const;
  double quantile(double u) const;
  double lower(double) const { return min; }
  double upper() const { return max; }
  double mean() const { return (min + mode + max) / 3.0; }
  double variance() const {
    const double a = min, c = mode, b = max;
    return (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0;
  }
  std::string describe() const;
  Triangular scaled(double k) const { return of(min * k, mode * k, max * k); }
};

}  // namespace family
}  // namespace parley
