// `actors:` -> Scenario::actors, in two steps: read_actors() reads what each actor says;
// finish_actors(), once tables and shocks are known, resolves what depends on where an actor
// sits (relative amounts, parameters required by a protocol, defaults).
#include <map>
#include <set>
#include <stdexcept>

#include "sim/io/distribution_parser.hpp"
#include "sim/io/scenario_draft.hpp"
#include "sim/io/suggestions.hpp"

namespace parley {
namespace {

constexpr double kDefaultBeta = 1.0;
constexpr double kDefaultPatience = 1.0;
constexpr double kDefaultDiscount = 0.95;
constexpr double kDefaultPower = 0.5;

bool is_amount(ActorParam p) {
  return p == ActorParam::opening || p == ActorParam::reservation;
}

// Tables where each actor can sit: its own seats, plus seats it can take by `replace`.
std::vector<std::set<int>> seats(const Scenario& s) {
  std::vector<std::set<int>> at(s.actors.size());
  for (std::size_t t = 0; t < s.tables.size(); ++t) {
    for (int a : {s.tables[t].demander, s.tables[t].payer}) {
      if (a >= 0) at[a].insert(static_cast<int>(t));
    }
  }
  std::vector<const Effect*> replacements;
  auto collect = [&](const std::vector<Effect>& effects) {
    for (const Effect& e : effects) {
      if (e.kind == Effect::Kind::replace && e.actor >= 0 && e.replacement >= 0) {
        replacements.push_back(&e);
      }
    }
  };
  for (const Table& t : s.tables)
    collect(t.on_deadline.lapse_effects);
  for (const Shock& shock : s.shocks) {
    for (const ShockOutcome& o : shock.outcomes)
      collect(o.effects);
  }
  // Replacements can chain (A by B, later B by C): repeat until nothing changes.
  for (bool changed = true; changed;) {
    changed = false;
    for (const Effect* e : replacements) {
      for (int t : std::set<int>(at[e->actor])) {
        const bool allowed = e->tables.empty() ||
                             std::find(e->tables.begin(), e->tables.end(), t) != e->tables.end();
        if (allowed && at[e->replacement].insert(t).second) changed = true;
      }
    }
  }
  return at;
}

// Multiplies relative amounts by the one baseline of the actor's tables.
void resolve_relative(ScenarioDraft& draft, int a, const std::set<int>& tables, ParamDraft& p) {
  const Scenario& s = draft.scenario;
  std::map<double, std::vector<std::string>> by_baseline;
  for (int t : tables) {
    if (!(s.tables[t].baseline > 0)) return;  // a missing or bad baseline is reported already
    by_baseline[s.tables[t].baseline].push_back(s.tables[t].name);
  }
  if (by_baseline.size() != 1) {
    std::string where = tables.empty() ? "it sits at no table" : "it sits at tables of ";
    for (const auto& [baseline, names] : by_baseline) {
      where += (where.back() == ' ' ? "" : "; ") + std::string("baseline ") +
               number_text(baseline) + " (" + name_list(names) + ")";
    }
    draft.read.error(p.where, p.path,
                     "an amount relative to the baseline needs the actor '" + s.actors[a].name +
                         "' to sit only at tables of one baseline, but " + where);
    return;
  }
  p.value = p.value.scaled(by_baseline.begin()->first);
  p.relative = false;
}

std::string table_list(const Scenario& s, const std::set<int>& tables) {
  std::vector<std::string> names;
  for (int t : tables)
    names.push_back(s.tables[t].name);
  return name_list(names);
}

// The values of an actor's parameters (amounts, distributions), each marked invalid in
// `actor_draft` until it has been read successfully.
void read_actor_param_values(Reader& read, MapFields& fields, ActorDraft& actor_draft) {
  for (ActorParam param : kAllActorParams) {
    const char* name = to_string(param);
    const YamlNode* value = fields.get(name);
    if (!value) continue;
    ParamDraft p;
    p.where = value->where;
    p.path = fields.path(name);
    actor_draft.invalid[static_cast<int>(param)] = true;  // until read successfully
    if (is_amount(param)) {
      auto amount = read_amount(read, *value, p.path);
      if (!amount) continue;
      p.value = amount->value;
      p.relative = amount->relative;
    } else {
      auto d = read_distribution(read, *value, p.path);
      if (!d) continue;
      p.value = *d;
    }
    actor_draft.params[static_cast<int>(param)] = std::move(p);
    actor_draft.invalid[static_cast<int>(param)] = false;
  }
}

// One entry of `actors:` (name: {role: ..., opening: ..., ...}).
void read_one_actor(const YamlEntry& entry, ScenarioDraft& draft) {
  Reader& read = draft.read;
  const std::string path = join_path("actors", entry.key);
  Actor actor;
  actor.name = entry.key;
  ActorDraft actor_draft;
  actor_draft.where = entry.key_where;
  actor_draft.path = path;
  read.identifier(entry.key_node(), path);

  MapFields fields(
      read, entry.value, path,
      {"role", "opening", "reservation", "beta", "patience", "discount", "power", "lookahead"});
  if (!fields.ok()) actor_draft.invalid.fill(true);  // reported; stay quiet about its parts
  if (const YamlNode* role = fields.required("role")) {
    if (auto r = read.choice(*role, fields.path("role"), {"demander", "payer"})) {
      actor.role = *r == 0 ? Role::demander : Role::payer;
      actor_draft.role_given = true;
    }
  }
  fields.required("opening");
  fields.required("reservation");
  read_actor_param_values(read, fields, actor_draft);
  if (const YamlNode* lookahead = fields.get("lookahead")) {
    actor.lookahead =
        read_actor_lookahead(read, *lookahead, fields.path("lookahead")).value_or(Lookahead{});
  }
  draft.scenario.actors.push_back(std::move(actor));
  draft.actors.push_back(std::move(actor_draft));
}

// Reports a parameter that a protocol of the actor's tables needs and the actor does not give.
void require_protocol_params(ScenarioDraft& draft, int a, const std::set<int>& sits_at) {
  const Scenario& s = draft.scenario;
  ActorDraft& d = draft.actors[a];
  std::set<int> alternating, rubinstein, nash;
  for (int t : sits_at) {
    switch (s.tables[t].protocol) {
      case Protocol::alternating:
        alternating.insert(t);
        break;
      case Protocol::rubinstein:
        rubinstein.insert(t);
        break;
      case Protocol::nash:
        nash.insert(t);
        break;
    }
  }
  auto require = [&](ActorParam param, const std::set<int>& tables, const char* protocol) {
    const int i = static_cast<int>(param);
    if (d.params[i] || d.invalid[i] || tables.empty()) return;
    d.invalid[i] = true;
    draft.read.error(d.where, d.path,
                     std::string("missing required key '") + to_string(param) +
                         "': the actor sits at " + protocol + " table(s) " + table_list(s, tables));
  };
  require(ActorParam::patience, alternating, "alternating");
  require(ActorParam::discount, rubinstein, "rubinstein");
  if (s.actors[a].role == Role::demander) require(ActorParam::power, nash, "nash");
}

double actor_param_default(ActorParam param) {
  return param == ActorParam::beta       ? kDefaultBeta
         : param == ActorParam::patience ? kDefaultPatience
         : param == ActorParam::discount ? kDefaultDiscount
         : param == ActorParam::power    ? kDefaultPower
                                         : 0.0;
}

// One parameter of actor `a` as the engine draws it: its default when not given, a relative
// amount resolved, truncated at 0 where the model says so, checked against its range.
void finish_actor_param(ScenarioDraft& draft, int a, const std::set<int>& sits_at,
                        ActorParam param) {
  ActorDraft& d = draft.actors[a];
  std::optional<ParamDraft>& p = d.params[static_cast<int>(param)];
  Distribution& target = draft.scenario.actors[a].params[static_cast<int>(param)];
  if (!p) {
    target = Distribution::constant(actor_param_default(param));
    return;
  }
  d.invalid[static_cast<int>(param)] = true;  // until every check below passed
  if (p->relative) resolve_relative(draft, a, sits_at, *p);
  if (p->relative) return;
  if (is_amount(param) || param == ActorParam::patience) {
    // Truncated at 0 from below (docs/model.md v1.3); what is left must carry probability.
    try {
      p->value = p->value.at_least(0);
    } catch (const std::invalid_argument&) {
      draft.read.error(p->where, p->path,
                       p->value.is_constant()
                           ? "must be >= 0, got " + number_text(p->value.support_lower())
                           : "must be able to take values >= 0, but " + p->value.describe() +
                                 " has no probability there");
      return;
    }
  }
  Range range = actor_param_range(param);
  // A continuous patience truncated at 0 draws 0 with probability 0.
  if (param == ActorParam::patience && !p->value.is_constant()) range = Range::at_least(0);
  if (check_support(draft.read, p->where, p->path, p->value, range)) {
    target = p->value;
    d.invalid[static_cast<int>(param)] = false;
  }
}

}  // namespace

void read_actors(const YamlNode& node, ScenarioDraft& draft) {
  Reader& read = draft.read;
  draft.actors_read = true;
  if (!node.is_map()) {
    read.error(node.where, "actors",
               "expected a map of actors (name: {role: ...}), got " + node.describe());
    return;
  }
  if (node.entries.empty()) {
    read.error(node.where, "actors",
               "expected at least one actor (name: {role: ...}), got an empty map");
    return;
  }
  for (const YamlEntry& entry : node.entries)
    read_one_actor(entry, draft);
}

void finish_actors(ScenarioDraft& draft) {
  const std::vector<std::set<int>> sits_at = seats(draft.scenario);
  for (std::size_t i = 0; i < draft.scenario.actors.size(); ++i) {
    const int a = static_cast<int>(i);
    require_protocol_params(draft, a, sits_at[i]);
    for (ActorParam param : kAllActorParams)
      finish_actor_param(draft, a, sits_at[i], param);
  }
}

}  // namespace parley
