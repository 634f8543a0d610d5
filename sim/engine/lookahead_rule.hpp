#pragma once
// The v2 look-ahead rule (model.md, "v2: look-ahead"): what an actor expects a scheduled shock to
// change, and whether it therefore hurries, holds or concedes as in v1. Built once per scenario;
// a decision reads only public information (declared probabilities and effects, the
// counterpart's ask and opening, the shocks that have fired) and draws no random number.
//
//   LookaheadRule rule(scenario);
//   if (rule.watching(actor, table, month, realised))
//     LookaheadDecision d = rule.decide(view);   // d.choice: v1, hurry or hold
#include <cstdint>
#include <vector>

#include "sim/engine/trial_result.hpp"
#include "sim/model/scenario.hpp"

namespace parley {

enum class LookaheadChoice : std::uint8_t { v1, hurry, hold };
const char* to_string(LookaheadChoice choice);

// What actor `actor` in seat `seat` (0 demander, 1 payer) of `table` sees in `month`.
struct LookaheadView {
  int month = 0;
  int table = -1;
  int seat = 0;
  int actor = -1;
  int counterpart = -1;
  double counterpart_ask = 0;      // the counterpart's v1 position at its current clock
  double counterpart_opening = 0;  // its drawn opening (its first, public, proposal)
  bool deadline_ahead = false;     // the table's deadline check is still to come
  double extend_p = 0;             // the table's extension probability
  double extend_amount = 0;        // and the amount of a stop-gap
  const std::vector<ShockRealisation>* shocks = nullptr;  // the trial's shock draws
};

struct LookaheadDecision {
  LookaheadChoice choice = LookaheadChoice::v1;
  int shock = -1;          // the foreseen shock, -1 when none
  int event_month = 0;     // its event month E (YearMonth index)
  double value_now = 0;    // V_now
  double value_after = 0;  // V_after
};

class LookaheadRule {
 public:
  explicit LookaheadRule(const Scenario& scenario);

  bool any() const { return any_; }
  bool looks_ahead(int actor) const { return actors_[actor].enabled; }
  // The first month >= `month` in which a foreseeable shock is pending within the actor's lead
  // (INT32_MAX when none): the fast path steps such months, since a choice may change in each.
  // Shocks firing later only shorten the watch, and they are stepped anyway.
  int next_watch(int actor, int month, const std::vector<ShockRealisation>& shocks) const;
  LookaheadDecision decide(const LookaheadView& view) const;

 private:
  struct ValuedEffect {
    const Effect* effect = nullptr;
    double mean = 0;  // E[X] of the effect's value
  };
  // Per shock: can it be foreseen, and what its outcomes do that the rule values.
  struct ForeseenShock {
    bool foreseeable = false;                       // `at` or `window` timing, a valued effect
    std::vector<std::vector<ValuedEffect>> valued;  // per outcome
  };

  bool fired_by(int shock, int month, const std::vector<ShockRealisation>& shocks) const;
  bool settled(int shock, int month, const std::vector<ShockRealisation>& shocks) const;
  bool pending(int shock, int month, const std::vector<ShockRealisation>& shocks) const;
  int event_month(int shock, int month) const;
  double happens(int shock, int month, const std::vector<ShockRealisation>& shocks) const;
  double outcome_probability(int shock, int outcome, int month,
                             const std::vector<ShockRealisation>& shocks) const;
  double outcome_value(int shock, int outcome, const LookaheadView& view) const;

  const Scenario& s_;
  bool any_ = false;
  std::vector<Lookahead> actors_;
  std::vector<double> mean_opening_;  // per actor, of its declared opening
  std::vector<ForeseenShock> shocks_;
};

}  // namespace parley
