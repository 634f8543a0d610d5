#pragma once
// The fast path of an untraced trial: only the months in which something happens (a shock, a
// link, an opening, a deadline) are stepped, and the quiet stretches in between are solved
// (stretch_solver.hpp). Bitwise the same results as the month-by-month reference
// (stepwise_trial.hpp), tested by tests/engine/fast_path_test.cpp.
//
//   Trial t(compiled, TrialState::for_this_thread(), seed, trial, result, nullptr);
//   run_fast(t);
#include "sim/engine/trial.hpp"

namespace parley {

// `t` must be untraced (a traced trial is stepped by run_stepwise so that every round reaches
// the sink).
void run_fast(Trial& t);

}  // namespace parley
