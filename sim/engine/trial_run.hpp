#pragma once
// One trial, start to finish: trial-start draws (actor parameters, shock calendar), then one
// calendar loop over months (pending links, shocks of the month, each open table's round).
//
//   TrialRun(compiled, TrialState::for_this_thread(), seed, trial, result, trace, fast).run();
//
// `fast = false` is the plain month-by-month reference. `fast = true` steps only the months in
// which something happens (a shock, a link, an opening, a deadline) and solves the quiet
// stretches in between: while parameters are constant both concession curves are monotone, so
// each parity's first accepting round is found by bisection and the settlement is the first
// non-stalled round at or after it. Both give bitwise-identical results (tested).
#include <cstdint>

#include "sim/engine/compiled_scenario.hpp"
#include "sim/engine/random_stream.hpp"
#include "sim/engine/trace.hpp"
#include "sim/engine/trial_result.hpp"
#include "sim/engine/trial_state.hpp"

namespace parley {

class TrialRun {
 public:
  TrialRun(const CompiledScenario& compiled, TrialState& state, std::uint64_t seed,
           std::int64_t trial, TrialResult& out, TraceSink* trace, bool fast);
  void run();

 private:
  struct Proposal {
    bool by_demander = true;
    double offer = 0, threshold = 0;
    bool accepted = false;
  };

  void draw_actors();
  void draw_actor(int actor);
  void ensure_drawn(int actor);
  void draw_shocks();

  void process_month(int month);
  int next_event(int month) const;
  int solve_until_event(int month);
  int fast_forward(int begin, int end);
  int first_acceptance(int table, int begin, int end);

  void apply_links(int month);
  void fire_shock(int month, int shock);
  void apply_effect(const CompiledEffect& effect, int month);
  void play_round(int table, int month);
  void closed_form(int table, int month);
  bool demander_proposes(int table, int month) const;
  bool stalled(int table, int month);
  double noise_factor(int table, int round) const;
  bool out_of_reach(int table) const;
  const ConcessionShape& shape(int actor);
  Proposal propose(int table, int month, double noise_factor);

  // The keys of stream number `stream` (CompiledScenario::stream_purposes) under this seed.
  const StreamKey& key(int stream) const { return st_.keys[stream]; }

  void finish_agreed(int table, int month, double amount);
  void finish_extended(int table, int month);
  void finish_no_deal(int table, int month);

  const CompiledScenario& c_;
  const Scenario& sc_;
  TrialState& st_;
  std::uint64_t seed_;
  std::uint64_t trial_;
  TrialResult& out_;
  TraceSink* trace_;
  bool fast_;
  int table_count_;
  int active_ = 0;          // tables not yet done
  std::size_t cursor_ = 0;  // next entry of st_.fires
};

}  // namespace parley
