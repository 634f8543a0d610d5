#include "sim/engine/closed_forms.hpp"

#include <cmath>

#include "sim/engine/settlement.hpp"

namespace parley {

double closed_form_amount(Protocol protocol, FirstProposer first, const ActorParams& d,
                          const ActorParams& p) {
  const double r_d = d[param_index(ActorParam::reservation)];
  const double r_p = p[param_index(ActorParam::reservation)];
  const double zopa = r_p - r_d;
  if (protocol == Protocol::nash) return r_d + d[param_index(ActorParam::power)] * zopa;
  const double d_d = d[param_index(ActorParam::discount)];
  const double d_p = p[param_index(ActorParam::discount)];
  return first == FirstProposer::demander ? r_d + zopa * (1 - d_p) / (1 - d_d * d_p)
                                          : r_p - zopa * (1 - d_d) / (1 - d_d * d_p);
}

void settle_closed_form(Trial& t, int table, int month) {
  const Table& spec = t.scenario.tables[table];
  const TableState& ts = t.state.tables[table];
  const ActorParams& d = t.state.actors[ts.seat[0]];
  const ActorParams& p = t.state.actors[ts.seat[1]];
  const double zopa =
      p[param_index(ActorParam::reservation)] - d[param_index(ActorParam::reservation)];
  const double amount = zopa >= 0 ? closed_form_amount(spec.protocol, spec.first, d, p) : NAN;
  if (t.trace) t.trace->closed_form(YearMonth::from_index(month), table, zopa, amount);
  if (zopa >= 0) {
    finish_agreed(t, table, month, amount);
  } else {
    finish_no_deal(t, table, month);
  }
}

}  // namespace parley
