#pragma once
// PERT: a beta on [min, max] with mean (min + lambda * mode + max) / (lambda + 2), lambda 4
// unless given: `dist: pert, min: 0.9, mode: 1.0, max: 1.2`.
#include <array>
#include <string>

#include "sim/model/families/beta.hpp"
#include "sim/model/families/family_param.hpp"

namespace parley {
class Distribution;
namespace family {

struct Pert {
  Beta beta;
  double mode = 0, lambda = 4;  // as given, for describe()

  static constexpr const char* kName = "pert";
  static constexpr std::array<FamilyParam, 4> kParams = {{{.name = "min"},
                                                          {.name = "mode"},
                                                          {.name = "max"},
                                                          {.name = "lambda",
                                                           .required = false,
                                                           .default_value = 4.0,
                                                           .minimum = 0,
                                                           .minimum_excluded = true}}};
  static constexpr int kUsualWords = Beta::kUsualWords;
  static constexpr bool kDiscrete = false;
  // min == max: a constant.
  static Distribution make(double min, double mode, double max, double lambda = 4.0);
  static Distribution from(const FamilyArgs& a);
  static Pert of(double min, double mode, double max, double lambda) {
    return {Beta::of(1 + lambda * (mode - min) / (max - min),
                     1 + lambda * (max - mode) / (max - min), min, max),
            mode, lambda};
  }

  template <class Urng>
  double sample(Urng& g) const {
    return beta.sample(g);
  }
  double cdf(double x) const { return beta.cdf(x); }
  double quantile(double u) const { return beta.quantile(u); }
  double lower(double floor) const { return beta.lower(floor); }
  double upper() const { return beta.upper(); }
  double mean() const { return beta.mean(); }
  double variance() const { return beta.variance(); }
  std::string describe() const;
  Pert scaled(double k) const { return {beta.scaled(k), mode * k, lambda}; }
};

}  // namespace family
}  // namespace parley
