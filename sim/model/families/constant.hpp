#pragma once
// The point mass: every draw is `value`. A scenario writes it as a plain number, and the other
// factories return it for degenerate parameters (a normal with sd 0, say).
#include <array>
#include <string>

#include "sim/model/families/family_param.hpp"

namespace parley {
class Distribution;
namespace family {

struct Constant {
  double value = 0;

  static constexpr const char* kName = "constant";
  static constexpr std::array<FamilyParam, 0> kParams = {};  // not a `dist:` of its own
  static constexpr int kUsualWords = 0;
  static constexpr bool kDiscrete = true;
  static Distribution make(double value);

  template <class Urng>
  double sample(Urng&) const {
    return value;
  }
  double cdf(double x) const { return x >= value ? 1.0 : 0.0; }
  double mass_below(double x) const { return x > value ? 1.0 : 0.0; }
  double quantile(double) const { return value; }
  double lower(double) const { return value; }
  double upper() const { return value; }
  double mean() const { return value; }
  double variance() const { return 0.0; }
  // A truncation keeps the point whole or is rejected (see Distribution::truncated).
  double mean_within(double, double, double, double) const { return value; }
  double variance_within(double, double, double, double) const { return 0.0; }
  std::string describe() const;
  Constant scaled(double k) const { return {value * k}; }
};

}  // namespace family
}  // namespace parley
