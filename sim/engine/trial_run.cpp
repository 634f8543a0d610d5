// The calendar loop of one trial and the effects that change actors, seats and tables.
#include "sim/engine/trial_run.hpp"

#include <algorithm>
#include <climits>

#include "sim/engine/parameter_bounds.hpp"

namespace parley {
TrialRun::TrialRun(const CompiledScenario& compiled, TrialState& state, std::uint64_t seed,
                   std::int64_t trial, TrialResult& out, TraceSink* trace, bool fast)
    : c_(compiled),
      sc_(compiled.scenario),
      st_(state),
      seed_(seed),
      trial_(static_cast<std::uint64_t>(trial)),
      out_(out),
      trace_(trace),
      fast_(fast),
      table_count_(static_cast<int>(compiled.tables.size())) {}

void TrialRun::run() {
  st_.prepare(c_, seed_);
  draw_actors();
  draw_shocks();
  int month = INT_MAX;
  for (int i = 0; i < table_count_; ++i) {
    const Table& table = sc_.tables[i];
    const CompiledTable& ct = c_.tables[i];
    TableState& ts = st_.tables[i];
    ts.seat = {table.demander, table.payer};
    ts.origin = {ct.opens, ct.opens};
    ts.deadline = ct.deadline;
    ts.horizon = ct.horizon;
    ts.extend_p = table.on_deadline.extend_p;
    ts.deadline_handled = false;
    ts.done = false;
    ts.stall = AddressedWords(key(ct.stall_stream), trial_);
    month = std::min(month, ct.opens);
  }
  // out_.tables needs no reset: every table ends in exactly one finish_*, which writes all of
  // its result.
  active_ = table_count_;
  cursor_ = 0;
  if (!st_.fires.empty()) month = std::min(month, st_.fires.front().month);
  // The first month is often a plain round (the opening of the only table), which the stretch
  // solver can take with the months after it.
  if (fast_) month = solve_until_event(month);
  while (active_ > 0) {
    process_month(month);
    ++month;
    if (fast_ && active_ > 0) month = solve_until_event(month);
  }
}

// Fast path: solves the months from `month` up to the next event and returns the month to step
// next (`month` itself when it is an event).
int TrialRun::solve_until_event(int month) {
  const int event = next_event(month);
  return event > month ? fast_forward(month, event) : month;
}

// Links, then the month's shocks in declaration order, then each open table's round in table
// order (model-notes.md, decision 1).
void TrialRun::process_month(int month) {
  if (!sc_.links.empty()) apply_links(month);
  while (cursor_ < st_.fires.size() && st_.fires[cursor_].month == month) {
    fire_shock(month, st_.fires[cursor_].shock);
    ++cursor_;
  }
  for (int i = 0; i < table_count_; ++i) {
    if (!st_.tables[i].done && month >= c_.tables[i].opens) play_round(i, month);
  }
}

// The first month >= `month` that must be stepped: a shock, a pending link, a table opening after
// `month` (one opening in `month` is a plain round unless its protocol is a closed form), a
// deadline check; every month while a noisy table is open (noise breaks monotonicity).
int TrialRun::next_event(int month) const {
  int event = INT_MAX;
  if (cursor_ < st_.fires.size()) event = st_.fires[cursor_].month;
  for (int m : st_.link_month) {
    if (m != kNoMonth) event = std::min(event, m);
  }
  for (int i = 0; i < table_count_; ++i) {
    const TableState& ts = st_.tables[i];
    if (ts.done) continue;
    const int opens = c_.tables[i].opens;
    if (opens > month) {
      event = std::min(event, opens);
      continue;
    }
    const Table& table = sc_.tables[i];
    if (table.protocol != Protocol::alternating || table.offer_noise > 0) return month;
    if (!ts.deadline_handled) event = std::min(event, std::max(month, ts.deadline + 1));
  }
  return event;
}

void TrialRun::apply_links(int month) {
  for (std::size_t l = 0; l < st_.link_month.size(); ++l) {
    if (st_.link_month[l] != month) continue;
    st_.link_month[l] = kNoMonth;
    const Link& link = sc_.links[l];
    const int actor = st_.tables[link.to].seat[0];
    double& r = st_.actors[actor][param_index(ActorParam::reservation)];
    const double before = r;
    r = (1 - link.weight) * r + link.weight * st_.link_ratio[l] * sc_.tables[link.to].baseline;
    normalise_changed(st_.actors[actor], sc_.actors[actor].role, ActorParam::reservation);
    if (trace_)
      trace_->link_applied(YearMonth::from_index(month), static_cast<int>(l), actor, before, r);
  }
}

void TrialRun::fire_shock(int month, int shock) {
  const int outcome = out_.shocks[shock].outcome;
  if (trace_) trace_->shock_fired(YearMonth::from_index(month), shock, outcome);
  for (const CompiledEffect& effect : c_.shocks[shock].effects[outcome])
    apply_effect(effect, month);
}

void TrialRun::apply_effect(const CompiledEffect& compiled, int month) {
  const Effect& e = *compiled.effect;
  double value = 0, before = 0, after = 0;
  switch (e.kind) {
    case Effect::Kind::scale:
    case Effect::Kind::shift:
    case Effect::Kind::set: {
      ensure_drawn(e.actor);
      if (compiled.fixed) {
        value = compiled.fixed_value;
      } else {
        RandomStream stream(key(compiled.stream), trial_);
        value = e.value.sample(stream);
      }
      double& x = st_.actors[e.actor][param_index(e.param)];
      before = x;
      x = e.kind == Effect::Kind::scale   ? x * value
          : e.kind == Effect::Kind::shift ? x + value
                                          : value;
      normalise_changed(st_.actors[e.actor], sc_.actors[e.actor].role, e.param);
      after = x;
      break;
    }
    case Effect::Kind::reset_clock:
    case Effect::Kind::replace:
      for (int i = 0; i < table_count_; ++i) {
        if (e.kind == Effect::Kind::replace && !e.tables.empty() &&
            std::find(e.tables.begin(), e.tables.end(), i) == e.tables.end()) {
          continue;
        }
        TableState& ts = st_.tables[i];
        for (int k = 0; k < 2; ++k) {
          if (ts.seat[k] != e.actor) continue;
          if (e.kind == Effect::Kind::replace) {
            ensure_drawn(e.replacement);
            ts.seat[k] = e.replacement;
          }
          // A clock reads 0 from this month, or from the opening if the table is not open yet.
          ts.origin[k] = std::max(month, c_.tables[i].opens);
        }
      }
      break;
    case Effect::Kind::table_deadline:
      before = st_.tables[e.table].deadline;
      after = st_.tables[e.table].deadline = e.month.index();
      break;
    case Effect::Kind::table_horizon:
      before = st_.tables[e.table].horizon;
      after = st_.tables[e.table].horizon = e.month.index();
      break;
    case Effect::Kind::table_extend_p: {
      RandomStream stream(key(compiled.stream), trial_);
      value = e.value.sample(stream);
      before = st_.tables[e.table].extend_p;
      after = st_.tables[e.table].extend_p = std::clamp(value, 0.0, 1.0);
      break;
    }
  }
  if (trace_) trace_->effect_applied(YearMonth::from_index(month), e, value, before, after);
}

}  // namespace parley
