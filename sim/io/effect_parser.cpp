#include "sim/io/effect_parser.hpp"

#include "sim/io/distribution_parser.hpp"
#include "sim/io/suggestions.hpp"

namespace parley {
namespace {

const char* const kShapes =
    "{target: ACTOR.PARAM, scale|shift|set: X}, {target: ACTOR, reset_clock: true}, "
    "{replace: ACTOR, with: ACTOR}, or {table: TABLE, deadline|horizon|extend_p: X}";

std::vector<std::string> param_names() {
  std::vector<std::string> names;
  for (ActorParam p : kAllActorParams)
    names.push_back(to_string(p));
  return names;
}

// The actor and, after a dot, the parameter that `target:` names.
struct Target {
  int actor = -1;  // -1: an unknown actor, already reported
  std::optional<ActorParam> param;
};

std::optional<Target> read_target_name(const YamlNode& target, const std::string& target_path,
                                       ScenarioDraft& draft) {
  Reader& read = draft.read;
  if (!target.is_scalar()) {
    read.error(target.where, target_path,
               "expected ACTOR or ACTOR.PARAM, got " + target.describe());
    return std::nullopt;
  }
  const std::size_t dot = target.text.find('.');
  YamlNode actor_name = target;
  actor_name.text = target.text.substr(0, dot);
  Target found{draft.actor(actor_name, target_path), std::nullopt};
  if (dot != std::string::npos) {
    const std::string name = target.text.substr(dot + 1);
    found.param = actor_param_from_string(name);
    if (!found.param) {
      read.error(target.where, target_path,
                 "unknown parameter '" + name + "'" + did_you_mean(name, param_names()) +
                     " (expected one of " + name_list(param_names()) + ")");
      return std::nullopt;
    }
  }
  return found;
}

// Whether the effect's keys make one of its shapes: at most one of scale|shift|set, which needs
// ACTOR.PARAM, and reset_clock, which alone needs a plain ACTOR.
bool check_shape(const MapFields& fields, Reader& read, const YamlNode& target,
                 const std::string& target_path, const std::vector<const char*>& changes,
                 bool reset, bool has_param) {
  if (changes.size() > 1) {
    read.error(fields.where(), fields.path(),
               std::string("an effect has one of scale, shift, set; got both '") + changes[0] +
                   "' and '" + changes[1] + "'");
    return false;
  }
  if (changes.empty() && !reset) {
    read.error(fields.where(), fields.path(),
               "the effect changes nothing: expected scale, shift or set with ACTOR.PARAM, or "
               "reset_clock: true");
    return false;
  }
  if (!changes.empty() && !has_param) {
    read.error(target.where, target_path,
               std::string("'") + changes[0] + "' needs a target ACTOR.PARAM (PARAM one of " +
                   name_list(param_names()) + "), got '" + target.text + "'");
    return false;
  }
  if (changes.empty() && has_param) {
    read.error(target.where, target_path,
               "reset_clock alone takes a target ACTOR, got '" + target.text +
                   "' (add scale, shift or set to change the parameter)");
    return false;
  }
  return true;
}

// scale|shift|set: its value, a distribution whose support the change allows.
std::optional<Effect> read_change(const MapFields& fields, Reader& read, const std::string& kind,
                                  const Target& target) {
  const std::string value_path = fields.path(kind);
  const YamlNode& value_node = *fields.get(kind);
  const auto value = read_distribution(read, value_node, value_path);
  if (!value) return std::nullopt;
  if (kind == "scale" &&
      !check_support(read, value_node.where, value_path, *value, Range::at_least(0))) {
    return std::nullopt;
  }
  if (kind == "set" && !check_support(read, value_node.where, value_path, *value,
                                      actor_param_range(*target.param))) {
    return std::nullopt;
  }
  Effect e;
  e.kind = kind == "scale"   ? Effect::Kind::scale
           : kind == "shift" ? Effect::Kind::shift
                             : Effect::Kind::set;
  e.actor = target.actor;
  e.param = *target.param;
  e.value = *value;
  return e;
}

// `target: ACTOR` or `target: ACTOR.PARAM`, changed by scale|shift|set and/or reset_clock.
void read_target(MapFields& fields, ScenarioDraft& draft, std::vector<Effect>& out) {
  Reader& read = draft.read;
  const YamlNode* target_node = fields.required("target");
  if (!target_node) return;
  const std::string target_path = fields.path("target");
  const std::optional<Target> target = read_target_name(*target_node, target_path, draft);
  if (!target) return;
  std::vector<const char*> changes;
  for (const char* kind : {"scale", "shift", "set"}) {
    if (fields.has(kind)) changes.push_back(kind);
  }
  bool reset = false;
  if (const YamlNode* r = fields.get("reset_clock")) {
    const std::optional<bool> given = read.boolean(*r, fields.path("reset_clock"));
    if (!given) return;
    reset = *given;
  }
  if (!check_shape(fields, read, *target_node, target_path, changes, reset,
                   target->param.has_value())) {
    return;
  }
  if (!changes.empty()) {
    const std::optional<Effect> change = read_change(fields, read, changes[0], *target);
    if (!change) return;
    if (target->actor >= 0) out.push_back(*change);
  }
  if (reset && target->actor >= 0) {
    Effect e;
    e.kind = Effect::Kind::reset_clock;
    e.actor = target->actor;
    out.push_back(e);
  }
}

void read_replace(MapFields& fields, ScenarioDraft& draft, std::vector<Effect>& out) {
  const YamlNode* replaced = fields.required("replace");
  if (!replaced) return;
  Effect e;
  e.kind = Effect::Kind::replace;
  e.actor = draft.actor(*replaced, fields.path("replace"));
  const YamlNode* with = fields.required("with");
  e.replacement = with ? draft.actor(*with, fields.path("with")) : -1;
  if (const YamlNode* tables = fields.get("tables");
      tables && draft.read.list(*tables, fields.path("tables"))) {
    for (std::size_t i = 0; i < tables->items.size(); ++i) {
      const int t = draft.table(tables->items[i], join_path(fields.path("tables"), i));
      if (t >= 0) e.tables.push_back(t);
    }
  }
  if (e.actor < 0 || e.replacement < 0) return;
  const Actor& from = draft.scenario.actors[e.actor];
  const Actor& to = draft.scenario.actors[e.replacement];
  if (e.actor == e.replacement) {
    draft.read.error(with->where, fields.path("with"), "an actor cannot replace itself");
    return;
  }
  if (from.role != to.role) {
    draft.read.error(with->where, fields.path("with"),
                     "'" + to.name + "' is a " + to_string(to.role) +
                         " and cannot take the seat of '" + from.name + "', a " +
                         to_string(from.role) + " (same role required)");
    return;
  }
  out.push_back(e);
}

void read_table_change(MapFields& fields, ScenarioDraft& draft, std::vector<Effect>& out) {
  Reader& read = draft.read;
  const YamlNode* table = fields.required("table");
  if (!table) return;
  Effect e;
  e.table = draft.table(*table, fields.path("table"));
  std::vector<std::string> given;
  for (const char* kind : {"deadline", "horizon", "extend_p"}) {
    if (fields.has(kind)) given.push_back(kind);
  }
  if (given.size() != 1) {
    read.error(fields.where(), fields.path(),
               "a table effect has exactly one of deadline, horizon, extend_p; got " +
                   (given.empty() ? std::string("none") : name_list(given)));
    return;
  }
  const std::string path = fields.path(given[0]);
  const YamlNode& value = *fields.get(given[0]);
  if (given[0] == "extend_p") {
    const auto p = read.number(value, path, Range::closed(0, 1));
    if (!p) return;
    e.kind = Effect::Kind::table_extend_p;
    e.value = Distribution::constant(*p);
  } else {
    const auto month = read.month(value, path);
    if (!month) return;
    e.kind = given[0] == "deadline" ? Effect::Kind::table_deadline : Effect::Kind::table_horizon;
    e.month = *month;
  }
  if (e.table >= 0) out.push_back(e);
}

}  // namespace

std::vector<Effect> read_effects(const YamlNode& list, const std::string& path,
                                 ScenarioDraft& draft) {
  std::vector<Effect> effects;
  if (!draft.read.list(list, path)) return effects;
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    const YamlNode& item = list.items[i];
    const std::string item_path = join_path(path, i);
    const bool target = item.find("target"), replace = item.find("replace"),
               table = item.find("table");
    if (!item.is_map() || target + replace + table == 0) {
      draft.read.error(item.where, item_path,
                       std::string("expected one effect: ") + kShapes + "; got " + item.describe());
      continue;
    }
    if (target + replace + table > 1) {
      std::vector<std::string> given;
      if (target) given.push_back("target");
      if (replace) given.push_back("replace");
      if (table) given.push_back("table");
      draft.read.error(
          item.where, item_path,
          "an effect has exactly one of 'target', 'replace', 'table'; got " + name_list(given));
      continue;
    }
    if (target) {
      MapFields fields(draft.read, item, item_path,
                       {"target", "scale", "shift", "set", "reset_clock"});
      read_target(fields, draft, effects);
    } else if (replace) {
      MapFields fields(draft.read, item, item_path, {"replace", "with", "tables"});
      read_replace(fields, draft, effects);
    } else {
      MapFields fields(draft.read, item, item_path, {"table", "deadline", "horizon", "extend_p"});
      read_table_change(fields, draft, effects);
    }
  }
  return effects;
}

}  // namespace parley
