#include "sim/engine/stretch_solver.hpp"

#include <algorithm>
#include <climits>

#include "sim/engine/alternating_offers.hpp"
#include "sim/engine/negotiator.hpp"
#include "sim/engine/settlement.hpp"

namespace parley {
namespace {

// v2 look-ahead: a seat's choice may change from month to month (and a hold breaks the
// monotonicity of its curve), so every month in which a look-ahead seat watches a pending shock
// is stepped (model.md v2.5).
[[gnu::noinline]] int next_lookahead_watch(const Trial& t, int month) {
  const LookaheadRule& rule = t.compiled.lookahead;
  int watch = INT_MAX;
  for (int i = 0; i < t.table_count; ++i) {
    const TableState& ts = t.state.tables[i];
    if (ts.done || t.compiled.tables[i].opens > month) continue;
    for (int actor : ts.seat) {
      if (rule.looks_ahead(actor))
        watch = std::min(watch, rule.next_watch(actor, month, t.result.shocks));
    }
  }
  return watch;
}

// The first month >= `month` that must be stepped: a shock, a pending link, a table opening after
// `month` (one opening in `month` is a plain round unless its protocol is a closed form), a
// deadline check; every month while a noisy table is open (noise breaks monotonicity).
int next_event(const Trial& t, int month) {
  int event = INT_MAX;
  if (t.next_fire < t.state.fires.size()) event = t.state.fires[t.next_fire].month;
  for (int m : t.state.link_month) {
    if (m != kNoMonth) event = std::min(event, m);
  }
  for (int i = 0; i < t.table_count; ++i) {
    const TableState& ts = t.state.tables[i];
    if (ts.done) continue;
    const int opens = t.compiled.tables[i].opens;
    if (opens > month) {
      event = std::min(event, opens);
      continue;
    }
    const Table& spec = t.scenario.tables[i];
    if (spec.protocol != Protocol::alternating || spec.offer_noise > 0) return month;
    if (!ts.deadline_handled) event = std::min(event, std::max(month, ts.deadline + 1));
  }
  if (t.compiled.lookahead.any()) [[unlikely]]
    event = std::min(event, next_lookahead_watch(t, month));
  return event;
}

// First month in [begin, end) at which table's proposal is accepted, or `end`; its offer goes to
// the table's `first_offer`. Parameters and seats are constant on the stretch and the clocks
// advance with the months, so the demander's position D falls and the payer's P rises;
// acceptance, once true, stays true, across the alternation of proposers too: a demander's
// accepted D(c_D) <= P(c_P + 1) gives the payer's P(c_P + 1) >= D(c_D + 2) a month later, and a
// payer's accepted P(c_P) >= D(c_D + 1) gives the demander's D(c_D + 1) <= P(c_P + 2). One
// bisection finds the first accepted month; stalls (addressed by round) then only need looking
// at from it.
int first_acceptance(Trial& t, int table, int begin, int end) {
  if (end <= begin || out_of_reach(t, table)) return end;
  const Proposal last = propose(t, table, end - 1, 1.0);
  if (!last.accepted) return end;
  int lo = begin, hi = end - 1;
  double hi_offer = last.offer;  // the offer of month hi, accepted
  while (lo < hi) {
    const int mid = lo + (hi - lo) / 2;
    const Proposal p = propose(t, table, mid, 1.0);
    if (p.accepted) {
      hi = mid;
      hi_offer = p.offer;
    } else {
      lo = mid + 1;
    }
  }
  for (int month = lo; month < end; ++month) {
    if (!stalled(t, table, month)) {
      t.state.tables[table].first_offer =
          month == hi ? hi_offer : propose(t, table, month, 1.0).offer;
      return month;
    }
  }
  return end;
}

// Solves the months [begin, end), in which nothing but rounds happens. A settlement at a table
// with outgoing links schedules a link for the next month, so the stretch ends there.
int fast_forward(Trial& t, int begin, int end) {
  int limit = end;
  for (int i = 0; i < t.table_count; ++i) {
    TableState& ts = t.state.tables[i];
    if (ts.done || t.compiled.tables[i].opens > begin) continue;
    const int stop = std::min(end, ts.horizon + 1);
    ts.first_acceptance = first_acceptance(t, i, begin, stop);
    if (ts.first_acceptance < stop && !t.compiled.tables[i].links_out.empty())
      limit = std::min(limit, ts.first_acceptance + 1);
  }
  for (int i = 0; i < t.table_count; ++i) {
    TableState& ts = t.state.tables[i];
    if (ts.done || t.compiled.tables[i].opens > begin) continue;
    if (ts.first_acceptance < limit && ts.first_acceptance <= ts.horizon) {
      finish_agreed(t, i, ts.first_acceptance, ts.first_offer);
    } else if (ts.horizon < limit) {
      finish_no_deal(t, i, ts.horizon);
    }
  }
  return limit;
}

}  // namespace

int solve_until_event(Trial& t, int month) {
  const int event = next_event(t, month);
  return event > month ? fast_forward(t, month, event) : month;
}

}  // namespace parley
