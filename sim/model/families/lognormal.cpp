#include "sim/model/families/lognormal.hpp"

#include <boost/math/distributions/lognormal.hpp>

#include "sim/model/distribution.hpp"
#include "sim/model/families/family_math.hpp"

namespace parley::family {

using BoostLognormal = boost::math::lognormal_distribution<double, DoublePrecision>;

Distribution Lognormal::make(double median, double sigma) {
  require_finite("median", median);
  require_finite("sigma", sigma);
  check_minimum(kParams[0], median);
  check_minimum(kParams[1], sigma);
  if (sigma == 0) return Constant::make(median);
  return Distribution::of(of(median, sigma));
}

Distribution Lognormal::from(const FamilyArgs& a) {
  return make(a.number(0), a.number(1));
}

double Lognormal::cdf(double x) const {
  if (x <= 0) return 0.0;
  if (std::isinf(x)) return 1.0;
  return boost::math::cdf(BoostLognormal(log_median, sigma), x);
}

double Lognormal::quantile(double u) const {
  return boost::math::quantile(BoostLognormal(log_median, sigma), u);
}

double Lognormal::variance() const {
  const double s2 = sigma * sigma;
  return std::expm1(s2) * median * median * std::exp(s2);
}

std::string Lognormal::describe() const {
  return "lognormal(median=" + describe_number(median) + ", sigma=" + describe_number(sigma) + ")";
}

}  // namespace parley::family
