#pragma once
// The mutable state of one trial in progress: actor parameters, who sits where, clocks, table
// fields moved by effects, the shock calendar and pending precedent links. One per thread,
// reused for every trial, so a trial allocates nothing once the buffers have grown.
//
//   TrialState& s = TrialState::for_this_thread();
//   s.prepare(compiled);
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
  int first_acceptance = 0;  // fast path scratch: month of the first accepted proposal
  AddressedWords stall;      // word t: the stall draw of round t
};

struct ShockFire {
  int month = 0;
  int shock = -1;
};

struct TrialState {
  std::vector<std::array<double, kActorParamCount>> actors;
  std::vector<unsigned char> drawn;     // per actor: parameters drawn this trial (drawn lazily)
  std::vector<ConcessionShape> shapes;  // per actor, refreshed whenever its parameters change
  std::vector<TableState> tables;
  std::vector<ShockFire> fires;           // shocks that happen, by month, then declaration order
  std::vector<RandomBlock> shock_blocks;  // each shock's first block, computed together
  std::vector<int> link_month;            // month a pending link takes effect, or kNoMonth
  std::vector<double> link_ratio;
  std::vector<double> copula_normals;

  void prepare(const CompiledScenario& c) {
    actors.resize(c.actors.size());
    drawn.assign(c.actors.size(), 0);
    shapes.resize(c.actors.size());
    tables.resize(c.tables.size());
    fires.clear();
    fires.reserve(c.shocks.size());
    shock_blocks.resize(c.shocks.size());
    link_month.assign(c.scenario.links.size(), kNoMonth);
    link_ratio.assign(c.scenario.links.size(), 0.0);
    copula_normals.resize(static_cast<std::size_t>(c.copula_size));
  }

  static TrialState& for_this_thread() {
    thread_local TrialState state;
    return state;
  }
};

}  // namespace parley
