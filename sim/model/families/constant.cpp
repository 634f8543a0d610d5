#include "sim/model/families/constant.hpp"

#include "sim/model/distribution.hpp"
#include "sim/model/families/family_math.hpp"

namespace parley::family {

Distribution Constant::make(double value) {
  require_finite("value", value);
  return Distribution::of(Constant{value});
}

std::string Constant::describe() const {
  return message_number(value);  // 12 digits, where the other families describe with 10
}

}  // namespace parley::family
