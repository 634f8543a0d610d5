#include "sim/engine/negotiator.hpp"

#include <algorithm>

#include "sim/engine/alternating_offers.hpp"
#include "sim/engine/concession.hpp"

namespace parley {
namespace {

// The actor's position at clock c: D(c) for a demander, P(c) for a payer.
double position(const ActorParams& p, const ConcessionShape& shape, int clock) {
  return concession_offer(p[param_index(ActorParam::opening)],
                          p[param_index(ActorParam::reservation)], concession_level(clock, shape));
}

// An actor's concession shape (a logarithm and a reciprocal), recomputed only when its patience
// or beta changed since it was last needed: in many trials an actor never proposes at all (its
// table is out of reach until it is replaced, say).
const ConcessionShape& shape(Trial& t, int actor) {
  ConcessionShape& s = t.state.shapes[actor];
  const ActorParams& p = t.state.actors[actor];
  const double patience = p[param_index(ActorParam::patience)];
  const double beta = p[param_index(ActorParam::beta)];
  if (!(s.patience == patience && s.beta == beta)) s = ConcessionShape::of(patience, beta);
  return s;
}

// The proposal and the answer from each seat's shape, clock and threshold clock: propose()'s
// formula, with look-ahead's hurry and hold.
Proposal propose_from(Trial& t, int table, int month, double noise_factor,
                      const ConcessionShape& shape_d, int clock_d, int next_d,
                      const ConcessionShape& shape_p, int clock_p, int next_p) {
  const TableState& ts = t.state.tables[table];
  const ActorParams& d = t.state.actors[ts.seat[0]];
  const ActorParams& p = t.state.actors[ts.seat[1]];
  Proposal out;
  out.by_demander = demander_proposes(t, table, month);
  if (out.by_demander) {
    out.offer = position(d, shape_d, clock_d);
    if (noise_factor != 1.0)
      out.offer = std::max(out.offer * noise_factor, d[param_index(ActorParam::reservation)]);
    out.threshold = position(p, shape_p, next_p);
    out.accepted = out.offer <= out.threshold;
  } else {
    out.offer = position(p, shape_p, clock_p);
    if (noise_factor != 1.0)
      out.offer = std::min(out.offer * noise_factor, p[param_index(ActorParam::reservation)]);
    out.threshold = position(d, shape_d, next_d);
    out.accepted = out.offer >= out.threshold;
  }
  return out;
}

// What seat `seat` sees of its table in `month` (model.md v2.1).
LookaheadView view_of(Trial& t, int table, int month, int seat) {
  const TableState& ts = t.state.tables[table];
  const Table& spec = t.scenario.tables[table];
  const int other = ts.seat[1 - seat];
  const ActorParams& b = t.state.actors[other];
  LookaheadView v;
  v.month = month;
  v.table = table;
  v.seat = seat;
  v.actor = ts.seat[seat];
  v.counterpart = other;
  v.counterpart_ask = position(b, shape(t, other), month - ts.origin[1 - seat]);
  v.counterpart_opening = b[param_index(ActorParam::opening)];
  v.deadline_ahead = !ts.deadline_handled;
  v.extend_p = ts.extend_p;
  v.extend_amount = spec.on_deadline.extend_amount.value_or(spec.baseline);
  v.shocks = &t.result.shocks;
  return v;
}

}  // namespace

// The v1 round, written out rather than through propose_from so that the hot path of every
// scenario without look-ahead compiles exactly as before v2.
Proposal propose(Trial& t, int table, int month, double noise_factor) {
  const TableState& ts = t.state.tables[table];
  const ActorParams& d = t.state.actors[ts.seat[0]];
  const ActorParams& p = t.state.actors[ts.seat[1]];
  const ConcessionShape& shape_d = shape(t, ts.seat[0]);
  const ConcessionShape& shape_p = shape(t, ts.seat[1]);
  const int clock_d = month - ts.origin[0];
  const int clock_p = month - ts.origin[1];
  Proposal out;
  out.by_demander = demander_proposes(t, table, month);
  if (out.by_demander) {
    out.offer = position(d, shape_d, clock_d);
    if (noise_factor != 1.0)
      out.offer = std::max(out.offer * noise_factor, d[param_index(ActorParam::reservation)]);
    out.threshold = position(p, shape_p, clock_p + 1);
    out.accepted = out.offer <= out.threshold;
  } else {
    out.offer = position(p, shape_p, clock_p);
    if (noise_factor != 1.0)
      out.offer = std::min(out.offer * noise_factor, p[param_index(ActorParam::reservation)]);
    out.threshold = position(d, shape_d, clock_d + 1);
    out.accepted = out.offer >= out.threshold;
  }
  return out;
}

Proposal propose(Trial& t, int table, int month, double noise_factor,
                 const RoundPositions& positions) {
  const SeatPosition& d = positions[0];
  const SeatPosition& p = positions[1];
  return propose_from(t, table, month, noise_factor, d.shape, d.clock, d.next_clock, p.shape,
                      p.clock, p.next_clock);
}

std::optional<RoundPositions> look_ahead(Trial& t, int table, int month) {
  const LookaheadRule& rule = t.compiled.lookahead;
  if (!rule.any()) return std::nullopt;
  TableState& ts = t.state.tables[table];
  if (!rule.looks_ahead(ts.seat[0]) && !rule.looks_ahead(ts.seat[1])) return std::nullopt;
  RoundPositions positions;
  std::array<LookaheadChoice, 2> choice{LookaheadChoice::v1, LookaheadChoice::v1};
  for (int k = 0; k < 2; ++k) {
    const int clock = month - ts.origin[k];
    positions[k] = {shape(t, ts.seat[k]), clock, clock + 1};
  }
  for (int k = 0; k < 2; ++k) {
    const int actor = ts.seat[k];
    if (!rule.looks_ahead(actor)) continue;
    const LookaheadDecision d = rule.decide(view_of(t, table, month, k));
    if (t.trace && d.shock >= 0)
      t.trace->lookahead_decided({YearMonth::from_index(month), table, actor, d});
    choice[k] = d.choice;
    SeatPosition& seat = positions[k];
    if (d.choice == LookaheadChoice::hurry) {
      // Concede fully by the last round before the event: patience T' = min(T, c + E - 1 - m).
      const ActorParams& a = t.state.actors[actor];
      const double patience = std::min(a[param_index(ActorParam::patience)],
                                       static_cast<double>(seat.clock + d.event_month - 1 - month));
      seat.shape = ConcessionShape::of(patience, a[param_index(ActorParam::beta)]);
    } else if (d.choice == LookaheadChoice::hold) {
      seat.next_clock = seat.clock;
    }
  }
  // Both choices were made from the clocks as they stood; a holder's clock reads the same next
  // month.
  for (int k = 0; k < 2; ++k) {
    if (choice[k] == LookaheadChoice::hold) ++ts.origin[k];
  }
  return positions;
}

}  // namespace parley
