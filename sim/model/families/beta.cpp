#include "sim/model/families/beta.hpp"

#include <boost/math/distributions/beta.hpp>

#include "sim/model/distribution.hpp"
#include "sim/model/families/family_math.hpp"

namespace parley::family {

using BoostBeta = boost::math::beta_distribution<double, DoublePrecision>;

Distribution Beta::make(double a, double b, double min, double max) {
  require_finite("a", a);
  require_finite("b", b);
  require_finite("min", min);
  require_finite("max", max);
  check_minimum(kParams[0], a);
  check_minimum(kParams[1], b);
  if (min >= max) reject("min must be < max (" + message_number(max) + ")", min);
  return Distribution::of(of(a, b, min, max));
}

Distribution Beta::from(const FamilyArgs& args) {
  return make(args.number(0), args.number(1), args.number(2), args.number(3));
}

double Beta::cdf(double x) const {
  if (x <= min) return 0.0;
  if (x >= max) return 1.0;
  return boost::math::cdf(BoostBeta(a, b), (x - min) / (max - min));
}

double Beta::quantile(double u) const {
  return min + (max - min) * boost::math::quantile(BoostBeta(a, b), u);
}

std::string Beta::describe() const {
  return "beta(a=" + describe_number(a) + ", b=" + describe_number(b) +
         ", min=" + describe_number(min) + ", max=" + describe_number(max) + ")";
}

}  // namespace parley::family
