#pragma once
// The engine: one simulated negotiation per trial, exactly as docs/model.md says.
//
//   Simulator sim(scenario);                 // resolves names to indices, factors correlations
//   TrialResult r = TrialResult::for_scenario(scenario);
//   sim.run_trial(seed, 17, r);              // pure function of (scenario, seed, 17)
//
// Construction throws std::invalid_argument when the correlation matrix cannot be factored (the
// loader has already checked it). run_trial allocates nothing (thread-local scratch, grown on a
// thread's first trial) and is safe to call concurrently from many threads (each with its
// own TrialResult). Randomness comes only from streams keyed by (seed, trial, purpose).
#include <cstdint>
#include <memory>

#include "sim/engine/trial_result.hpp"
#include "sim/model/scenario.hpp"

namespace parley {

class TraceSink;  // sim/engine/trace.hpp: receives round-by-round events for `parley trace`

class Simulator {
 public:
  explicit Simulator(const Scenario& scenario);
  ~Simulator();
  Simulator(Simulator&&) noexcept;
  Simulator& operator=(Simulator&&) noexcept;

  const Scenario& scenario() const;
  // `out` must come from TrialResult::for_scenario(scenario()). With a trace sink the trial is
  // stepped month by month and every event reaches the sink; the result is the same.
  void run_trial(std::uint64_t seed, std::int64_t trial, TrialResult& out,
                 TraceSink* trace = nullptr) const;
  // The plain month-by-month reference implementation (bitwise the same results, slower): kept
  // to test the fast path against.
  void run_trial_stepwise(std::uint64_t seed, std::int64_t trial, TrialResult& out,
                          TraceSink* trace = nullptr) const;

 private:
  struct Compiled;
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace parley
