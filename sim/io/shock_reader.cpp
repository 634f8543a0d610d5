// `shocks:` -> Scenario::shocks, in declaration order (a `when` may only name earlier shocks).
#include <algorithm>
#include <cmath>

#include "sim/io/effect_parser.hpp"
#include "sim/io/scenario_draft.hpp"
#include "sim/io/suggestions.hpp"

namespace parley {
namespace {

constexpr double kOutcomeSumTolerance = 1e-9;

void read_timing(MapFields& fields, Shock& shock, Reader& read) {
  const YamlNode* at = fields.get("at");
  const YamlNode* window = fields.get("window");
  const YamlNode* hazard = fields.get("hazard");
  if (at && window) {
    read.error(window->where, fields.path("window"),
               "a shock has exactly one timing: 'at', or 'window' (with an optional 'hazard'), "
               "not both 'at' and 'window'");
    return;
  }
  if (hazard && !window) {
    read.error(hazard->where, fields.path("hazard"),
               "'hazard' needs a 'window: [YYYY-MM, YYYY-MM]'");
    return;
  }
  if (!at && !window) {
    read.error(fields.where(), fields.path(),
               "missing timing: expected 'at: YYYY-MM' or 'window: [YYYY-MM, YYYY-MM]'");
    return;
  }
  if (at) {
    shock.timing = ShockTiming::at;
    if (auto month = read.month(*at, fields.path("at"))) shock.at = *month;
    return;
  }
  const std::string path = fields.path("window");
  if (!window->is_sequence() || window->items.size() != 2) {
    read.error(window->where, path, "expected [YYYY-MM, YYYY-MM], got " + window->describe());
    return;
  }
  const auto first = read.month(window->items[0], join_path(path, 0));
  const auto last = read.month(window->items[1], join_path(path, 1));
  if (first && last) {
    if (*first > *last) {
      read.error(
          window->items[1].where, join_path(path, 1),
          "the window must not end before it starts (" + first->str() + "), got " + last->str());
    }
    shock.window_first = *first;
    shock.window_last = *last;
  }
  shock.timing = ShockTiming::window;
  if (hazard) {
    shock.timing = ShockTiming::hazard;
    shock.hazard = read.number(*hazard, fields.path("hazard"), Range::left_open(0, 1)).value_or(1);
  }
}

void read_outcomes(MapFields& fields, Shock& shock, ScenarioDraft& draft) {
  Reader& read = draft.read;
  const YamlNode* effects = fields.get("effects");
  const YamlNode* outcomes = fields.get("outcomes");
  if (effects && outcomes) {
    read.error(outcomes->where, fields.path("outcomes"),
               "a shock has either 'effects' or 'outcomes', not both");
    return;
  }
  if (!outcomes) {
    ShockOutcome happened{"happened", 1.0, {}};
    if (effects) happened.effects = read_effects(*effects, fields.path("effects"), draft);
    shock.outcomes.push_back(std::move(happened));
    return;
  }
  const std::string path = fields.path("outcomes");
  if (!outcomes->is_map()) {
    read.error(
        outcomes->where, path,
        "expected a map of outcomes (name: {p: x, effects: [...]}), got " + outcomes->describe());
    return;
  }
  if (outcomes->entries.empty()) {
    read.error(outcomes->where, path,
               "expected at least one outcome (name: {p: x, effects: [...]}), got an empty map");
    return;
  }
  double sum = 0;
  std::string terms;
  for (const YamlEntry& entry : outcomes->entries) {
    const std::string outcome_path = join_path(path, entry.key);
    if (read.identifier(entry.key_node(), outcome_path) && entry.key == "none") {
      read.error(entry.key_where, outcome_path,
                 "'none' is reserved for \"the shock did not happen\"; choose another name");
    }
    MapFields outcome(read, entry.value, outcome_path, {"p", "effects"});
    ShockOutcome o{entry.key, 0.0, {}};
    if (const YamlNode* p = outcome.required("p")) {
      o.p = read.number(*p, outcome.path("p"), Range::closed(0, 1)).value_or(NAN);
      terms += (terms.empty() ? "" : " + ") + entry.key + " " + p->text;
    }
    if (const YamlNode* list = outcome.get("effects")) {
      o.effects = read_effects(*list, outcome.path("effects"), draft);
    }
    sum += o.p;
    shock.outcomes.push_back(std::move(o));
  }
  if (std::isfinite(sum) && std::abs(sum - 1) > kOutcomeSumTolerance) {
    read.error(outcomes->where, path,
               "outcome probabilities must sum to 1, got " + number_text(sum) + " (" + terms + ")");
  }
}

void read_condition(const YamlNode& node, const std::string& path, Shock& shock,
                    const std::vector<std::string>& all_shocks, ScenarioDraft& draft) {
  Reader& read = draft.read;
  if (!node.is_map()) {
    read.error(node.where, path, "expected a map {SHOCK: OUTCOME}, got " + node.describe());
    return;
  }
  const Scenario& s = draft.scenario;
  for (const YamlEntry& entry : node.entries) {
    const std::string entry_path = join_path(path, entry.key);
    const int earlier = s.find_shock(entry.key);
    if (earlier < 0) {
      const bool later =
          std::find(all_shocks.begin(), all_shocks.end(), entry.key) != all_shocks.end();
      std::vector<std::string> before = draft.shock_names();
      read.error(entry.key_where, entry_path,
                 entry.key == shock.name ? "a shock cannot depend on itself"
                 : later                 ? "'" + entry.key + "' is declared after '" + shock.name +
                               "'; a condition may only name an earlier shock (earlier: " +
                               name_list(before) + ")"
                         : "unknown shock '" + entry.key + "'" + did_you_mean(entry.key, before) +
                               " (earlier shocks: " + name_list(before) + ")");
      continue;
    }
    std::vector<std::string> names;
    for (const ShockOutcome& o : s.shocks[earlier].outcomes)
      names.push_back(o.name);
    names.push_back("none");
    std::vector<const YamlNode*> wanted;
    if (entry.value.is_sequence()) {
      for (const YamlNode& item : entry.value.items)
        wanted.push_back(&item);
    } else {
      wanted.push_back(&entry.value);
    }
    ShockCondition condition{earlier, {}};
    for (const YamlNode* outcome : wanted) {
      const auto it =
          outcome->is_scalar() ? std::find(names.begin(), names.end(), outcome->text) : names.end();
      if (it == names.end()) {
        const std::string text = outcome->is_scalar() ? outcome->text : "";
        read.error(outcome->where, entry_path,
                   "unknown outcome " + outcome->describe() + " of shock '" + entry.key + "'" +
                       did_you_mean(text, names) + " (outcomes: " + name_list(names) + ")");
        continue;
      }
      const int index = static_cast<int>(it - names.begin());
      condition.outcomes.push_back(it + 1 == names.end() ? kShockNone : index);
    }
    shock.when.push_back(std::move(condition));
  }
}

}  // namespace

void read_shocks(const YamlNode& node, ScenarioDraft& draft) {
  Reader& read = draft.read;
  draft.shocks_read = true;
  if (!read.map(node, "shocks")) return;
  std::vector<std::string> all_shocks;
  for (const YamlEntry& entry : node.entries)
    all_shocks.push_back(entry.key);
  for (const YamlEntry& entry : node.entries) {
    const std::string path = join_path("shocks", entry.key);
    read.identifier(entry.key_node(), path);
    Shock shock;
    shock.name = entry.key;
    MapFields fields(read, entry.value, path,
                     {"at", "window", "hazard", "p", "when", "effects", "outcomes"});
    if (fields.ok()) {
      read_timing(fields, shock, read);
      if (const YamlNode* p = fields.get("p")) {
        shock.p = read.number(*p, fields.path("p"), Range::closed(0, 1)).value_or(1);
      }
      if (const YamlNode* when = fields.get("when")) {
        read_condition(*when, fields.path("when"), shock, all_shocks, draft);
      }
      read_outcomes(fields, shock, draft);
    }
    draft.scenario.shocks.push_back(std::move(shock));
    draft.shock_where.push_back(entry.key_where);
  }
}

}  // namespace parley
