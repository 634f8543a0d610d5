#pragma once
// Finitely many values with weights: `dist: discrete, values: [1, 2, 3], weights: [1, 2, 1]`.
// A draw is the quantile of one uniform. Truncated, it keeps the values inside the bounds (the
// mass strictly below the lower bound is cut) and draws by inverse CDF.
#include <array>
#include <string>
#include <vector>

#include "sim/model/families/family_param.hpp"
#include "sim/model/unit_interval.hpp"

namespace parley {
class Distribution;
namespace family {

struct Discrete {
  std::vector<double> values;      // ascending, each with a positive weight
  std::vector<double> cumulative;  // normalised cumulative weights, the last exactly 1

  static constexpr const char* kName = "discrete";
  static constexpr std::array<FamilyParam, 2> kParams = {
      {{.name = "values", .is_list = true}, {.name = "weights", .is_list = true, .minimum = 0}}};
  static constexpr int kUsualWords = 1;
  static constexpr bool kDiscrete = true;
  static Distribution make(std::vector<double> values, std::vector<double> weights);
  static Distribution from(const FamilyArgs& a);

  template <class Urng>
  double sample(Urng& g) const {
    return quantile(open_unit_interval(g));
  }
  double cdf(double x) const;         // mass at or below x
  double mass_below(double x) const;  // mass strictly below x
  double quantile(double u) const;
  double lower(double) const { return values.front(); }
  double upper() const { return values.back(); }
  double mean() const;
  double variance() const;
  // The moments restricted to [lo, hi], whose mass is cdf_hi - cdf_lo.
  double mean_within(double lo, double hi, double cdf_lo, double cdf_hi) const;
  double variance_within(double lo, double hi, double cdf_lo, double cdf_hi) const;
  std::string describe() const;
  Discrete scaled(double k) const;
};

}  // namespace family
}  // namespace parley
