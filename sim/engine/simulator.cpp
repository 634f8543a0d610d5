#include "sim/engine/simulator.hpp"

#include "sim/engine/compiled_scenario.hpp"
#include "sim/engine/trial_run.hpp"
#include "sim/engine/trial_state.hpp"

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
  TrialRun(*compiled_, TrialState::for_this_thread(), seed, trial, out, trace, trace == nullptr)
      .run();
}

void Simulator::run_trial_stepwise(std::uint64_t seed, std::int64_t trial, TrialResult& out,
                                   TraceSink* trace) const {
  TrialRun(*compiled_, TrialState::for_this_thread(), seed, trial, out, trace, false).run();
}

}  // namespace parley
