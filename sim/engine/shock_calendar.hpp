#pragma once
// The shock calendar (docs/model.md v1.8): at trial start, every shock's fate (does it happen, in
// which month, with which outcome), from the shock's own addressed words, and the shocks that
// happen in calendar order (by month; shocks of one month in declaration order) in
// TrialState::fires.
//
//   draw_shock_calendar(t);  // t.result.shocks[s] says what shock s does this trial
//
// Words of a shock's draw stream: 0 happens?, 1 month (window or hazard), 2 outcome. A shock
// whose `when` condition excludes it reads none of them.
#include "sim/engine/trial.hpp"

namespace parley {

void draw_shock_calendar(Trial& t);

}  // namespace parley
