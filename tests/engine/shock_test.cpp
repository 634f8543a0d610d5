// Shock draws: probabilities, outcomes, `when`, window and hazard timing, replace, and the
// deadline policy. Statistical checks use fixed seeds and 4 standard errors.
#include <gtest/gtest.h>

#include <cmath>

#include "scenario_builder.hpp"
#include "sim/engine/simulator.hpp"
#include "trial_helpers.hpp"

namespace parley {
namespace {

using namespace parley::testing;

constexpr int kTrials = 20000;

// One table that never settles (stall_p = 1), so shocks are the only thing to look at.
Scenario quiet_scenario() {
  Scenario s;
  s.actors = {demander("d", 100, 50, 1, 12), payer("p", 40, 90, 1, 12)};
  s.tables = {table("t", 0, 1, 60, "2020-01", "2020-12", "2021-12")};
  s.tables[0].stall_p = 1;
  return s;
}

TEST(Shocks, HappenedAndOutcomeSharesMatchTheirProbabilities) {
  Scenario s = quiet_scenario();
  s.shocks.push_back(shock_at("a", "2020-03", 0.3));
  Shock b = shock_at("b", "2020-05", 1.0);
  b.outcomes = {{"x", 0.2, {}}, {"y", 0.5, {}}, {"z", 0.3, {}}};
  s.shocks.push_back(b);
  Shock c = shock_at("c", "2020-06", 0.5);
  c.when = {ShockCondition{1, {1}}};  // only if b ended in y
  s.shocks.push_back(c);
  const auto results = run_trials(Simulator(s), 21, kTrials);

  const Share a = share_of(results, [](const TrialResult& r) { return r.shocks[0].outcome == 0; });
  EXPECT_NEAR(a.p, 0.3, 4 * std::sqrt(0.3 * 0.7 / kTrials));
  const double expected[] = {0.2, 0.5, 0.3};
  for (int o = 0; o < 3; ++o) {
    const Share share =
        share_of(results, [o](const TrialResult& r) { return r.shocks[1].outcome == o; });
    EXPECT_NEAR(share.p, expected[o], 4 * std::sqrt(expected[o] * (1 - expected[o]) / kTrials));
  }
  double with_y = 0, c_happened = 0;
  for (const TrialResult& r : results) {
    EXPECT_EQ(r.tables[0].outcome, Outcome::no_deal);
    if (r.shocks[1].outcome != 1) {
      EXPECT_EQ(r.shocks[2].outcome, kShockNone);  // `when` holds in every trial
      continue;
    }
    with_y += 1;
    if (r.shocks[2].outcome == 0) {
      c_happened += 1;
      EXPECT_EQ(r.shocks[2].month, ym("2020-06"));
    }
  }
  EXPECT_NEAR(c_happened / with_y, 0.5, 4 * std::sqrt(0.25 / with_y));
}

TEST(Shocks, WindowMonthIsUniform) {
  Scenario s = quiet_scenario();
  Shock w = shock_at("w", "2020-01", 1.0);
  w.timing = ShockTiming::window;
  w.window_first = ym("2020-01");
  w.window_last = ym("2020-10");
  s.shocks.push_back(w);
  const auto results = run_trials(Simulator(s), 22, kTrials);
  for (int k = 0; k < 10; ++k) {
    const YearMonth month = ym("2020-01").plus_months(k);
    const Share share =
        share_of(results, [month](const TrialResult& r) { return r.shocks[0].month == month; });
    EXPECT_NEAR(share.p, 0.1, 4 * std::sqrt(0.1 * 0.9 / kTrials)) << k;
  }
}

TEST(Shocks, HazardMonthIsGeometricAndMayNotHappen) {
  Scenario s = quiet_scenario();
  Shock h = shock_at("h", "2020-01", 1.0);
  h.timing = ShockTiming::hazard;
  h.hazard = 0.2;
  h.window_first = ym("2020-01");
  h.window_last = ym("2020-12");
  s.shocks.push_back(h);
  const auto results = run_trials(Simulator(s), 23, kTrials);
  for (int k = 0; k < 12; ++k) {
    const YearMonth month = ym("2020-01").plus_months(k);
    const double p = 0.2 * std::pow(0.8, k);
    const Share share = share_of(results, [month](const TrialResult& r) {
      return r.shocks[0].outcome == 0 && r.shocks[0].month == month;
    });
    EXPECT_NEAR(share.p, p, 4 * std::sqrt(p * (1 - p) / kTrials)) << k;
  }
  const double none = std::pow(0.8, 12);
  const Share share =
      share_of(results, [](const TrialResult& r) { return r.shocks[0].outcome == kShockNone; });
  EXPECT_NEAR(share.p, none, 4 * std::sqrt(none * (1 - none) / kTrials));
}

// After a replace at month m, the replaced demander (reservation 1e6 for its successor) can make
// no settlement: every agreement in a replaced trial is before round m - opens.
TEST(Shocks, ReplacedActorSettlesNothingAfterwards) {
  Scenario s;
  s.actors = {
      with(demander("old", 200, 60, 1, 12), ActorParam::patience, Distribution::uniform(4, 30)),
      payer("p", 40, 90, 1, 12), demander("absurd", 2e6, 1e6, 1, 1)};
  s.tables = {table("t", 0, 1, 60, "2020-01", "2022-12", "2022-12")};
  Shock election = shock_at("election", "2020-11", 1.0);
  election.outcomes = {{"stay", 0.5, {}}, {"new", 0.5, {replace(0, 2)}}};
  s.shocks = {election};
  const auto results = run_trials(Simulator(s), 24, kTrials);
  const int replace_round = 10;  // 2020-11 is round 10
  int late_without_replace = 0, replaced = 0;
  for (const TrialResult& r : results) {
    const TableResult& t = r.tables[0];
    if (r.shocks[0].outcome == 1) {
      ++replaced;
      if (t.outcome == Outcome::agreed) {
        EXPECT_LT(t.month, replace_round);
        EXPECT_LT(t.amount, 1e6);
      }
    } else if (t.outcome == Outcome::agreed && t.month >= replace_round) {
      ++late_without_replace;
    }
  }
  EXPECT_GT(replaced, kTrials / 3);
  EXPECT_GT(late_without_replace, kTrials / 10);  // without the shock, late deals do occur
}

// Deadline: among trials not settled by the deadline, the extended share is extend_p.
TEST(Shocks, ExtensionShareIsExtendPOfTheUnsettled) {
  Scenario s;
  s.actors = {
      with(demander("d", 200, 60, 1, 12), ActorParam::patience, Distribution::uniform(2, 24)),
      payer("p", 40, 90, 1, 12)};
  s.tables = {table("t", 0, 1, 60, "2020-01", "2020-06", "2022-12")};
  s.tables[0].on_deadline.extend_p = 0.3;
  s.tables[0].on_deadline.extend_amount = 61;
  s.tables[0].on_deadline.extend_years = 2;
  const auto results = run_trials(Simulator(s), 25, kTrials);
  const int deadline_round = 5;
  double unsettled = 0, extended = 0, settled_early = 0;
  for (const TrialResult& r : results) {
    const TableResult& t = r.tables[0];
    if (t.outcome == Outcome::agreed && t.month <= deadline_round) {
      settled_early += 1;
      continue;
    }
    unsettled += 1;
    if (t.outcome == Outcome::extended) {
      extended += 1;
      EXPECT_EQ(t.amount, 61.0);
      EXPECT_EQ(t.total, 122.0);
      EXPECT_EQ(t.month, -1);
      EXPECT_TRUE(std::isnan(t.metric(Metric::month)));
    } else if (t.outcome == Outcome::agreed) {
      EXPECT_GT(t.month, deadline_round);
    }
  }
  ASSERT_GT(settled_early, 1000);
  ASSERT_GT(unsettled, 1000);
  EXPECT_NEAR(extended / unsettled, 0.3, 4 * std::sqrt(0.3 * 0.7 / unsettled));
}

TEST(Shocks, LapseEffectsApplyOnceAndTalksGoOnThatRound) {
  // The payer would never reach 100 but a lapse effect scales its reservation up by 2.
  Scenario s;
  s.actors = {demander("d", 100, 100, 1, 1), payer("p", 40, 60, 1, 1)};
  s.tables = {table("t", 0, 1, 60, "2020-01", "2020-03", "2020-12")};
  s.tables[0].on_deadline.lapse_effects = {
      scale(1, ActorParam::reservation, Distribution::constant(2.0))};
  const Simulator sim(s);
  TrialResult r = TrialResult::for_scenario(s);
  sim.run_trial(1, 0, r);
  ASSERT_EQ(r.tables[0].outcome, Outcome::agreed);
  // Round 3 (2020-04) is the first after the deadline: the lapse effect doubles the payer's
  // reservation before that round's proposal; the payer proposes 120 >= 100 and the demander
  // accepts. Applied twice, it would have been 240.
  EXPECT_EQ(r.tables[0].month, 3);
  EXPECT_EQ(r.tables[0].amount, 120.0);
}

}  // namespace
}  // namespace parley
