// The start of a trial and the order of a month's events.
#include "sim/engine/trial.hpp"

#include <algorithm>
#include <climits>

#include "sim/engine/actor_draws.hpp"
#include "sim/engine/effects.hpp"
#include "sim/engine/shock_calendar.hpp"

namespace parley {
namespace {

// A table's seats, clocks and dates as the scenario gives them. Its result needs no reset: every
// table ends in exactly one finish_* (settlement.hpp), which writes all of it.
void seat_table(Trial& t, int table) {
  const Table& spec = t.scenario.tables[table];
  const CompiledTable& ct = t.compiled.tables[table];
  TableState& ts = t.state.tables[table];
  ts.seat = {spec.demander, spec.payer};
  ts.origin = {ct.opens, ct.opens};
  ts.deadline = ct.deadline;
  ts.horizon = ct.horizon;
  ts.extend_p = spec.on_deadline.extend_p;
  ts.deadline_handled = false;
  ts.done = false;
  ts.stall = AddressedWords(t.key(ct.stall_stream), t.number);
}

}  // namespace

int start_trial(Trial& t) {
  t.state.prepare(t.compiled, t.seed);
  draw_starting_actors(t);
  draw_shock_calendar(t);
  int month = INT_MAX;
  for (int i = 0; i < t.table_count; ++i) {
    seat_table(t, i);
    month = std::min(month, t.compiled.tables[i].opens);
  }
  t.active = t.table_count;
  t.next_fire = 0;
  if (!t.state.fires.empty()) month = std::min(month, t.state.fires.front().month);
  return month;
}

void apply_month_events(Trial& t, int month) {
  if (!t.scenario.links.empty()) apply_links(t, month);
  const std::vector<ShockFire>& fires = t.state.fires;
  while (t.next_fire < fires.size() && fires[t.next_fire].month == month) {
    fire_shock(t, month, fires[t.next_fire].shock);
    ++t.next_fire;
  }
}

}  // namespace parley
