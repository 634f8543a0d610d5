// Reproducibility: a trial is a pure function of (scenario, seed, trial), whatever the thread
// count, the block scheduling or the other actors of the scenario.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <random>
#include <thread>

#include "sample_scenarios.hpp"
#include "sim/engine/parallel.hpp"
#include "sim/engine/simulator.hpp"
#include "trial_helpers.hpp"

namespace parley {
namespace {

using namespace parley::testing;

// Every trial's result through ordered_block_reduce, concatenated in merge order.
std::vector<TrialResult> through_blocks(const Simulator& sim, std::int64_t trials, int threads) {
  using Partial = std::vector<TrialResult>;
  std::vector<TrialResult> all;
  std::int64_t expected_block = 0;
  const bool completed = ordered_block_reduce<Partial>(
      trials, threads, [] { return Partial{}; }, [](Partial& p) { p.clear(); },
      [&](Partial& p, std::int64_t begin, std::int64_t end) {
        TrialResult r = TrialResult::for_scenario(sim.scenario());
        for (std::int64_t i = begin; i < end; ++i) {
          sim.run_trial(77, i, r);
          p.push_back(r);
        }
      },
      [&](Partial& p, std::int64_t block) {
        EXPECT_EQ(block, expected_block++);  // merge sees blocks strictly in order
        all.insert(all.end(), p.begin(), p.end());
      });
  EXPECT_TRUE(completed);
  return all;
}

TEST(Determinism, IdenticalForOneTwoThreeAndEightThreads) {
  const Simulator sim(sma11_like_scenario());
  const std::int64_t trials = 3 * kTrialsPerBlock + 123;
  const auto serial = run_trials(sim, 77, trials);
  for (int threads : {1, 2, 3, 8}) {
    const auto parallel = through_blocks(sim, trials, threads);
    ASSERT_EQ(parallel.size(), serial.size());
    for (std::size_t i = 0; i < serial.size(); ++i)
      ASSERT_TRUE(same_bits(parallel[i], serial[i])) << "trial " << i << ", " << threads;
  }
}

TEST(Determinism, IdenticalInAnyTrialOrder) {
  const Simulator sim(sma11_like_scenario());
  const auto forward = run_trials(sim, 78, 3000);
  std::vector<std::int64_t> order(forward.size());
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), std::mt19937_64(5));
  TrialResult r = TrialResult::for_scenario(sim.scenario());
  for (std::int64_t i : order) {
    sim.run_trial(78, i, r);
    ASSERT_TRUE(same_bits(r, forward[i])) << i;
  }
}

TEST(Determinism, SeedChangesTheResults) {
  const Simulator sim(sma11_like_scenario());
  const auto a = run_trials(sim, 1, 200);
  const auto b = run_trials(sim, 2, 200);
  int differing = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    differing += same_bits(a[i], b[i]) ? 0 : 1;
  EXPECT_GT(differing, 150);
}

// A thread keeps the stream keys of the last scenario and seed it ran: interleaving seeds and
// scenarios (each new one possibly built where a destroyed one was) on one thread gives the
// same results as a fresh thread that ran nothing else.
TEST(Determinism, ThreadStateCarriesNothingAcrossScenariosOrSeeds) {
  Scenario renamed = sma11_like_scenario();
  for (Actor& a : renamed.actors)
    a.name += "_2";  // other purpose names, so other streams
  std::vector<TrialResult> fresh_a, fresh_b, fresh_renamed;
  std::thread([&] {
    fresh_a = run_trials(Simulator(sma11_like_scenario()), 1, 50);
    fresh_b = run_trials(Simulator(sma11_like_scenario()), 2, 50);
  }).join();
  std::thread([&] { fresh_renamed = run_trials(Simulator(renamed), 1, 50); }).join();

  const Simulator sim(sma11_like_scenario());
  for (int round = 0; round < 2; ++round) {
    const auto a = run_trials(sim, 1, 50);
    const auto b = run_trials(sim, 2, 50);
    const auto r = run_trials(Simulator(renamed), 1, 50);  // built and destroyed each round
    for (std::size_t i = 0; i < a.size(); ++i) {
      ASSERT_TRUE(same_bits(a[i], fresh_a[i])) << "trial " << i << ", round " << round;
      ASSERT_TRUE(same_bits(b[i], fresh_b[i])) << "trial " << i << ", round " << round;
      ASSERT_TRUE(same_bits(r[i], fresh_renamed[i])) << "trial " << i << ", round " << round;
    }
  }
  // The renamed actors' streams are other numbers: every trial agreed under both names settles
  // at another amount (the others, extended or without a deal, can coincide).
  int agreed_in_both = 0;
  for (std::size_t i = 0; i < fresh_a.size(); ++i) {
    const TableResult& x = fresh_a[i].tables[0];
    const TableResult& y = fresh_renamed[i].tables[0];
    if (x.outcome != Outcome::agreed || y.outcome != Outcome::agreed) continue;
    ++agreed_in_both;
    EXPECT_FALSE(same_bits(x.amount, y.amount)) << "trial " << i;
  }
  EXPECT_GT(agreed_in_both, 5);
}

// Random draws are keyed by purpose: an unrelated actor and table added to the scenario leave
// the first table's per-trial results unchanged, bit for bit.
TEST(Determinism, UnrelatedActorLeavesOtherResultsUnchanged) {
  const Scenario base = sma11_like_scenario();
  Scenario bigger = base;
  bigger.actors.insert(bigger.actors.begin(),
                       with(payer("tokyo", 900, 1100, 0.5, 12), ActorParam::reservation,
                            Distribution::uniform(1000, 1300)));
  for (Table& t : bigger.tables) {
    ++t.demander;
    ++t.payer;
  }
  for (Shock& s : bigger.shocks) {
    for (ShockOutcome& o : s.outcomes) {
      for (Effect& e : o.effects) {
        ++e.actor;
        if (e.replacement >= 0) ++e.replacement;
      }
    }
  }
  for (Effect& e : bigger.tables[0].on_deadline.lapse_effects)
    ++e.actor;
  Table tokyo = table("tokyo", 1, 0, 1000, "2020-01", "2020-03", "2021-06");
  tokyo.stall_p = 0.2;
  bigger.tables.push_back(tokyo);

  const auto a = run_trials(Simulator(base), 9, 2000);
  const auto b = run_trials(Simulator(bigger), 9, 2000);
  int tokyo_deals = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ASSERT_TRUE(same_bits(a[i].tables[0], b[i].tables[0])) << i;
    tokyo_deals += b[i].tables[1].outcome == Outcome::agreed;
  }
  EXPECT_GT(tokyo_deals, 0);
}

TEST(Parallel, KeepGoingStopsWithAPrefixOfBlocks) {
  std::atomic<int> asked{0};
  std::vector<std::int64_t> merged;
  const bool completed = ordered_block_reduce<int>(
      10 * kTrialsPerBlock, 2, [] { return 0; }, [](int& p) { p = 0; },
      [](int& p, std::int64_t begin, std::int64_t end) { p = static_cast<int>(end - begin); },
      [&](int& p, std::int64_t block) {
        EXPECT_EQ(p, kTrialsPerBlock);
        merged.push_back(block);
      },
      [&] { return ++asked <= 4; });
  EXPECT_FALSE(completed);
  ASSERT_EQ(merged.size(), 4u);
  for (std::size_t i = 0; i < merged.size(); ++i)
    EXPECT_EQ(merged[i], static_cast<std::int64_t>(i));
}

TEST(Parallel, LastBlockIsPartialAndZeroTrialsIsDone) {
  std::int64_t total = 0;
  EXPECT_TRUE(ordered_block_reduce<std::int64_t>(
      kTrialsPerBlock + 5, 3, [] { return std::int64_t{0}; }, [](std::int64_t& p) { p = 0; },
      [](std::int64_t& p, std::int64_t begin, std::int64_t end) { p = end - begin; },
      [&](std::int64_t& p, std::int64_t) { total += p; }));
  EXPECT_EQ(total, kTrialsPerBlock + 5);
  EXPECT_TRUE(ordered_block_reduce<int>(
      0, 2, [] { return 0; }, [](int&) {}, [](int&, std::int64_t, std::int64_t) {},
      [](int&, std::int64_t) { ADD_FAILURE() << "no block to merge"; }));
  EXPECT_EQ(resolve_thread_count(3), 3);
  EXPECT_GE(resolve_thread_count(0), 1);
}

}  // namespace
}  // namespace parley
