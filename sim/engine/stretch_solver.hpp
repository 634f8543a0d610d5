#pragma once
// The stretch solver of the fast path: the months between events (a shock, a link, an opening, a
// deadline check) hold only rounds with constant parameters, in which both concession curves are
// monotone. So each table's first accepting month is found by one bisection, and its settlement
// is the first non-stalled round from there: bitwise what stepping the months gives.
//
//   month = solve_until_event(t, month);  // `month` is then an event month, to be stepped
#include "sim/engine/trial.hpp"

namespace parley {

// Solves the months from `month` up to the next event and returns the month to step next
// (`month` itself when it is an event).
int solve_until_event(Trial& t, int month);

}  // namespace parley
