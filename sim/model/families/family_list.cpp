#include "sim/model/families/family_list.hpp"

#include <utility>

#include "sim/model/distribution.hpp"

namespace parley {
namespace {

template <class Family>
void add_if_named(std::vector<NamedFamily>& all) {
  if constexpr (!Family::kParams.empty())
    all.push_back({Family::kName, Family::kParams, &Family::from});
}

template <std::size_t... I>
std::vector<NamedFamily> list_named(std::index_sequence<I...>) {
  std::vector<NamedFamily> all;
  (add_if_named<std::variant_alternative_t<I, FamilyLaw>>(all), ...);
  return all;
}

}  // namespace

const std::vector<NamedFamily>& named_families() {
  static const std::vector<NamedFamily> all =
      list_named(std::make_index_sequence<std::variant_size_v<FamilyLaw>>());
  return all;
}

}  // namespace parley
