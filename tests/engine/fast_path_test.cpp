// The fast path (quiet stretches solved by bisection) against the month-by-month reference:
// bitwise-identical results on many random scenarios.
#include <gtest/gtest.h>

#include <array>
#include <random>

#include "sample_scenarios.hpp"
#include "sim/engine/simulator.hpp"
#include "trial_helpers.hpp"

namespace parley {
namespace {

using namespace parley::testing;

// Look-ahead for about two actors in three, some with a lead and a threshold, and for some
// shocks an extension-probability effect (valued by the rule) at a random table.
void add_lookahead(Scenario& s, std::mt19937_64& g) {
  auto uni = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(g); };
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(g); };
  for (Actor& a : s.actors) {
    a.lookahead.enabled = pick(3) != 0;
    if (pick(2) == 0) a.lookahead.lead = 1 + pick(12);
    a.lookahead.threshold = pick(2) == 0 ? 0.0 : uni(0, 0.2);
  }
  for (Shock& shock : s.shocks) {
    if (pick(3) != 0) continue;
    Effect e;
    e.kind = Effect::Kind::table_extend_p;
    e.table = pick(static_cast<int>(s.tables.size()));
    e.value = Distribution::uniform(0, 1);
    shock.outcomes[0].effects.push_back(e);
  }
}

// The draws a random scenario is made of, in the order they are made.
struct ScenarioDice {
  std::mt19937_64& g;
  double uni(double a, double b) { return std::uniform_real_distribution<double>(a, b)(g); }
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(g); }
  YearMonth month(int from, int span) { return ym("2020-01").plus_months(from + pick(span)); }
};

// Demanders d0.. then payers p.., each with random opening, reservation, beta and patience.
void add_random_actors(Scenario& s, ScenarioDice& dice, int demanders, int payers) {
  for (int i = 0; i < demanders + payers; ++i) {
    const bool is_demander = i < demanders;
    const double o = is_demander ? dice.uni(150, 300) : dice.uni(20, 80);
    const double r = is_demander ? dice.uni(60, 140) : dice.uni(70, 160);
    Actor a = actor((is_demander ? "d" : "p") + std::to_string(i),
                    is_demander ? Role::demander : Role::payer, o, r, 1, 12);
    a = with(a, ActorParam::opening, Distribution::uniform(0.9 * o, 1.1 * o));
    a = with(a, ActorParam::reservation, Distribution::normal(r, 10));
    a = with(a, ActorParam::beta,
             dice.pick(3) == 0 ? Distribution::constant(1.0) : Distribution::uniform(0.2, 3.0));
    a = with(a, ActorParam::patience,
             dice.pick(8) == 0 ? Distribution::constant(0.0) : Distribution::uniform(1, 30));
    s.actors.push_back(a);
  }
}

// Tables t0.. with random dates, stalls, noise, first proposer, protocol and deadline policy.
void add_random_tables(Scenario& s, ScenarioDice& dice, int tables, int demanders, int payers) {
  for (int t = 0; t < tables; ++t) {
    const YearMonth opens = dice.month(0, 12);
    Table tb = table("t" + std::to_string(t), dice.pick(demanders), demanders + dice.pick(payers),
                     dice.uni(80, 120), "2020-01", "2020-01", "2020-01");
    tb.opens = opens;
    tb.deadline = opens.plus_months(dice.pick(14) - 2);
    tb.horizon = opens.plus_months(dice.pick(36));
    tb.stall_p = dice.pick(2) == 0 ? 0.0 : dice.uni(0.05, 0.5);
    tb.first = dice.pick(2) == 0 ? FirstProposer::demander : FirstProposer::payer;
    tb.on_deadline.extend_p = dice.pick(2) == 0 ? 0.0 : dice.uni(0, 0.5);
    if (dice.pick(2) == 0)
      tb.on_deadline.lapse_effects = {
          scale(tb.payer, ActorParam::reservation, Distribution::uniform(1.0, 1.1))};
    if (dice.pick(6) == 0) tb.protocol = dice.pick(2) == 0 ? Protocol::nash : Protocol::rubinstein;
    if (dice.pick(8) == 0) tb.offer_noise = dice.uni(0.01, 0.1);
    tb.years = 1 + dice.pick(4);
    tb.escalation.rate = Distribution::uniform(0, 0.1);
    s.tables.push_back(tb);
  }
}

// One or two effects of a shock: a clock reset, a replacement, a table date or a scaled
// parameter.
std::vector<Effect> random_effects(ScenarioDice& dice, int demanders, int payers, int tables) {
  std::vector<Effect> effects;
  const int n_effects = 1 + dice.pick(2);
  for (int e = 0; e < n_effects; ++e) {
    const int kind = dice.pick(6);
    const int who = dice.pick(demanders + payers);
    if (kind == 0) {
      Effect r;
      r.kind = Effect::Kind::reset_clock;
      r.actor = who;
      effects.push_back(r);
    } else if (kind == 1 && who < demanders) {
      effects.push_back(replace(who, dice.pick(demanders)));
    } else if (kind == 2) {
      Effect d;
      d.kind = dice.pick(2) == 0 ? Effect::Kind::table_deadline : Effect::Kind::table_horizon;
      d.table = dice.pick(tables);
      d.month = dice.month(0, 30);
      effects.push_back(d);
    } else {
      effects.push_back(scale(who, dice.pick(2) == 0 ? ActorParam::reservation : ActorParam::beta,
                              Distribution::uniform(0.8, 1.25)));
    }
  }
  return effects;
}

// Up to four shocks s0.. of every timing, some conditioned on an earlier one.
void add_random_shocks(Scenario& s, ScenarioDice& dice, int demanders, int payers, int tables) {
  const int shocks = dice.pick(5);
  for (int k = 0; k < shocks; ++k) {
    Shock sh = shock_at("s" + std::to_string(k), "2020-01", dice.uni(0.3, 1));
    sh.at = dice.month(0, 30);
    const int timing = dice.pick(3);
    if (timing > 0) {
      sh.timing = timing == 1 ? ShockTiming::window : ShockTiming::hazard;
      sh.window_first = dice.month(0, 20);
      sh.window_last = sh.window_first.plus_months(dice.pick(10));
      sh.hazard = dice.uni(0.1, 0.6);
    }
    std::vector<Effect> effects = random_effects(dice, demanders, payers, tables);
    if (dice.pick(2) == 0) {
      sh.outcomes = {{"a", 0.4, effects}, {"b", 0.6, {}}};
    } else {
      sh.outcomes[0].effects = effects;
    }
    if (k > 0 && dice.pick(3) == 0) sh.when = {ShockCondition{dice.pick(k), {kShockNone, 0}}};
    s.shocks.push_back(sh);
  }
}

// A random scenario: 2-4 demanders and 1-3 payers with random distributions, 1-3 tables with
// random dates, stalls, noise, first proposer and deadline policy, shocks of every timing with
// parameter, clock, seat and table effects, and precedent links. With `lookahead`, also random
// v2 look-ahead actors (leads, thresholds) and extension-probability effects; the draws for the
// rest are the same.
Scenario random_scenario(std::mt19937_64& g, bool lookahead = false) {
  ScenarioDice dice{g};
  Scenario s;
  const int demanders = 2 + dice.pick(3), payers = 1 + dice.pick(3);
  add_random_actors(s, dice, demanders, payers);
  const int tables = 1 + dice.pick(3);
  add_random_tables(s, dice, tables, demanders, payers);
  add_random_shocks(s, dice, demanders, payers, tables);
  if (tables > 1 && dice.pick(2) == 0) s.links.push_back(Link{0, 1, dice.uni(0, 1)});
  if (tables > 2 && dice.pick(2) == 0) s.links.push_back(Link{2, 0, dice.uni(0, 1)});
  if (lookahead) add_lookahead(s, g);
  return s;
}

TEST(FastPath, BitwiseEqualToTheSteppingReferenceOnRandomScenarios) {
  std::mt19937_64 g(2024);
  int agreed = 0, total = 0;
  for (int scenario = 0; scenario < 150; ++scenario) {
    const Scenario s = random_scenario(g);
    const Simulator sim(s);
    const auto fast = run_trials(sim, 100 + scenario, 200);
    const auto reference = run_trials(sim, 100 + scenario, 200, /*stepwise=*/true);
    for (std::size_t i = 0; i < fast.size(); ++i) {
      ASSERT_TRUE(same_bits(fast[i], reference[i])) << "scenario " << scenario << " trial " << i;
      for (const TableResult& t : fast[i].tables) {
        agreed += t.outcome == Outcome::agreed;
        ++total;
      }
    }
  }
  // The comparison means something only if many tables settle and many do not.
  EXPECT_GT(agreed, total / 5);
  EXPECT_LT(agreed, total * 19 / 20);
}

TEST(FastPath, BitwiseEqualToTheSteppingReferenceWithLookahead) {
  std::mt19937_64 g(2025);
  int agreed = 0, total = 0;
  struct Choices : TraceSink {
    std::array<int, 3> n{};
    void lookahead_decided(const LookaheadEvent& e) override {
      ++n[static_cast<int>(e.decision.choice)];
    }
  } choices;
  for (int scenario = 0; scenario < 150; ++scenario) {
    const Scenario s = random_scenario(g, /*lookahead=*/true);
    const Simulator sim(s);
    const auto fast = run_trials(sim, 300 + scenario, 200);
    const auto reference = run_trials(sim, 300 + scenario, 200, /*stepwise=*/true);
    TrialResult traced = TrialResult::for_scenario(s);
    for (int trial = 0; trial < 5; ++trial)
      sim.run_trial(300 + scenario, trial, traced, &choices);
    for (std::size_t i = 0; i < fast.size(); ++i) {
      ASSERT_TRUE(same_bits(fast[i], reference[i])) << "scenario " << scenario << " trial " << i;
      for (const TableResult& t : fast[i].tables) {
        agreed += t.outcome == Outcome::agreed;
        ++total;
      }
    }
  }
  EXPECT_GT(agreed, total / 5);
  EXPECT_LT(agreed, total * 19 / 20);
  // Every kind of choice is made, many times.
  for (int n : choices.n)
    EXPECT_GT(n, 100);
}

TEST(FastPath, BitwiseEqualOnTheSma11LikeScenario) {
  const Simulator sim(sma11_like_scenario());
  const auto fast = run_trials(sim, 3, 5000);
  const auto reference = run_trials(sim, 3, 5000, /*stepwise=*/true);
  for (std::size_t i = 0; i < fast.size(); ++i)
    ASSERT_TRUE(same_bits(fast[i], reference[i])) << "trial " << i;
}

TEST(FastPath, NoisyTablesAreSteppedAndStillAgree) {
  Scenario s = sma11_like_scenario();
  s.tables[0].offer_noise = 0.05;
  const Simulator sim(s);
  const auto fast = run_trials(sim, 4, 2000);
  const auto reference = run_trials(sim, 4, 2000, /*stepwise=*/true);
  for (std::size_t i = 0; i < fast.size(); ++i)
    ASSERT_TRUE(same_bits(fast[i], reference[i])) << "trial " << i;
}

// A traced trial draws every actor at its start; an untraced one draws an actor when it first
// matters (seated, brought in by a replace, moved by an effect). Addressed streams make the two
// identical, on scenarios where replacements and effects reach actors not yet seated.
TEST(LazyDraws, DrawingActorsLateOrNeverChangesNoResult) {
  std::mt19937_64 g(77);
  for (int scenario = 0; scenario < 60; ++scenario) {
    const Scenario s = random_scenario(g);
    const Simulator sim(s);
    TrialResult lazy = TrialResult::for_scenario(s), eager = lazy;
    TraceSink every_actor_drawn_first;
    for (int trial = 0; trial < 100; ++trial) {
      sim.run_trial(5, trial, lazy);
      sim.run_trial(5, trial, eager, &every_actor_drawn_first);
      ASSERT_TRUE(same_bits(lazy, eager)) << "scenario " << scenario << " trial " << trial;
    }
  }
}

}  // namespace
}  // namespace parley
