// The v2 look-ahead rule: foreseen probabilities, the value of the table now and after each
// outcome of the foreseen shock, and the choice (model.md, "v2: look-ahead").
#include "sim/engine/lookahead_rule.hpp"

#include <algorithm>
#include <cmath>

namespace parley {
namespace {

bool valued(const Effect& e) {
  switch (e.kind) {
    case Effect::Kind::scale:
    case Effect::Kind::shift:
    case Effect::Kind::set:
      return e.param == ActorParam::opening || e.param == ActorParam::reservation;
    case Effect::Kind::reset_clock:
    case Effect::Kind::replace:
    case Effect::Kind::table_extend_p:
      return true;
    case Effect::Kind::table_deadline:
    case Effect::Kind::table_horizon:
      return false;
  }
  return false;
}

bool acts_at(const Effect& e, int table) {
  return e.tables.empty() || std::find(e.tables.begin(), e.tables.end(), table) != e.tables.end();
}

}  // namespace

const char* to_string(LookaheadChoice choice) {
  switch (choice) {
    case LookaheadChoice::v1:
      return "v1";
    case LookaheadChoice::hurry:
      return "hurry";
    case LookaheadChoice::hold:
      return "hold";
  }
  return "?";
}

LookaheadRule::LookaheadRule(const Scenario& scenario) : s_(scenario) {
  for (const Actor& a : scenario.actors) {
    actors_.push_back(a.lookahead);
    any_ = any_ || a.lookahead.enabled;
    mean_opening_.push_back(a.param(ActorParam::opening).mean());
  }
  for (const Shock& shock : scenario.shocks) {
    ForeseenShock f;
    for (const ShockOutcome& outcome : shock.outcomes) {
      std::vector<ValuedEffect> effects;
      for (const Effect& e : outcome.effects) {
        if (!valued(e)) continue;
        const bool has_value =
            e.kind != Effect::Kind::reset_clock && e.kind != Effect::Kind::replace;
        effects.push_back({&e, has_value ? e.value.mean() : 0.0});
      }
      f.foreseeable = f.foreseeable || !effects.empty();
      f.valued.push_back(std::move(effects));
    }
    f.foreseeable = f.foreseeable && shock.timing != ShockTiming::hazard;
    shocks_.push_back(std::move(f));
  }
}

bool LookaheadRule::fired_by(int shock, int month,
                             const std::vector<ShockRealisation>& shocks) const {
  return shocks[shock].outcome != kShockNone && shocks[shock].month.index() <= month;
}

// Fired, or past the last month it could fire in: its outcome (possibly none) is public.
bool LookaheadRule::settled(int shock, int month,
                            const std::vector<ShockRealisation>& shocks) const {
  if (fired_by(shock, month, shocks)) return true;
  const Shock& s = s_.shocks[shock];
  return (s.timing == ShockTiming::at ? s.at : s.window_last).index() <= month;
}

bool LookaheadRule::pending(int shock, int month,
                            const std::vector<ShockRealisation>& shocks) const {
  return shocks_[shock].foreseeable && !settled(shock, month, shocks);
}

// The earliest month the shock can come in: its date, or the window's next month.
int LookaheadRule::event_month(int shock, int month) const {
  const Shock& s = s_.shocks[shock];
  return s.timing == ShockTiming::at ? s.at.index() : std::max(s.window_first.index(), month + 1);
}

// pi(S): p times the probability of its `when` (conditions taken as independent).
double LookaheadRule::happens(int shock, int month,
                              const std::vector<ShockRealisation>& shocks) const {
  const Shock& s = s_.shocks[shock];
  double pi = s.p;
  if (s.timing == ShockTiming::hazard) {
    const int span = s.window_first.months_until(s.window_last) + 1;
    pi *= 1 - std::pow(1 - s.hazard, span);
  }
  for (const ShockCondition& c : s.when) {
    double holds = 0;
    for (int o : c.outcomes)
      holds += outcome_probability(c.shock, o, month, shocks);
    pi *= holds;
  }
  return pi;
}

double LookaheadRule::outcome_probability(int shock, int outcome, int month,
                                          const std::vector<ShockRealisation>& shocks) const {
  if (settled(shock, month, shocks)) {
    const int known = fired_by(shock, month, shocks) ? shocks[shock].outcome : kShockNone;
    return known == outcome ? 1.0 : 0.0;
  }
  const double pi = happens(shock, month, shocks);
  return outcome == kShockNone ? 1 - pi : pi * s_.shocks[shock].outcomes[outcome].p;
}

// V_k: the effects of outcome k applied, in order, to (counterpart, ask, extension chance).
double LookaheadRule::outcome_value(int shock, int outcome, const LookaheadView& view) const {
  int counterpart = view.counterpart;
  double ask = view.counterpart_ask;
  double extend_p = view.deadline_ahead ? view.extend_p : 0.0;
  for (const ValuedEffect& v : shocks_[shock].valued[outcome]) {
    const Effect& e = *v.effect;
    switch (e.kind) {
      case Effect::Kind::replace:
        if (e.actor == counterpart && acts_at(e, view.table)) {
          counterpart = e.replacement;
          ask = mean_opening_[counterpart];
        }
        break;
      case Effect::Kind::reset_clock:
        if (e.actor == counterpart)
          ask = counterpart == view.counterpart ? view.counterpart_opening
                                                : mean_opening_[counterpart];
        break;
      case Effect::Kind::scale:
      case Effect::Kind::shift:
      case Effect::Kind::set:
        if (e.actor != counterpart) break;
        ask = e.kind == Effect::Kind::scale   ? ask * v.mean
              : e.kind == Effect::Kind::shift ? ask + v.mean
                                              : v.mean;
        break;
      case Effect::Kind::table_extend_p:
        if (e.table == view.table && view.deadline_ahead) extend_p = std::clamp(v.mean, 0.0, 1.0);
        break;
      case Effect::Kind::table_deadline:
      case Effect::Kind::table_horizon:
        break;
    }
  }
  return extend_p * view.extend_amount + (1 - extend_p) * ask;
}

// A pending shock is looked at from E - lead (E its first possible month) until the month
// before its last possible month; the first such month >= `month` over all pending shocks.
int LookaheadRule::next_watch(int actor, int month,
                              const std::vector<ShockRealisation>& shocks) const {
  const int lead = actors_[actor].lead;
  int first = INT32_MAX;
  for (std::size_t k = 0; k < shocks_.size(); ++k) {
    const int shock = static_cast<int>(k);
    if (!pending(shock, month, shocks)) continue;
    const Shock& s = s_.shocks[shock];
    const int last = (s.timing == ShockTiming::at ? s.at : s.window_last).index() - 1;
    const int from = (s.timing == ShockTiming::at ? s.at : s.window_first).index() -
                     std::min(lead, Lookahead::kNoLeadLimit);
    const int start = std::max(month, from);
    if (start <= last) first = std::min(first, start);
  }
  return first;
}

LookaheadDecision LookaheadRule::decide(const LookaheadView& view) const {
  const std::vector<ShockRealisation>& shocks = *view.shocks;
  const Lookahead& la = actors_[view.actor];
  LookaheadDecision best;
  const double extend_p = view.deadline_ahead ? view.extend_p : 0.0;
  best.value_now = extend_p * view.extend_amount + (1 - extend_p) * view.counterpart_ask;
  best.value_after = best.value_now;
  int best_event = INT32_MAX;
  for (std::size_t k = 0; k < shocks_.size(); ++k) {
    const int shock = static_cast<int>(k);
    if (!pending(shock, view.month, shocks)) continue;
    const int event = event_month(shock, view.month);
    if (event - view.month > la.lead || event >= best_event) continue;
    const double pi = happens(shock, view.month, shocks);
    if (!(pi > 0)) continue;
    double expected = 0;
    const std::vector<ShockOutcome>& outcomes = s_.shocks[shock].outcomes;
    for (std::size_t o = 0; o < outcomes.size(); ++o)
      expected += outcomes[o].p * outcome_value(shock, static_cast<int>(o), view);
    const double after = (1 - pi) * best.value_now + pi * expected;
    if (after == best.value_now) continue;
    best_event = event;
    best.shock = shock;
    best.event_month = event;
    best.value_after = after;
  }
  if (best.shock < 0) return best;
  const double sign = view.seat == 0 ? 1.0 : -1.0;
  const double scale = best.value_now != 0 ? std::abs(best.value_now) : 1.0;
  const double gain = sign * (best.value_after - best.value_now) / scale;
  if (gain < -la.threshold) best.choice = LookaheadChoice::hurry;
  if (gain > la.threshold) best.choice = LookaheadChoice::hold;
  return best;
}

}  // namespace parley
