#include "sim/model/families/normal.hpp"

#include <boost/math/distributions/normal.hpp>

#include "sim/model/distribution.hpp"
#include "sim/model/families/family_math.hpp"

namespace parley::family {

using BoostNormal = boost::math::normal_distribution<double, DoublePrecision>;

Distribution Normal::make(double mean, double sd) {
  require_finite("mean", mean);
  require_finite("sd", sd);
  check_minimum(kParams[1], sd);
  if (sd == 0) return Constant::make(mean);
  return Distribution::of(Normal{mean, sd});
}

Distribution Normal::from(const FamilyArgs& a) {
  return make(a.number(0), a.number(1));
}

double Normal::cdf(double x) const {
  if (std::isinf(x)) return x > 0 ? 1.0 : 0.0;
  return boost::math::cdf(BoostNormal(mu, sd), x);
}

double Normal::quantile(double u) const {
  return boost::math::quantile(BoostNormal(mu, sd), u);
}

std::string Normal::describe() const {
  return "normal(mean=" + describe_number(mu) + ", sd=" + describe_number(sd) + ")";
}

}  // namespace parley::family
