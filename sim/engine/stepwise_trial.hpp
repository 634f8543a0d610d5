#pragma once
// The month-by-month reference: every month of the calendar stepped, every round played in full
// (its stall draw, then the proposal and the answer). It is the path of a traced trial, whose sink
// sees every round, and the reference the fast path is tested against, bitwise.
//
//   Trial t(compiled, TrialState::for_this_thread(), seed, trial, result, trace_or_nullptr);
//   run_stepwise(t);
#include "sim/engine/trial.hpp"

namespace parley {

void run_stepwise(Trial& t);

}  // namespace parley
