#pragma once
// A family's parameters as a scenario names them, and the values given for them: what the
// scenario parser reads for every family in the family list, so that a family's keys live with
// the family.
//
//   static constexpr std::array<FamilyParam, 2> kParams = {
//       {{.name = "mean"}, {.name = "sd", .minimum = 0}}};
//   static Distribution from(const FamilyArgs& a) { return make(a.number(0), a.number(1)); }
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

namespace parley {

struct FamilyParam {
  const char* name = "";
  bool is_list = false;  // a list of numbers (discrete's values and weights), else one number
  bool required = true;
  double default_value = 0;  // an optional number's value when the scenario leaves it out
  // The check of this parameter on its own (of each item of a list): >= minimum, or > minimum
  // when excluded. The factory makes it (check_minimum) and front ends show it.
  double minimum = -std::numeric_limits<double>::infinity();
  bool minimum_excluded = false;
  bool has_minimum() const { return minimum > -std::numeric_limits<double>::infinity(); }
};

// The values given for a family's parameters, in the order of its kParams: a number parameter
// holds one value, a list parameter the whole list.
class FamilyArgs {
 public:
  explicit FamilyArgs(std::vector<std::vector<double>> values) : values_(std::move(values)) {}
  double number(std::size_t i) const { return values_.at(i).at(0); }
  const std::vector<double>& list(std::size_t i) const { return values_.at(i); }

 private:
  std::vector<std::vector<double>> values_;
};

}  // namespace parley
