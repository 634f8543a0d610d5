#pragma once
// A negotiator's decisions in a round of alternating offers, in one place: what the proposer
// offers (its position on its concession curve, docs/model.md v1.5) and whether the other side
// accepts (AC_next: iff the offer is at least as good as what it would itself propose next round).
// Both paths of a trial decide here: the month-by-month reference and the fast path, whose
// stretch solver (stretch_solver.hpp) bisects over these decisions while parameters are constant.
//
//   Proposal p = propose(t, table, month, /*noise_factor=*/1.0);
//   if (p.accepted) finish_agreed(t, table, month, p.offer);
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

}  // namespace parley
