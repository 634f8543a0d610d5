#pragma once
// Round-by-round events of one trial, for `parley trace` and for tests that need to see inside a
// trial (drawn parameters, proposals). The engine calls a sink only when one is given, so an
// untraced run pays nothing.
//
//   struct Count : TraceSink { int n = 0; void proposal(const ProposalEvent&) override { ++n; } };
//   Count c; simulator.run_trial(seed, trial, result, &c);
//
// Every method has an empty default: override what you need. Indices refer to the Scenario.
#include <array>

#include "sim/engine/lookahead_rule.hpp"
#include "sim/engine/trial_result.hpp"
#include "sim/model/scenario.hpp"

namespace parley {

struct ProposalEvent {
  YearMonth month;
  int table = -1;
  int round = 0;
  Role proposer = Role::demander;
  int actor = -1;  // who proposed
  int clock_demander = 0, clock_payer = 0;
  double offer = 0;      // the proposal after noise
  double threshold = 0;  // the other side's acceptance threshold (its next-round position)
  bool accepted = false;
};

// v2: a look-ahead seat's choice in a round, with the shock it looked at (model.md v2.3).
struct LookaheadEvent {
  YearMonth month;
  int table = -1;
  int actor = -1;  // who looked ahead
  LookaheadDecision decision;
};

class TraceSink {
 public:
  virtual ~TraceSink() = default;

  // Parameters of an actor as drawn for this trial (after the o/r clamp), indexed by ActorParam.
  virtual void actor_drawn(int /*actor*/, const ActorParams& /*params*/) {}
  // What the trial-start draw decided for a shock (outcome kShockNone: it does not happen).
  virtual void shock_drawn(int /*shock*/, const ShockRealisation& /*realisation*/) {}
  virtual void shock_fired(YearMonth /*month*/, int /*shock*/, int /*outcome*/) {}
  // An effect (of a shock, or a lapse effect of `table` >= 0) took hold. For parameter effects
  // `before`/`after` are the actor's parameter; for table effects the table field (months as
  // YearMonth indices); for replace/reset_clock both are 0.
  virtual void effect_applied(YearMonth /*month*/, const Effect& /*effect*/, double /*value*/,
                              double /*before*/, double /*after*/) {}
  // A precedent link moved the reservation of `actor` (the demander seated at the link's `to`).
  virtual void link_applied(YearMonth /*month*/, int /*link*/, int /*actor*/, double /*before*/,
                            double /*after*/) {}
  virtual void table_opened(YearMonth /*month*/, int /*table*/) {}
  // First round after the deadline: extended (table done) or lapsed (lapse effects follow).
  virtual void deadline_passed(YearMonth /*month*/, int /*table*/, int /*round*/,
                               bool /*extended*/) {}
  virtual void round_stalled(YearMonth /*month*/, int /*table*/, int /*round*/) {}
  virtual void proposal(const ProposalEvent& /*event*/) {}
  // Before the proposal of a round: a look-ahead seat that foresees a shock, and its choice.
  virtual void lookahead_decided(const LookaheadEvent& /*event*/) {}
  // nash / rubinstein: the ZOPA r_P - r_D and the amount (NaN when there is no deal).
  virtual void closed_form(YearMonth /*month*/, int /*table*/, double /*zopa*/, double /*amount*/) {
  }
  virtual void table_finished(YearMonth /*month*/, int /*table*/, const TableResult& /*result*/) {}
};

}  // namespace parley
