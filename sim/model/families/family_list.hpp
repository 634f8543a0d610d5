#pragma once
// The distribution families: the one list that Distribution (which holds one family's law in a
// std::variant) and the scenario parser (which reads each family's `dist:` name and keys) read.
//
// A new family is one header and one source file in this folder, and its line in FamilyLaw. Its
// type has, besides its parameters (see normal.hpp):
//   static constexpr const char* kName;              // `dist: NAME` in a scenario
//   static constexpr std::array<FamilyParam, N> kParams;  // its keys, in make()'s order
//   static constexpr int kUsualWords;                // 64-bit words a draw usually takes
//   static constexpr bool kDiscrete;                 // finitely many values (then also
//                                                    //   mass_below, mean_within, variance_within)
//   static Distribution make(...);                   // validates; throws std::invalid_argument
//   static Distribution from(const FamilyArgs&);     // make() from the values of kParams
//   double sample(Urng&) const;                      // one draw, inline: the hot path
//   double cdf(double x) const;  double quantile(double u) const;
//   double lower(double floor) const;                // smallest value a draw can take, given the
//   double upper() const;                            //   clamp of at_least() (see Distribution)
//   double mean() const;  double variance() const;
//   std::string describe() const;                    // "normal(mean=1250, sd=50)"
//   <Family> scaled(double k) const;                 // the law of k X, k > 0
// Its CDF and quantile go in its source file when they need Boost.Math (heavy to compile).
#include <span>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/model/families/beta.hpp"
#include "sim/model/families/constant.hpp"
#include "sim/model/families/discrete.hpp"
#include "sim/model/families/lognormal.hpp"
#include "sim/model/families/normal.hpp"
#include "sim/model/families/pert.hpp"
#include "sim/model/families/triangular.hpp"
#include "sim/model/families/uniform.hpp"

namespace parley {

// The families, in the order a scenario's error messages list them. Constant comes first: a
// default Distribution is the constant 0.
using FamilyLaw = std::variant<family::Constant, family::Uniform, family::Normal, family::Lognormal,
                               family::Triangular, family::Pert, family::Beta, family::Discrete>;

// A family a scenario can name in `dist:` (every one with parameters; a constant is a plain
// number): its name, its keys and its factory.
struct NamedFamily {
  std::string_view name;
  std::span<const FamilyParam> params;
  Distribution (*from)(const FamilyArgs&);
};

// In FamilyLaw's order.
const std::vector<NamedFamily>& named_families();

}  // namespace parley
