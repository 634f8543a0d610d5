#include "sim/engine/fast_trial.hpp"

#include "sim/engine/alternating_offers.hpp"
#include "sim/engine/negotiator.hpp"
#include "sim/engine/settlement.hpp"
#include "sim/engine/stretch_solver.hpp"
#include "sim/engine/table_round.hpp"

namespace parley {
namespace {

// A round of an event month. The stall and noise draws are addressed by round, so the order in
// which they are looked at, or whether they are at all, changes no other draw: a round settles
// when its proposal is accepted and it did not stall, so the stall draw (a generator block the
// round would wait for) is needed only for an accepted proposal, and no proposal is needed at a
// table out of reach.
void play_round_fast(Trial& t, int table, int month) {
  if (!begin_round(t, table, month)) return;
  std::optional<RoundPositions> ahead;
  if (t.compiled.lookahead.any()) [[unlikely]]
    ahead = look_ahead(t, table, month);  // may move a holder's origin
  if (!out_of_reach(t, table)) {
    const int round = month - t.compiled.tables[table].opens;
    const double noise = noise_factor(t, table, round);
    const Proposal p =
        ahead ? propose(t, table, month, noise, *ahead) : propose(t, table, month, noise);
    if (p.accepted && !stalled(t, table, month)) return finish_agreed(t, table, month, p.offer);
  }
  if (month >= t.state.tables[table].horizon) finish_no_deal(t, table, month);
}

}  // namespace

void run_fast(Trial& t) {
  // The first month is often a plain round (the opening of the only table), which the stretch
  // solver can take with the months after it.
  int month = solve_until_event(t, start_trial(t));
  while (t.active > 0) {
    play_month(t, month, [&t](int table, int m) { play_round_fast(t, table, m); });
    ++month;
    if (t.active > 0) month = solve_until_event(t, month);
  }
}

}  // namespace parley
