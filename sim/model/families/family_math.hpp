#pragma once
// What the families' source files share: Boost.Math in double precision, and the factories'
// checks and messages ("sd must be >= 0, got -1"). Included by family .cpp files only: Boost.Math
// costs about two seconds of compilation in every file that includes it.
#include <boost/math/policies/policy.hpp>
#include <cmath>
#include <stdexcept>
#include <string>

#include "sim/model/families/family_param.hpp"
#include "sim/model/number_text.hpp"

namespace parley::family {

// Boost.Math by default evaluates double special functions in long double. parley needs double
// precision only, and without the promotion the beta quantile (copula marginals, inverse-CDF
// truncation) is nine times faster (17.5 -> 1.9 us) and the normal one four times (56 -> 15 ns),
// within 3e-14 relative of the promoted values over beta shapes 0.02-30.
using DoublePrecision = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

// "sd must be >= 0, got -1": the value as a default std::ostream prints it (6 digits).
[[noreturn]] inline void reject(const std::string& what, double got) {
  throw std::invalid_argument(what + ", got " + format_significant(got, 6));
}

inline void require_finite(const char* name, double value) {
  if (!std::isfinite(value)) reject(std::string(name) + " must be a finite number", value);
}

// A parameter's own check (FamilyParam::minimum): "sd must be >= 0, got -1".
inline void check_minimum(const FamilyParam& param, double value) {
  const bool below = param.minimum_excluded ? !(value > param.minimum) : value < param.minimum;
  if (below) {
    reject(std::string(param.name) + " must be " + (param.minimum_excluded ? "> " : ">= ") +
               format_significant(param.minimum, 6),
           value);
  }
}

// A parameter named in a message: "min must be <= max (1400)".
inline std::string message_number(double x) {
  return format_significant(x, 12);
}

// A parameter in describe(): "normal(mean=1250, sd=50)".
inline std::string describe_number(double x) {
  return format_significant(x, 10);
}

}  // namespace parley::family
