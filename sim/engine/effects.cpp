#include "sim/engine/effects.hpp"

#include <algorithm>

#include "sim/engine/actor_draws.hpp"
#include "sim/engine/parameter_bounds.hpp"

namespace parley {
namespace {

// What an effect did, for the trace: its drawn value and the field before and after.
struct Change {
  double value = 0, before = 0, after = 0;
};

// The effect's value: a constant read from the compiled scenario, or a draw from its stream.
double effect_value(const Trial& t, const CompiledEffect& compiled) {
  if (compiled.fixed) return compiled.fixed_value;
  RandomStream stream(t.key(compiled.stream), t.number);
  return compiled.effect->value.sample(stream);
}

Change change_parameter(Trial& t, const CompiledEffect& compiled) {
  const Effect& e = *compiled.effect;
  ensure_drawn(t, e.actor);
  Change c;
  c.value = effect_value(t, compiled);
  double& x = t.state.actors[e.actor][param_index(e.param)];
  c.before = x;
  x = e.kind == Effect::Kind::scale   ? x * c.value
      : e.kind == Effect::Kind::shift ? x + c.value
                                      : c.value;
  normalise_changed(t.state.actors[e.actor], t.scenario.actors[e.actor].role, e.param);
  c.after = x;
  return c;
}

// reset_clock: the actor's clocks read 0 from this month (or from the opening of a table not yet
// open). replace: the replacement takes the actor's seats (at the listed tables, or all) with
// fresh clocks.
void move_seats(Trial& t, const Effect& e, int month) {
  const bool replace = e.kind == Effect::Kind::replace;
  for (int i = 0; i < t.table_count; ++i) {
    if (replace && !e.tables.empty() &&
        std::find(e.tables.begin(), e.tables.end(), i) == e.tables.end()) {
      continue;
    }
    TableState& ts = t.state.tables[i];
    for (int k = 0; k < 2; ++k) {
      if (ts.seat[k] != e.actor) continue;
      if (replace) {
        ensure_drawn(t, e.replacement);
        ts.seat[k] = e.replacement;
      }
      ts.origin[k] = std::max(month, t.compiled.tables[i].opens);
    }
  }
}

Change change_table(Trial& t, const CompiledEffect& compiled) {
  const Effect& e = *compiled.effect;
  TableState& ts = t.state.tables[e.table];
  Change c;
  switch (e.kind) {
    case Effect::Kind::table_deadline:
      c.before = ts.deadline;
      c.after = ts.deadline = e.month.index();
      break;
    case Effect::Kind::table_horizon:
      c.before = ts.horizon;
      c.after = ts.horizon = e.month.index();
      break;
    default: {  // table_extend_p
      RandomStream stream(t.key(compiled.stream), t.number);
      c.value = e.value.sample(stream);
      c.before = ts.extend_p;
      c.after = ts.extend_p = std::clamp(c.value, 0.0, 1.0);
      break;
    }
  }
  return c;
}

}  // namespace

void apply_effect(Trial& t, const CompiledEffect& compiled, int month) {
  const Effect& e = *compiled.effect;
  Change c;
  switch (e.kind) {
    case Effect::Kind::scale:
    case Effect::Kind::shift:
    case Effect::Kind::set:
      c = change_parameter(t, compiled);
      break;
    case Effect::Kind::reset_clock:
    case Effect::Kind::replace:
      move_seats(t, e, month);
      break;
    case Effect::Kind::table_deadline:
    case Effect::Kind::table_horizon:
    case Effect::Kind::table_extend_p:
      c = change_table(t, compiled);
      break;
  }
  if (t.trace) t.trace->effect_applied(YearMonth::from_index(month), e, c.value, c.before, c.after);
}

void fire_shock(Trial& t, int month, int shock) {
  const int outcome = t.result.shocks[shock].outcome;
  if (t.trace) t.trace->shock_fired(YearMonth::from_index(month), shock, outcome);
  for (const CompiledEffect& effect : t.compiled.shocks[shock].effects[outcome])
    apply_effect(t, effect, month);
}

void apply_links(Trial& t, int month) {
  for (std::size_t l = 0; l < t.state.link_month.size(); ++l) {
    if (t.state.link_month[l] != month) continue;
    t.state.link_month[l] = kNoMonth;
    const Link& link = t.scenario.links[l];
    const int actor = t.state.tables[link.to].seat[0];
    double& r = t.state.actors[actor][param_index(ActorParam::reservation)];
    const double before = r;
    r = (1 - link.weight) * r +
        link.weight * t.state.link_ratio[l] * t.scenario.tables[link.to].baseline;
    normalise_changed(t.state.actors[actor], t.scenario.actors[actor].role,
                      ActorParam::reservation);
    if (t.trace)
      t.trace->link_applied(YearMonth::from_index(month), static_cast<int>(l), actor, before, r);
  }
}

}  // namespace parley
