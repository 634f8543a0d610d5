// Edge cases of the calendar and the parameters.
#include <gtest/gtest.h>

#include <cmath>

#include "scenario_builder.hpp"
#include "sim/engine/simulator.hpp"
#include "trial_helpers.hpp"

namespace parley {
namespace {

using namespace parley::testing;

Scenario simple() {
  Scenario s;
  s.actors = {demander("d", 100, 36, 1, 8), payer("p", 20, 84, 1, 8)};
  s.tables = {table("t", 0, 1, 50, "2020-01", "2020-12", "2021-12")};
  return s;
}

TableResult first_table(const Scenario& s, std::int64_t trial = 0) {
  TrialResult r = TrialResult::for_scenario(s);
  Simulator(s).run_trial(1, trial, r);
  return r.tables[0];
}

TEST(EdgeCases, OpensAfterDeadlineChecksTheDeadlineInRoundZero) {
  Scenario s = simple();
  s.tables[0].opens = ym("2021-02");
  s.tables[0].on_deadline.extend_p = 1.0;
  TableResult r = first_table(s);
  EXPECT_EQ(r.outcome, Outcome::extended);
  EXPECT_EQ(r.amount, 50.0);  // extend_amount defaults to the baseline
  EXPECT_EQ(r.change_pct, 0.0);
  s.tables[0].on_deadline.extend_p = 0.0;
  r = first_table(s);
  EXPECT_EQ(r.outcome, Outcome::agreed);
  EXPECT_EQ(r.month, 5);
}

TEST(EdgeCases, HorizonOfOneMonthRunsOnlyRoundZero) {
  Scenario s = simple();
  s.tables[0].horizon = s.tables[0].opens;
  EXPECT_EQ(first_table(s).outcome, Outcome::no_deal);  // 100 > P(1) = 28
  s.actors[0] = demander("d", 20, 20, 1, 8);
  const TableResult r = first_table(s);
  EXPECT_EQ(r.outcome, Outcome::agreed);
  EXPECT_EQ(r.month, 0);
  EXPECT_EQ(r.amount, 20.0);
}

TEST(EdgeCases, ZeroPatienceConcedesAtOnce) {
  Scenario s = simple();
  s.actors[0] = demander("d", 100, 60, 0.3, 0);  // T = 0: alpha = 1, proposes r = 60 at t = 0
  const TableResult r = first_table(s);
  EXPECT_EQ(r.outcome, Outcome::agreed);
  // D = 60 always; P(c) = 20 + 8c. t = 0: 60 > P(1) = 28; t = 1: P(1) < 60; t = 2: 60 > 44;
  // t = 3: 44 < 60; t = 4: 60 <= P(5) = 60, accepted.
  EXPECT_EQ(r.month, 4);
  EXPECT_EQ(r.amount, 60.0);
}

TEST(EdgeCases, StallEveryRoundMeansNoDeal) {
  Scenario s = simple();
  s.tables[0].stall_p = 1.0;
  for (int trial = 0; trial < 20; ++trial) {
    const TableResult r = first_table(s, trial);
    EXPECT_EQ(r.outcome, Outcome::no_deal);
    EXPECT_TRUE(std::isnan(r.amount));
    EXPECT_TRUE(std::isnan(r.total));
    EXPECT_TRUE(std::isnan(r.metric(Metric::amount)));
    EXPECT_EQ(r.month, -1);
  }
}

TEST(EdgeCases, OpeningBelowReservationClampsTheReservation) {
  Scenario s = simple();
  s.actors[0] = demander("d", 50, 80, 1, 8);  // o < r: r := 50
  s.actors[1] = payer("p", 90, 60, 1, 8);     // o > r: r := 90
  ParamRecorder rec;
  TrialResult r = TrialResult::for_scenario(s);
  Simulator(s).run_trial(1, 0, r, &rec);
  EXPECT_EQ(rec.params[0][static_cast<int>(ActorParam::reservation)], 50.0);
  EXPECT_EQ(rec.params[1][static_cast<int>(ActorParam::reservation)], 90.0);
  // Demander proposes 50 at t = 0 and the payer (at 90 whatever its clock) accepts.
  EXPECT_EQ(r.tables[0].outcome, Outcome::agreed);
  EXPECT_EQ(r.tables[0].amount, 50.0);
  EXPECT_EQ(r.tables[0].month, 0);
}

TEST(EdgeCases, EffectsReestablishTheInvariant) {
  Scenario s = simple();
  s.tables[0].opens = ym("2020-03");
  // Before the table opens the demander's reservation is scaled above its opening (r := o) and
  // its beta is set negative (kept at 1e-9).
  Effect set_beta = scale(0, ActorParam::beta, Distribution::constant(-1.0));
  s.shocks = {
      shock_at("x", "2020-01", 1,
               {scale(0, ActorParam::reservation, Distribution::constant(10.0)), set_beta})};
  struct EffectLog : TraceSink {
    std::vector<double> after;
    void effect_applied(YearMonth, const Effect&, double, double, double a) override {
      after.push_back(a);
    }
  } log;
  TrialResult r = TrialResult::for_scenario(s);
  Simulator(s).run_trial(1, 0, r, &log);
  ASSERT_EQ(log.after.size(), 2u);
  EXPECT_EQ(log.after[0], 100.0);
  EXPECT_EQ(log.after[1], 1e-9);
  // The demander holds at 100 throughout; the payer reaches only 84: no deal.
  EXPECT_EQ(r.tables[0].outcome, Outcome::no_deal);
}

TEST(EdgeCases, ShockBeforeOpeningActsAtTheOpeningAndClocksStartAtZero) {
  Scenario s = simple();
  s.actors.push_back(demander("new", 100, 36, 1, 8));
  s.tables[0].opens = ym("2020-06");
  s.shocks = {shock_at("swap", "2020-02", 1, {replace(0, 2)})};
  // The replacement sits from the opening with clock 0: same crossing as the original (t = 5).
  const TableResult r = first_table(s);
  EXPECT_EQ(r.month, 5);
  EXPECT_EQ(r.amount, 60.0);
}

TEST(EdgeCases, ResetClockRestartsTheConcession) {
  Scenario s = simple();
  Effect reset;
  reset.kind = Effect::Kind::reset_clock;
  reset.actor = 0;
  s.shocks = {shock_at("reset", "2020-04", 1, {reset})};
  // Without the reset: t = 5 at 60. With the demander's clock at 0 in round 3 (2020-04), its
  // c_D = t - 3: payer at odd t: 20 + 8t >= 100 - 8(t - 2) <=> t >= 6 -> t = 7 (76);
  // demander at even t: 100 - 8(t - 3) <= 20 + 8(t + 1) <=> t >= 6 -> t = 6 (76).
  const TableResult r = first_table(s);
  EXPECT_EQ(r.month, 6);
  EXPECT_EQ(r.amount, 76.0);
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

TEST(TrialResultTest, MetricsAreDefinedPerOutcome) {
  TableResult agreed{Outcome::agreed, 120.0, 20.0, 600.0, 7};
  EXPECT_EQ(agreed.metric(Metric::amount), 120.0);
  EXPECT_EQ(agreed.metric(Metric::change_pct), 20.0);
  EXPECT_EQ(agreed.metric(Metric::total), 600.0);
  EXPECT_EQ(agreed.metric(Metric::month), 7.0);
  TableResult extended{Outcome::extended, 100.0, 0.0, 200.0, -1};
  EXPECT_EQ(extended.metric(Metric::amount), 100.0);
  EXPECT_TRUE(std::isnan(extended.metric(Metric::month)));
  const TableResult none;
  for (Metric m : kAllMetrics)
    EXPECT_TRUE(std::isnan(none.metric(m)));
  EXPECT_STREQ(to_string(Outcome::agreed), "agreed");
  EXPECT_STREQ(to_string(Outcome::extended), "extended");
  EXPECT_STREQ(to_string(Outcome::no_deal), "no_deal");
  Scenario s;
  s.tables.resize(2);
  s.shocks.resize(3);
  const TrialResult r = TrialResult::for_scenario(s);
  EXPECT_EQ(r.tables.size(), 2u);
  EXPECT_EQ(r.shocks.size(), 3u);
}

}  // namespace
}  // namespace parley
