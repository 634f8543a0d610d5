// v2 look-ahead keys (model.md, "v2: look-ahead"): an actor's `lookahead` (true, false or
// {enabled, lead, threshold}) and the scenario's master switch `lookahead: {enabled}`.
#include "sim/io/scenario_draft.hpp"

namespace parley {

constexpr std::int64_t kMaxLeadMonths = 1200;

std::optional<Lookahead> read_actor_lookahead(Reader& read, const YamlNode& node,
                                              const std::string& path) {
  Lookahead out;
  if (node.is_scalar()) {
    const std::optional<bool> on = read.boolean(node, path);
    if (!on) return std::nullopt;
    out.enabled = *on;
    return out;
  }
  if (!node.is_map()) {
    read.error(node.where, path,
               "expected true, false or a map {enabled, lead, threshold}, got " + node.describe());
    return std::nullopt;
  }
  MapFields fields(read, node, path, {"enabled", "lead", "threshold"});
  if (!fields.ok()) return std::nullopt;
  bool ok = true;
  out.enabled = true;
  if (const YamlNode* enabled = fields.get("enabled")) {
    const std::optional<bool> on = read.boolean(*enabled, fields.path("enabled"));
    ok = ok && on.has_value();
    out.enabled = on.value_or(false);
  }
  if (const YamlNode* lead = fields.get("lead")) {
    const auto months = read.integer(*lead, fields.path("lead"), 1, kMaxLeadMonths);
    ok = ok && months.has_value();
    out.lead = static_cast<int>(months.value_or(1));
  }
  if (const YamlNode* threshold = fields.get("threshold")) {
    const auto x = read.number(*threshold, fields.path("threshold"), Range{0, 1, false, true});
    ok = ok && x.has_value();
    out.threshold = x.value_or(0);
  }
  if (!ok) return std::nullopt;
  return out;
}

// The master switch: `lookahead.enabled: false` turns every actor's look-ahead off (v1).
void read_lookahead(const YamlNode& node, ScenarioDraft& draft) {
  MapFields fields(draft.read, node, "lookahead", {"enabled"});
  if (!fields.ok()) return;
  const YamlNode* enabled = fields.get("enabled");
  if (!enabled) return;
  const std::optional<bool> on = draft.read.boolean(*enabled, fields.path("enabled"));
  if (!on || *on) return;
  draft.scenario.lookahead_enabled = false;
  for (Actor& actor : draft.scenario.actors)
    actor.lookahead.enabled = false;
}

}  // namespace parley
