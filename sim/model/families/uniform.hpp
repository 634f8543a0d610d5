#pragma once
// Uniform on [min, max]: `dist: uniform, min: 0.2, max: 0.6`.
#include <array>
#include <string>

#include "sim/model/families/family_param.hpp"
#include "sim/model/unit_interval.hpp"

namespace parley {
class Distribution;
namespace family {

struct Uniform {
  double min = 0, max = 0;

  static constexpr const char* kName = "uniform";
  static constexpr std::array<FamilyParam, 2> kParams = {{{.name = "min"}, {.name = "max"}}};
  static constexpr int kUsualWords = 1;
  static constexpr bool kDiscrete = false;
  static Distribution make(double min, double max);
  static Distribution from(const FamilyArgs& a);

  template <class Urng>
  double sample(Urng& g) const {
    return min + (max - min) * open_unit_interval(g);
  }
  double cdf(double x) const {
    if (x < min) return 0.0;
    if (x >= max) return 1.0;
    return (x - min) / (max - min);
  }
  double quantile(double u) const { return min + (max - min) * u; }
  double lower(double) const { return min; }
  double upper() const { return max; }
  double mean() const { return 0.5 * (min + max); }
  double variance() const { return (max - min) * (max - min) / 12.0; }
  std::string describe() const;
  Uniform scaled(double k) const { return {min * k, max * k}; }
};

}  // namespace family
}  // namespace parley
