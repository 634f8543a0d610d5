#include "sim/engine/simulator.hpp"

#include "sim/engine/compiled_scenario.hpp"
#include "sim/engine/fast_trial.hpp"
#include "sim/engine/stepwise_trial.hpp"
#include "sim/engine/trial.hpp"

namespace parley {

struct Simulator::Compiled : CompiledScenario {
  using CompiledScenario::CompiledScenario;
};

Simulator::Simulator(const Scenario& scenario) : compiled_(std::make_unique<Compiled>(scenario)) {}
Simulator::~Simulator() = default;
Simulator::Simulator(Simulator&&) noexcept = default;
Simulator& Simulator::operator=(Simulator&&) noexcept = default;

const Scenario& Simulator::scenario() const {
  return compiled_->scenario;
}

void Simulator::run_trial(std::uint64_t seed, std::int64_t trial, TrialResult& out,
                          TraceSink* trace) const {
  // A traced trial is stepped month by month so that every round reaches the sink; the fast
  // path gives the same result bitwise (tests/engine/fast_path_test.cpp).
  Trial t(*compiled_, TrialState::for_this_thread(), seed, trial, out, trace);
  if (trace) {
    run_stepwise(t);
  } else {
    run_fast(t);
  }
}

void Simulator::run_trial_stepwise(std::uint64_t seed, std::int64_t trial, TrialResult& out,
                                   TraceSink* trace) const {
  Trial t(*compiled_, TrialState::for_this_thread(), seed, trial, out, trace);
  run_stepwise(t);
}

}  // namespace parley
