#pragma once
// Normal with mean `mean` and standard deviation `sd`: `dist: normal, mean: 1250, sd: 50`.
#include <array>
#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <string>

#include "sim/model/families/family_param.hpp"

namespace parley {
class Distribution;
namespace family {

struct Normal {
  double mu = 0, sd = 1;

  static constexpr const char* kName = "normal";
  static constexpr std::array<FamilyParam, 2> kParams = {
      {{.name = "mean"}, {.name = "sd", .minimum = 0}}};
  static constexpr int kUsualWords = 1;
  static constexpr bool kDiscrete = false;
  static Distribution make(double mean, double sd);  // sd 0: the constant `mean`
  static Distribution from(const FamilyArgs& a);

  template <class Urng>
  double sample(Urng& g) const {
    return boost::random::normal_distribution<double>(mu, sd)(g);
  }
  double cdf(double x) const;
  double quantile(double u) const;
  double lower(double floor) const { return floor; }
  double upper() const { return HUGE_VAL; }
  double mean() const { return mu; }
  double variance() const { return sd * sd; }
  std::string describe() const;
  Normal scaled(double k) const { return {mu * k, sd * k}; }
};

}  // namespace family
}  // namespace parley
