#pragma once
// A Scenario with every name resolved to an index, every random purpose hashed and the
// correlation matrix factored: what Simulator builds once so that run_trial does no lookups.
//
//   CompiledScenario c = CompiledScenario::build(scenario);
//   std::uint64_t p = c.actors[0].purpose[0];   // stream of actor 0's opening
#include <array>
#include <cstdint>
#include <vector>

#include "sim/model/scenario.hpp"

namespace parley {

// An effect plus the random purpose its value is drawn from.
struct CompiledEffect {
  const Effect* effect = nullptr;
  std::uint64_t purpose = 0;
};

struct CompiledActor {
  std::array<std::uint64_t, kActorParamCount> purpose{};
  std::array<int, kActorParamCount> copula_index{};  // position in Correlations::params, or -1
  // What a trial draws: the constant parameters are copied from `constants`, and only the
  // `random` ones (not constant, not in the copula) are sampled.
  struct RandomParam {
    int param = 0;
    int blocks = 1;  // the draw's usual number of generator blocks, 1 or 2
  };
  std::array<double, kActorParamCount> constants{};
  std::vector<RandomParam> random;

  // Drawn with the copula at trial start, never lazily.
  bool in_copula() const {
    for (int k : copula_index)
      if (k >= 0) return true;
    return false;
  }
};

struct CompiledShock {
  std::uint64_t draw_purpose = 0;    // words: 0 happens?, 1 month (window or hazard), 2 outcome
  int first_block = -1;              // the first block of those words a draw reads, -1 if none
  double log_no_hazard = 0;          // log(1 - h), for hazard timing by inversion
  std::vector<double> cumulative_p;  // outcome probabilities, cumulative
  std::vector<std::vector<CompiledEffect>> effects;  // per outcome
};

struct CompiledTable {
  int opens = 0, deadline = 0, horizon = 0;  // YearMonth indices as given
  std::uint64_t stall_purpose = 0, noise_purpose = 0, extend_purpose = 0, escalation_purpose = 0;
  bool escalation_two_blocks = false;  // a random rate over more than two years: 2+ blocks
  std::vector<CompiledEffect> lapse_effects;
  std::vector<int> links_out;  // links whose `from` is this table
};

struct CompiledScenario {
  Scenario scenario;  // owned copy; the pointers above point into it
  std::vector<CompiledActor> actors;
  std::vector<CompiledShock> shocks;
  std::vector<CompiledTable> tables;
  // Gaussian copula: lower Cholesky factor of Correlations::normal_correlation, row-major n x n.
  int copula_size = 0;
  std::vector<double> copula_factor;

  explicit CompiledScenario(const Scenario& s);
  CompiledScenario(const CompiledScenario&) = delete;
  CompiledScenario& operator=(const CompiledScenario&) = delete;
};

}  // namespace parley
