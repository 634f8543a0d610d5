#pragma once
// The mutable state of one trial in progress: actor parameters, who sits where, clocks, table
// fields moved by effects, the shock calendar and pending precedent links; and the keys of the
// random streams, which depend only on the compiled scenario and the seed. One per thread,
// reused for every trial, so a trial allocates nothing once the buffers have grown.
//
//   TrialState& s = TrialState::for_this_thread();
//   s.prepare(compiled, seed);
//   RandomStream r(s.keys[compiled.actors[0].stream[0]], trial);
#include <algorithm>
#include <array>
#include <climits>
#include <vector>

#include "sim/engine/compiled_scenario.hpp"
#include "sim/engine/concession.hpp"
#include "sim/engine/random_stream.hpp"

namespace parley {

inline constexpr int kNoMonth = INT_MIN;

struct TableState {
  std::array<int, 2> seat{};    // actor in the demander [0] and payer [1] seat
  std::array<int, 2> origin{};  // month index at which each seat's clock reads 0
  int deadline = 0, horizon = 0;
  double extend_p = 0;
  bool deadline_handled = false;
  bool done = false;
  int first_acceptance = 0;  // fast path scratch: month of the first accepted proposal,
  double first_offer = 0;    // and its offer
  AddressedWords stall;      // word t: the stall draw of round t
};

struct ShockFire {
  int month = 0;
  int shock = -1;
};

struct TrialState {
  std::vector<StreamKey> keys;  // per stream number, for the scenario and seed below
  std::uint64_t keys_serial = 0, keys_seed = 0;
  std::vector<ActorParams> actors;
  std::vector<unsigned char> drawn;     // per actor: parameters drawn this trial (drawn lazily)
  std::vector<ConcessionShape> shapes;  // per actor, refreshed when needed after a change
  std::vector<TableState> tables;
  std::vector<ShockFire> fires;           // shocks that happen, by month, then declaration order
  std::vector<RandomBlock> shock_blocks;  // each shock's first block, computed together
  std::vector<int> link_month;            // month a pending link takes effect, or kNoMonth
  std::vector<double> link_ratio;
  std::vector<double> copula_normals;
  std::vector<double> copula_values;  // each copula parameter's value, by Correlations::params

  // Sizes and stream keys when the scenario or seed changed; the per-trial resets always.
  void prepare(const CompiledScenario& c, std::uint64_t seed) {
    if (keys_serial != c.serial || keys_seed != seed) {
      keys.clear();
      const SeedKey mixed(seed);
      for (std::uint64_t purpose : c.stream_purposes)
        keys.emplace_back(mixed, purpose);
      keys_serial = c.serial;
      keys_seed = seed;
      actors.resize(c.actors.size());
      drawn.resize(c.actors.size());
      shapes.resize(c.actors.size());
      tables.resize(c.tables.size());
      fires.reserve(c.shocks.size());
      shock_blocks.resize(c.shocks.size());
      link_month.resize(c.scenario.links.size());
      link_ratio.resize(c.scenario.links.size());
      copula_normals.resize(static_cast<std::size_t>(c.copula_size));
      copula_values.resize(static_cast<std::size_t>(c.copula_size));
    }
    std::fill(drawn.begin(), drawn.end(), 0);
    fires.clear();
    std::fill(link_month.begin(), link_month.end(), kNoMonth);
  }

  static TrialState& for_this_thread() {
    thread_local TrialState state;
    return state;
  }
};

}  // namespace parley
