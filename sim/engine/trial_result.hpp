#pragma once
// What one simulated trial produced: per table an outcome and its metrics, per shock what
// happened. Buffers are sized once (TrialResult::for_scenario) and reused for every trial.
//
//   TrialResult r = TrialResult::for_scenario(scenario);
//   simulator.run_trial(seed, trial, r);
//   if (r.tables[0].outcome == Outcome::agreed) use(r.tables[0].amount);
#include <cmath>
#include <cstdint>
#include <vector>

#include "sim/model/scenario.hpp"

namespace parley {

enum class Outcome : std::uint8_t { agreed, extended, no_deal };
inline constexpr int kOutcomeCount = 3;
const char* to_string(Outcome outcome);

struct TableResult {
  Outcome outcome = Outcome::no_deal;
  double amount = NAN;      // first-year amount; NaN for no_deal
  double change_pct = NAN;  // 100 (amount / baseline - 1); NaN for no_deal
  double total = NAN;       // amount summed over the agreement's years; NaN for no_deal
  int month = -1;           // settlement round t (agreed only), -1 otherwise

  // The value of `metric` when it is defined for this outcome, NaN otherwise.
  double metric(Metric m) const;
};

struct ShockRealisation {
  int outcome = kShockNone;  // index into Shock::outcomes, or kShockNone
  YearMonth month;           // when it fires (meaningful only when outcome != kShockNone)
};

struct TrialResult {
  std::vector<TableResult> tables;       // indexed like Scenario::tables
  std::vector<ShockRealisation> shocks;  // indexed like Scenario::shocks

  static TrialResult for_scenario(const Scenario& scenario);
};

}  // namespace parley
