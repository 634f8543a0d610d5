#include "sim/model/families/pert.hpp"

#include "sim/model/distribution.hpp"
#include "sim/model/families/family_math.hpp"

namespace parley::family {

Distribution Pert::make(double min, double mode, double max, double lambda) {
  require_finite("min", min);
  require_finite("mode", mode);
  require_finite("max", max);
  require_finite("lambda", lambda);
  if (min > mode) reject("min must be <= mode (" + message_number(mode) + ")", min);
  if (mode > max) reject("mode must be <= max (" + message_number(max) + ")", mode);
  check_minimum(kParams[3], lambda);
  if (min == max) return Constant::make(min);
  return Distribution::of(of(min, mode, max, lambda));
}

Distribution Pert::from(const FamilyArgs& a) {
  return make(a.number(0), a.number(1), a.number(2), a.number(3));
}

std::string Pert::describe() const {
  return "pert(min=" + describe_number(beta.min) + ", mode=" + describe_number(mode) +
         ", max=" + describe_number(beta.max) + ", lambda=" + describe_number(lambda) + ")";
}

}  // namespace parley::family
