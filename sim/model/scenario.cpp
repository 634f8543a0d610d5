#include "sim/model/scenario.hpp"

#include <algorithm>

namespace parley {
namespace {

template <class Items>
int find_by_name(const Items& items, std::string_view name) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

const char* to_string(Role role) {
  return role == Role::demander ? "demander" : "payer";
}

const char* to_string(ActorParam param) {
  switch (param) {
    case ActorParam::opening:
      return "opening";
    case ActorParam::reservation:
      return "reservation";
    case ActorParam::beta:
      return "beta";
    case ActorParam::patience:
      return "patience";
    case ActorParam::discount:
      return "discount";
    case ActorParam::power:
      return "power";
  }
  return "?";
}

std::optional<ActorParam> actor_param_from_string(std::string_view name) {
  for (ActorParam p : kAllActorParams) {
    if (name == to_string(p)) return p;
  }
  return std::nullopt;
}

const char* to_string(Protocol protocol) {
  switch (protocol) {
    case Protocol::alternating:
      return "alternating";
    case Protocol::nash:
      return "nash";
    case Protocol::rubinstein:
      return "rubinstein";
  }
  return "?";
}

const char* to_string(Metric metric) {
  switch (metric) {
    case Metric::amount:
      return "amount";
    case Metric::change_pct:
      return "change_pct";
    case Metric::month:
      return "month";
    case Metric::total:
      return "total";
  }
  return "?";
}

bool Scenario::any_lookahead() const {
  return std::any_of(actors.begin(), actors.end(),
                     [](const Actor& a) { return a.lookahead.enabled; });
}

int Scenario::find_actor(std::string_view wanted) const {
  return find_by_name(actors, wanted);
}
int Scenario::find_table(std::string_view wanted) const {
  return find_by_name(tables, wanted);
}
int Scenario::find_shock(std::string_view wanted) const {
  return find_by_name(shocks, wanted);
}

int Scenario::find_variant(std::string_view wanted) const {
  return find_by_name(variants, wanted);
}

}  // namespace parley
