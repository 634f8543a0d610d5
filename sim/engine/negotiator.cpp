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

}  // namespace

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

}  // namespace parley
