#pragma once
// A table's stepped month up to its round, the same on both paths of a trial: the opening
// (traced), the horizon, the deadline policy (settlement.hpp) and the protocol. A closed-form
// protocol settles here; alternating offers leaves the round to the caller's path (the reference
// in stepwise_trial.cpp, the fast path in fast_trial.cpp).
//
//   if (begin_round(t, table, month)) { /* play the alternating-offers round */ }
//
// A new protocol is played from here (its Protocol in sim/model/scenario.hpp). Inline: both
// paths call it for every stepped round, and the common case is three comparisons.
#include "sim/engine/closed_forms.hpp"
#include "sim/engine/settlement.hpp"
#include "sim/engine/trial.hpp"

namespace parley {

// True when the table is still open and its protocol is alternating offers.
inline bool begin_round(Trial& t, int table, int month) {
  const CompiledTable& ct = t.compiled.tables[table];
  const TableState& ts = t.state.tables[table];
  if (t.trace && month == ct.opens) t.trace->table_opened(YearMonth::from_index(month), table);
  if (month > ts.horizon) {
    finish_no_deal(t, table, month);
    return false;
  }
  if (!ts.deadline_handled && month > ts.deadline) {
    if (!pass_deadline(t, table, month)) return false;
    if (month > ts.horizon) {  // a lapse effect moved it
      finish_no_deal(t, table, month);
      return false;
    }
  }
  switch (t.scenario.tables[table].protocol) {
    case Protocol::alternating:
      return true;
    case Protocol::nash:
    case Protocol::rubinstein:
      settle_closed_form(t, table, month);
      return false;
  }
  return false;
}

}  // namespace parley
