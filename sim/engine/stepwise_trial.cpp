#include "sim/engine/stepwise_trial.hpp"

#include "sim/engine/alternating_offers.hpp"
#include "sim/engine/negotiator.hpp"
#include "sim/engine/settlement.hpp"
#include "sim/engine/table_round.hpp"

namespace parley {
namespace {

void trace_proposal(const Trial& t, int table, int month, int round, const Proposal& p,
                    const std::array<int, 2>& clocks) {
  const TableState& ts = t.state.tables[table];
  const bool d = p.by_demander;
  t.trace->proposal({YearMonth::from_index(month), table, round, d ? Role::demander : Role::payer,
                     ts.seat[d ? 0 : 1], clocks[0], clocks[1], p.offer, p.threshold, p.accepted});
}

void play_round_stepwise(Trial& t, int table, int month) {
  if (!begin_round(t, table, month)) return;
  const int round = month - t.compiled.tables[table].opens;
  const TableState& ts = t.state.tables[table];
  const std::array<int, 2> clocks{month - ts.origin[0], month - ts.origin[1]};
  std::optional<RoundPositions> ahead;
  if (t.compiled.lookahead.any()) [[unlikely]]
    ahead = look_ahead(t, table, month);  // may move a holder's origin
  if (stalled(t, table, month)) {
    if (t.trace) t.trace->round_stalled(YearMonth::from_index(month), table, round);
  } else {
    const double noise = noise_factor(t, table, round);
    const Proposal p =
        ahead ? propose(t, table, month, noise, *ahead) : propose(t, table, month, noise);
    if (t.trace) trace_proposal(t, table, month, round, p, clocks);
    if (p.accepted) return finish_agreed(t, table, month, p.offer);
  }
  if (month >= t.state.tables[table].horizon) finish_no_deal(t, table, month);
}

}  // namespace

void run_stepwise(Trial& t) {
  for (int month = start_trial(t); t.active > 0; ++month)
    play_month(t, month, [&t](int table, int m) { play_round_stepwise(t, table, m); });
}

}  // namespace parley
