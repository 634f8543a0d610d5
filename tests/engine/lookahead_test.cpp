// v2 look-ahead (model.md, "v2: look-ahead"): the closed forms of a certain adverse and a
// certain favourable replacement, a random outcome the negotiator cannot know, the foreseen
// probabilities of a `when` chain, and v1 unchanged when nobody looks ahead.
#include <gtest/gtest.h>

#include <vector>

#include "scenario_builder.hpp"
#include "sim/engine/lookahead_rule.hpp"
#include "sim/engine/simulator.hpp"
#include "sim/engine/trace.hpp"
#include "trial_helpers.hpp"

namespace parley {
namespace {

using namespace parley::testing;

constexpr int kEvent = 6;  // the shock's round: 2030-07 at a table opened 2030-01

// A demander D(c) = 200 - 5c (o 200, r 100, linear, T 20) faces a payer with opening 80 and a
// uniform reservation; at 2030-07 a shock replaces the demander by `newcomer` with
// probability `p`.
Scenario replacement_scenario(double newcomer_opening, double p, double payer_patience,
                              bool foresight) {
  Scenario s;
  s.actors = {demander("sitting", 200, 100, 1, 20),
              demander("newcomer", newcomer_opening, 100, 1, 6),
              with(payer("host", 80, 150, 1, payer_patience), ActorParam::reservation,
                   Distribution::uniform(100, 200))};
  s.actors[2].lookahead.enabled = foresight;
  s.tables = {table("talks", 0, 2, 100, "2030-01", "2032-12", "2032-12")};
  Shock election = shock_at("election", "2030-07", 1.0);
  election.outcomes = {{"stays", 1 - p, {}}, {"replaced", p, {replace(0, 1)}}};
  if (p == 1.0) election.outcomes = {{"replaced", 1.0, {replace(0, 1)}}};
  s.shocks = {election};
  return s;
}

struct Decisions : ParamRecorder {
  std::vector<ProposalEvent> proposals;
  std::vector<LookaheadDecision> decisions;
  void proposal(const ProposalEvent& e) override { proposals.push_back(e); }
  void lookahead_decided(const LookaheadEvent& e) override { decisions.push_back(e.decision); }
};

// Closed form 1: a certain hawk makes the foresighted payer settle before the event exactly
// when a zone of agreement exists in the last round before it. That round (5) is the payer's, who
// then proposes r_P, and the demander accepts from D(6) = 170: the zone is 170 <= r_P.
TEST(Lookahead, CertainHawkMakesTheForesightedPayerSettleBeforeTheEventIffAZoneExists) {
  const Simulator sim(replacement_scenario(400, 1.0, 30, true));
  const Simulator blind(replacement_scenario(400, 1.0, 30, false));
  TrialResult r = TrialResult::for_scenario(sim.scenario());
  int before = 0;
  for (int trial = 0; trial < 400; ++trial) {
    Decisions trace;
    sim.run_trial(7, trial, r, &trace);
    const double r_p = trace.params.at(2)[param_index(ActorParam::reservation)];
    const bool zone = 170 <= r_p;
    const TableResult& t = r.tables[0];
    EXPECT_EQ(t.outcome == Outcome::agreed && t.month < kEvent, zone) << "trial " << trial;
    if (zone) {
      EXPECT_LE(t.amount, r_p);
    }
    before += zone;
    for (const LookaheadDecision& d : trace.decisions) {
      if (d.shock >= 0) {
        EXPECT_EQ(d.choice, LookaheadChoice::hurry);
      }
    }
    // Blind, the payer's P(5) = 80 + (r_P - 80) / 6 < 170: never a deal before the event.
    TrialResult v1 = TrialResult::for_scenario(blind.scenario());
    blind.run_trial(7, trial, v1);
    EXPECT_FALSE(v1.tables[0].outcome == Outcome::agreed && v1.tables[0].month < kEvent);
  }
  EXPECT_GT(before, 50);  // both sides of the closed form are exercised
  EXPECT_LT(before, 350);
}

// Closed form 2: a certain dove (mean opening 50 < (1 - 0.02) r_D) makes the payer hold from the
// opening: every proposal before the event is its opening, and its clock restarts at 0 then.
TEST(Lookahead, CertainDoveMakesTheForesightedPayerHoldUntilTheEvent) {
  const Simulator sim(replacement_scenario(50, 1.0, 10, true));
  TrialResult r = TrialResult::for_scenario(sim.scenario());
  for (int trial = 0; trial < 200; ++trial) {
    Decisions trace;
    sim.run_trial(8, trial, r, &trace);
    ASSERT_FALSE(trace.decisions.empty());
    for (const LookaheadDecision& d : trace.decisions)
      EXPECT_EQ(d.choice, LookaheadChoice::hold);
    for (const ProposalEvent& p : trace.proposals) {
      if (p.round < kEvent) {
        EXPECT_EQ(p.clock_payer, 0);
        if (p.proposer == Role::payer) {
          EXPECT_EQ(p.offer, 80.0);
        }
        if (p.proposer == Role::demander) {
          EXPECT_EQ(p.threshold, 80.0);
        }
      } else {
        EXPECT_EQ(p.clock_payer, p.round - kEvent);
      }
    }
    EXPECT_TRUE(r.tables[0].outcome != Outcome::agreed || r.tables[0].month >= kEvent);
  }
}

// A random outcome: the negotiator knows p = 0.5, not the draw. It hurries in every trial, so the
// share settled before the event is P(r_P >= 170) = 0.3 in both election groups (binomial
// tolerance: 4 standard errors).
TEST(Lookahead, TheDrawnOutcomeIsUnknownSoBothGroupsHurryAlike) {
  const Simulator sim(replacement_scenario(400, 0.5, 30, true));
  const std::vector<TrialResult> all = run_trials(sim, 9, 20000);
  std::vector<TrialResult> replaced, stays;
  for (const TrialResult& t : all)
    (t.shocks[0].outcome == 1 ? replaced : stays).push_back(t);
  auto early = [](const TrialResult& t) {
    return t.tables[0].outcome == Outcome::agreed && t.tables[0].month < kEvent;
  };
  const Share a = share_of(all, early), in_replaced = share_of(replaced, early),
              in_stays = share_of(stays, early);
  EXPECT_NEAR(a.p, 0.3, 4 * std::sqrt(0.3 * 0.7 / 20000));
  EXPECT_NEAR(in_replaced.p, in_stays.p,
              4 * std::sqrt(in_replaced.se * in_replaced.se + in_stays.se * in_stays.se));
}

// The `when` chain of an election and an inauguration: q before the election, 0 or 1 after.
TEST(Lookahead, AWhenChainIsForeseenWithItsJointProbabilityAndKnownOnceFired) {
  Scenario s = replacement_scenario(400, 1.0, 30, true);
  Shock election = shock_at("election", "2030-05", 1.0);
  election.outcomes = {{"keep", 0.3, {}}, {"change", 0.7, {}}};
  Shock inauguration = shock_at("inauguration", "2030-07", 1.0);
  inauguration.when = {ShockCondition{0, {1}}};
  inauguration.outcomes = {{"happened", 1.0, {replace(0, 1)}}};
  s.shocks = {election, inauguration};
  const LookaheadRule rule(s);
  std::vector<ShockRealisation> drawn(2);
  drawn[0] = {1, ym("2030-05")};  // the election will end in `change`
  drawn[1] = {0, ym("2030-07")};
  LookaheadView view{ym("2030-02").index(), 0, 1, 2, 0, 150, 200, false, 0, 0, &drawn};
  LookaheadDecision d = rule.decide(view);
  EXPECT_EQ(d.shock, 1);  // the election itself changes nothing the payer is offered
  EXPECT_EQ(d.event_month, ym("2030-07").index());
  EXPECT_DOUBLE_EQ(d.value_now, 150);
  EXPECT_DOUBLE_EQ(d.value_after, 0.3 * 150 + 0.7 * 400);
  EXPECT_EQ(d.choice, LookaheadChoice::hurry);

  view.month = ym("2030-05").index();  // the election has fired: `change` is public
  d = rule.decide(view);
  EXPECT_DOUBLE_EQ(d.value_after, 400);
  drawn[0] = {0, ym("2030-05")};  // `keep`: the inauguration cannot happen
  d = rule.decide(view);
  EXPECT_EQ(d.shock, -1);
  EXPECT_EQ(d.choice, LookaheadChoice::v1);

  // Beyond the lead the shock is not looked at; a stop-gap chance enters both values.
  drawn[0] = {1, ym("2030-05")};
  s.actors[2].lookahead.lead = 1;
  const LookaheadRule short_sighted(s);
  view.month = ym("2030-02").index();
  EXPECT_EQ(short_sighted.decide(view).shock, -1);
  view.deadline_ahead = true;
  view.extend_p = 0.5;
  view.extend_amount = 100;
  d = rule.decide(view);
  EXPECT_DOUBLE_EQ(d.value_now, 0.5 * 100 + 0.5 * 150);
  EXPECT_DOUBLE_EQ(d.value_after, 0.3 * d.value_now + 0.7 * (0.5 * 100 + 0.5 * 400));
}

// A window shock's event month is the earliest it can come; a hazard shock is not foreseen.
TEST(Lookahead, WindowEventMonthIsTheNextPossibleMonthAndHazardsAreNotForeseen) {
  Scenario s = replacement_scenario(400, 1.0, 30, true);
  s.shocks[0].timing = ShockTiming::window;
  s.shocks[0].window_first = ym("2030-04");
  s.shocks[0].window_last = ym("2030-09");
  std::vector<ShockRealisation> drawn = {{0, ym("2030-08")}};
  const LookaheadRule rule(s);
  LookaheadView view{ym("2030-02").index(), 0, 1, 2, 0, 150, 200, false, 0, 0, &drawn};
  EXPECT_EQ(rule.decide(view).event_month, ym("2030-04").index());
  view.month = ym("2030-06").index();
  EXPECT_EQ(rule.decide(view).event_month, ym("2030-07").index());
  view.month = ym("2030-08").index();  // fired
  EXPECT_EQ(rule.decide(view).shock, -1);
  s.shocks[0].timing = ShockTiming::hazard;
  s.shocks[0].hazard = 0.5;
  view.month = ym("2030-02").index();
  EXPECT_EQ(LookaheadRule(s).decide(view).shock, -1);
}

// With nothing foreseeable (a hazard has no date) a negotiator who looks ahead is v1 bit for
// bit; with a dated shock it is not.
TEST(Lookahead, WithNothingForeseeableTheResultsAreV1BitForBit) {
  auto hazard = [](Scenario s) {
    s.shocks[0].timing = ShockTiming::hazard;
    s.shocks[0].window_first = ym("2030-03");
    s.shocks[0].window_last = ym("2030-12");
    s.shocks[0].hazard = 0.3;
    return s;
  };
  const auto v1 =
      run_trials(Simulator(hazard(replacement_scenario(400, 0.5, 30, false))), 11, 3000);
  const auto blind_foresight =
      run_trials(Simulator(hazard(replacement_scenario(400, 0.5, 30, true))), 11, 3000);
  for (std::size_t i = 0; i < v1.size(); ++i)
    ASSERT_TRUE(same_bits(v1[i], blind_foresight[i])) << "trial " << i;

  const auto dated_v1 = run_trials(Simulator(replacement_scenario(400, 0.5, 30, false)), 11, 3000);
  const auto dated = run_trials(Simulator(replacement_scenario(400, 0.5, 30, true)), 11, 3000);
  int differs = 0;
  for (std::size_t i = 0; i < dated.size(); ++i)
    differs += !same_bits(dated_v1[i], dated[i]);
  EXPECT_GT(differs, 300);
}

}  // namespace
}  // namespace parley
