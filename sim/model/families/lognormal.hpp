#pragma once
// Lognormal: log X is normal with mean log(median) and standard deviation sigma;
// `dist: lognormal, median: 1.05, sigma: 0.1`.
#include <algorithm>
#include <array>
#include <boost/random/lognormal_distribution.hpp>
#include <cmath>
#include <string>

#include "sim/model/families/family_param.hpp"

namespace parley {
class Distribution;
namespace family {

struct Lognormal {
  double median = 1, sigma = 0;
  double log_median = 0;  // log(median), kept for the sampler

  static constexpr const char* kName = "lognormal";
  static constexpr std::array<FamilyParam, 2> kParams = {
      {{.name = "median", .minimum = 0, .minimum_excluded = true},
       {.name = "sigma", .minimum = 0}}};
  static constexpr int kUsualWords = 1;
  static constexpr bool kDiscrete = false;
  static Distribution make(double median, double sigma);  // sigma 0: the constant `median`
  static Distribution from(const FamilyArgs& a);
  static Lognormal of(double median, double sigma) { return {median, sigma, std::log(median)}; }

  template <class Urng>
  double sample(Urng& g) const {
    return boost::random::lognormal_distribution<double>(log_median, sigma)(g);
  }
  double cdf(double x) const;
  double quantile(double u) const;
  double lower(double floor) const { return std::max(0.0, floor); }
  double upper() const { return HUGE_VAL; }
  double mean() const { return median * std::exp(0.5 * sigma * sigma); }
  double variance() const;
  std::string describe() const;
  Lognormal scaled(double k) const { return of(median * k, sigma); }
};

}  // namespace family
}  // namespace parley
