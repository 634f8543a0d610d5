#pragma once
// One trial in progress: what every step of a trial reads (the compiled scenario, the trial's
// address) and writes (the thread's TrialState, the result, the trace). The steps are free
// functions over it, one concept per file:
//
//   trial               start of a trial (draws, seats) and the order of a month's events
//   actor_draws         each actor's parameters, drawn when the actor first matters
//   shock_calendar      every shock's fate, drawn at trial start, in calendar order
//   effects             what shocks, lapses and links do to actors, seats and tables
//   table_round         a table's month before its round: horizon, deadline, protocol
//   negotiator          a negotiator's decision in a round: its proposal and its answer
//   alternating_offers  that protocol's rules: who proposes, stalls, noise, reach
//   closed_forms        the nash and rubinstein protocols
//   settlement          how a table ends (agreed with its escalated total, extended, no deal)
//                       and the deadline policy
//   stepwise_trial      the month-by-month reference, also the path of a traced trial
//   fast_trial          the fast path: event months stepped, quiet stretches solved by
//   stretch_solver      bisection; bitwise the same results as the reference (tested)
//
//   Trial t(compiled, TrialState::for_this_thread(), seed, trial, result, trace);
//   run_fast(t);  // or run_stepwise(t)
#include <cstddef>
#include <cstdint>

#include "sim/engine/compiled_scenario.hpp"
#include "sim/engine/random_stream.hpp"
#include "sim/engine/trace.hpp"
#include "sim/engine/trial_result.hpp"
#include "sim/engine/trial_state.hpp"

namespace parley {

struct Trial {
  Trial(const CompiledScenario& compiled_scenario, TrialState& trial_state, std::uint64_t seed_,
        std::int64_t trial, TrialResult& trial_result, TraceSink* trace_sink)
      : compiled(compiled_scenario),
        scenario(compiled_scenario.scenario),
        state(trial_state),
        seed(seed_),
        number(static_cast<std::uint64_t>(trial)),
        result(trial_result),
        trace(trace_sink),
        table_count(static_cast<int>(compiled_scenario.tables.size())) {}

  // The keys of stream number `stream` (CompiledScenario::stream_purposes) under this seed.
  const StreamKey& key(int stream) const { return state.keys[stream]; }

  const CompiledScenario& compiled;
  const Scenario& scenario;
  TrialState& state;
  std::uint64_t seed;
  std::uint64_t number;  // the trial: the counter of every stream
  TrialResult& result;
  TraceSink* trace;  // nullptr: untraced
  int table_count;
  int active = 0;             // tables not yet done
  std::size_t next_fire = 0;  // next entry of state.fires
};

// Trial start: the thread's state prepared, the starting actors and the shock calendar drawn,
// every table seated with its dates. Returns the first month with anything to do.
int start_trial(Trial& t);

// A month's events before the rounds: pending links, then the month's shocks in declaration
// order (each shock's effects in their order).
void apply_month_events(Trial& t, int month);

// One stepped month in the model's order (docs/model.md v1.9): the month's events, then
// each open table's round in table order, played by `play_round(table, month)`.
template <class PlayRound>
void play_month(Trial& t, int month, PlayRound&& play_round) {
  apply_month_events(t, month);
  for (int i = 0; i < t.table_count; ++i) {
    if (!t.state.tables[i].done && month >= t.compiled.tables[i].opens) play_round(i, month);
  }
}

}  // namespace parley
