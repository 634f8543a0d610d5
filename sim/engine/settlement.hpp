#pragma once
// Settlement: how a table ends, each table in exactly one of the three ways, which writes all of
// its result; and the deadline policy (docs/model.md v1.7), which may end it with a stop-gap
// extension.
//
//   finish_agreed(t, table, month, amount);  // amount, change, escalated total, links scheduled
//   finish_extended(t, table, month);        // the old level continues
//   finish_no_deal(t, table, month);
#include "sim/engine/trial.hpp"

namespace parley {

void finish_agreed(Trial& t, int table, int month, double amount);
void finish_extended(Trial& t, int table, int month);
void finish_no_deal(Trial& t, int table, int month);

// The table's first round after its deadline: extended with probability extend_p (the table is
// done), otherwise the lapse effects apply. Returns true when the table is still open.
bool pass_deadline(Trial& t, int table, int month);

}  // namespace parley
