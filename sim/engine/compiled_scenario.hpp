#pragma once
// A Scenario with every name resolved to an index, every random purpose hashed and the
// correlation matrix factored: what Simulator builds once so that run_trial does no lookups.
//
//   CompiledScenario c(scenario);
//   int k = c.actors[0].stream[0];                  // stream of actor 0's opening
//   std::uint64_t p = c.stream_purposes[k];         // its purpose id
#include <array>
#include <cstdint>
#include <vector>

#include "sim/engine/lookahead_rule.hpp"
#include "sim/model/scenario.hpp"

namespace parley {

// Random streams are numbered: a stream number indexes CompiledScenario::stream_purposes (and a
// thread's StreamKeys, computed from them once per seed).

// An effect plus the random stream its value is drawn from.
struct CompiledEffect {
  const Effect* effect = nullptr;
  int stream = 0;
  bool fixed = false;  // the value is a constant distribution: `fixed_value`, no draw
  double fixed_value = 0;
};

struct CompiledActor {
  std::array<int, kActorParamCount> stream{};
  // What a trial draws, in this order: `constants` (every parameter, the random ones as 0), then
  // the copula's values over them, then the independent random parameters over them.
  ActorParams constants{};
  struct CopulaParam {
    int param = 0;
    int index = 0;  // position in Correlations::params
  };
  std::vector<CopulaParam> copula;  // drawn with the copula at trial start, never lazily
  struct RandomParam {
    int param = 0;
    int stream = 0;
    int blocks = 1;  // the draw's usual number of generator blocks, 1 or 2
    const Distribution* distribution = nullptr;
    bool uniform = false;  // a plain uniform (Distribution::is_plain_uniform) on [min, max]
    double min = 0, max = 0;
  };
  std::vector<RandomParam> random;
};

struct CompiledShock {
  int draw_stream = 0;       // words: 0 happens?, 1 month (window or hazard), 2 outcome
  int first_block = -1;      // the first block of those words a draw reads, -1 if none
  double log_no_hazard = 0;  // log(1 - h), for hazard timing by inversion
  // A hazard draw u below this misses the window for certain ((1 - h)^span, less a margin far
  // above rounding), so the logarithm of the inversion is needed only above it.
  double hazard_miss_below = 0;
  std::vector<double> cumulative_p;                  // outcome probabilities, cumulative
  std::vector<std::vector<CompiledEffect>> effects;  // per outcome
};

struct CompiledTable {
  int opens = 0, deadline = 0, horizon = 0;  // YearMonth indices as given
  int stall_stream = 0, noise_stream = 0, extend_stream = 0, escalation_stream = 0;
  bool escalation_two_blocks = false;  // a random rate over more than two years: 2+ blocks
  std::vector<CompiledEffect> lapse_effects;
  std::vector<int> links_out;  // links whose `from` is this table
};

struct CompiledScenario {
  Scenario scenario;  // owned copy; the pointers above point into it
  // Unique in the process, so that per-thread state computed for one compiled scenario is never
  // taken for another's (an address could be reused).
  std::uint64_t serial = 0;
  std::vector<std::uint64_t> stream_purposes;  // purpose id of each stream number
  std::vector<CompiledActor> actors;
  std::vector<CompiledShock> shocks;
  std::vector<CompiledTable> tables;
  // Gaussian copula: lower Cholesky factor of Correlations::normal_correlation, row-major n x n.
  int copula_size = 0;
  std::vector<double> copula_factor;
  LookaheadRule lookahead;  // v2 look-ahead (model.md v2), over `scenario`

  explicit CompiledScenario(const Scenario& s);
  CompiledScenario(const CompiledScenario&) = delete;
  CompiledScenario& operator=(const CompiledScenario&) = delete;
};

}  // namespace parley
