#include "sim/model/families/uniform.hpp"

#include "sim/model/distribution.hpp"
#include "sim/model/families/family_math.hpp"

namespace parley::family {

Distribution Uniform::make(double min, double max) {
  require_finite("min", min);
  require_finite("max", max);
  if (min > max) reject("min must be <= max (" + message_number(max) + ")", min);
  return Distribution::of(Uniform{min, max});
}

Distribution Uniform::from(const FamilyArgs& a) {
  return make(a.number(0), a.number(1));
}

std::string Uniform::describe() const {
  return "uniform(min=" + describe_number(min) + ", max=" + describe_number(max) + ")";
}

}  // namespace parley::family
