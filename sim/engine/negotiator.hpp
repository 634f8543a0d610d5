#pragma once
// A negotiator's decisions in a round of alternating offers, in one place: what the proposer
// offers (its position on its concession curve, docs/model.md v1.5) and whether the other side
// accepts (AC_next: iff the offer is at least as good as what it would itself propose next round).
// Both paths of a trial decide here: the month-by-month reference and the fast path, whose
// stretch solver (stretch_solver.hpp) bisects over these decisions while parameters are constant.
//
//   Proposal p = propose(t, table, month, /*noise_factor=*/1.0);
//   if (p.accepted) finish_agreed(t, table, month, p.offer);
#include <array>
#include <optional>

#include "sim/engine/concession.hpp"
#include "sim/engine/trial.hpp"

namespace parley {

struct Proposal {
  bool by_demander = true;
  double offer = 0, threshold = 0;
  bool accepted = false;
};

// The proposal of round `month` at `table` and the other side's answer. The demander's position
// falls and the payer's rises with their clocks, and the stretch solver relies on that: a
// decision that breaks the monotonicity while parameters are constant needs its months stepped
// (see next_event in stretch_solver.cpp).
Proposal propose(Trial& t, int table, int month, double noise_factor);

// v2 look-ahead (model.md v2.4): a seat's position in a round, its concession shape, its clock
// and the clock of its acceptance threshold (its next-round position; the same clock while it
// holds).
struct SeatPosition {
  ConcessionShape shape;
  int clock = 0, next_clock = 1;
};
using RoundPositions = std::array<SeatPosition, 2>;  // demander [0], payer [1]

// Each look-ahead seat's choice for the round (hurry, hold or v1; traced), from the clocks as they
// stand; a holder's clock is kept from advancing into the next month. Nothing when neither seat
// looks ahead: the round is v1's.
std::optional<RoundPositions> look_ahead(Trial& t, int table, int month);
// The proposal and the answer with the positions look_ahead() chose.
Proposal propose(Trial& t, int table, int month, double noise_factor,
                 const RoundPositions& positions);

}  // namespace parley
