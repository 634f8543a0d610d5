#include "sim/io/scenario_draft.hpp"

#include "sim/io/suggestions.hpp"

namespace parley {
namespace {

template <class Items>
std::vector<std::string> names_of(const Items& items) {
  std::vector<std::string> names;
  for (const auto& item : items)
    names.push_back(item.name);
  return names;
}

int lookup(Reader& read, const YamlNode& name, const std::string& path, const char* kind,
           const std::vector<std::string>& defined) {
  read.note(path, {FieldRule::Kind::choice, {}, defined});
  if (!name.is_scalar()) {
    read.error(name.where, path, std::string("expected ") + kind + " name, got " + name.describe());
    return -1;
  }
  for (std::size_t i = 0; i < defined.size(); ++i) {
    if (defined[i] == name.text) return static_cast<int>(i);
  }
  read.error(name.where, path,
             std::string("unknown ") + kind + " '" + name.text + "'" +
                 did_you_mean(name.text, defined) + " (defined: " + name_list(defined) + ")");
  return -1;
}

}  // namespace

std::vector<std::string> ScenarioDraft::actor_names() const {
  return names_of(scenario.actors);
}
std::vector<std::string> ScenarioDraft::table_names() const {
  return names_of(scenario.tables);
}
std::vector<std::string> ScenarioDraft::shock_names() const {
  return names_of(scenario.shocks);
}

int ScenarioDraft::actor(const YamlNode& name, const std::string& path) {
  return lookup(read, name, path, "actor", actor_names());
}
int ScenarioDraft::table(const YamlNode& name, const std::string& path) {
  return lookup(read, name, path, "table", table_names());
}
int ScenarioDraft::shock(const YamlNode& name, const std::string& path) {
  return lookup(read, name, path, "shock", shock_names());
}

Range actor_param_range(ActorParam param) {
  switch (param) {
    case ActorParam::opening:
    case ActorParam::reservation:
      return Range::at_least(0);
    case ActorParam::beta:
    case ActorParam::patience:
      return Range::above(0);
    case ActorParam::discount:
      return Range::open(0, 1);
    case ActorParam::power:
      return Range::closed(0, 1);
  }
  return {};
}

}  // namespace parley
