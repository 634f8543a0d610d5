#include "sim/model/families/triangular.hpp"

#include <boost/math/distributions/triangular.hpp>

#include "sim/model/distribution.hpp"
#include "sim/model/families/family_math.hpp"

namespace parley::family {

using BoostTriangular = boost::math::triangular_distribution<double, DoublePrecision>;

Distribution Triangular::make(double min, double mode, double max) {
  require_finite("min", min);
  require_finite("mode", mode);
  require_finite("max", max);
  if (min > mode) reject("min must be <= mode (" + message_number(mode) + ")", min);
  if (mode > max) reject("mode must be <= max (" + message_number(max) + ")", mode);
  if (min == max) return Constant::make(min);
  return Distribution::of(of(min, mode, max));
}

Distribution Triangular::from(const FamilyArgs& a) {
  return make(a.number(0), a.number(1), a.number(2));
}

double Triangular::cdf(double x) const {
  if (x <= min) return 0.0;
  if (x >= max) return 1.0;
  return boost::math::cdf(BoostTriangular(min, mode, max), x);
}

double Triangular::quantile(double u) const {
  return boost::math::quantile(BoostTriangular(min, mode, max), u);
}

std::string Triangular::describe() const {
  return "triangular(min=" + describe_number(min) + ", mode=" + describe_number(mode) +
         ", max=" + describe_number(max) + ")";
}

}  // namespace parley::family
