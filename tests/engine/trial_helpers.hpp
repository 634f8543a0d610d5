#pragma once
// Running many trials and comparing results bit for bit, for the engine tests.
//
//   auto results = run_trials(simulator, /*seed=*/7, /*trials=*/20000);
//   EXPECT_TRUE(same_bits(results[3], other[3]));
#include <bit>
#include <cstdint>
#include <vector>

#include "sim/engine/simulator.hpp"
#include "sim/engine/trace.hpp"

namespace parley::testing {

inline std::vector<TrialResult> run_trials(const Simulator& sim, std::uint64_t seed,
                                           std::int64_t trials, bool stepwise = false) {
  std::vector<TrialResult> all;
  TrialResult r = TrialResult::for_scenario(sim.scenario());
  for (std::int64_t i = 0; i < trials; ++i) {
    if (stepwise) {
      sim.run_trial_stepwise(seed, i, r);
    } else {
      sim.run_trial(seed, i, r);
    }
    all.push_back(r);
  }
  return all;
}

inline bool same_bits(double a, double b) {
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

inline bool same_bits(const TableResult& a, const TableResult& b) {
  return a.outcome == b.outcome && same_bits(a.amount, b.amount) &&
         same_bits(a.change_pct, b.change_pct) && same_bits(a.total, b.total) && a.month == b.month;
}

inline bool same_bits(const TrialResult& a, const TrialResult& b) {
  if (a.tables.size() != b.tables.size() || a.shocks.size() != b.shocks.size()) return false;
  for (std::size_t i = 0; i < a.tables.size(); ++i) {
    if (!same_bits(a.tables[i], b.tables[i])) return false;
  }
  for (std::size_t i = 0; i < a.shocks.size(); ++i) {
    if (a.shocks[i].outcome != b.shocks[i].outcome) return false;
    if (a.shocks[i].outcome != kShockNone && a.shocks[i].month != b.shocks[i].month) return false;
  }
  return true;
}

// Share of trials in which `pred(result)` holds, and its binomial standard error.
struct Share {
  double p = 0, se = 0;
};
template <class Pred>
Share share_of(const std::vector<TrialResult>& results, Pred pred) {
  double n = 0, k = 0;
  for (const TrialResult& r : results) {
    n += 1;
    if (pred(r)) k += 1;
  }
  const double p = k / n;
  return {p, std::sqrt(p * (1 - p) / n)};
}

// Records the parameters each actor drew (the trace sink's actor_drawn event).
struct ParamRecorder : TraceSink {
  std::vector<ActorParams> params;
  void actor_drawn(int actor, const ActorParams& p) override {
    if (params.size() <= static_cast<std::size_t>(actor)) params.resize(actor + 1);
    params[actor] = p;
  }
};

}  // namespace parley::testing
