// Faratin concession levels and the two linear conceders whose crossing is known exactly.
#include "sim/engine/concession.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "scenario_builder.hpp"
#include "sim/engine/simulator.hpp"
#include "sim/engine/trace.hpp"

namespace parley {
namespace {

using namespace parley::testing;

// Non-linear levels are computed as exp((log c - log T) / b): within 1e-14 (relative) of the
// exact power. Linear, saturated and zero levels are exact.
TEST(Concession, FaratinLevelsAtChosenPoints) {
  constexpr double rel = 1e-14;
  EXPECT_EQ(concession_level(0, 24, 0.5), 0.0);
  EXPECT_NEAR(concession_level(6, 24, 0.5), 0.0625, 0.0625 * rel);  // (1/4)^2
  EXPECT_EQ(concession_level(6, 24, 1.0), 0.25);
  EXPECT_NEAR(concession_level(12, 24, 2.0), std::sqrt(0.5), rel);
  EXPECT_NEAR(concession_level(3, 10, 0.3), std::pow(0.3, 1 / 0.3), std::pow(0.3, 1 / 0.3) * rel);
  EXPECT_NEAR(concession_level(5000, 6000, 0.7), std::pow(5000 / 6000.0, 1 / 0.7), rel);
  EXPECT_EQ(concession_level(24, 24, 0.2), 1.0);
  EXPECT_EQ(concession_level(40, 24, 3.0), 1.0);  // min(1, c/T)
  EXPECT_EQ(concession_level(0, 0, 0.5), 1.0);    // T = 0: conceded at once
  EXPECT_EQ(concession_offer(100, 40, 0.25), 85.0);
  EXPECT_EQ(concession_offer(20, 80, 0.25), 35.0);
}

// Within each actor the level never decreases with the clock: the fast path relies on it.
TEST(Concession, LevelsAreMonotoneInTheClock) {
  for (double beta : {0.05, 0.2, 0.5, 0.999, 1.0, 1.5, 7.0}) {
    for (double patience : {0.5, 3.0, 17.3, 36.0, 5000.0}) {
      const ConcessionShape s = ConcessionShape::of(patience, beta);
      for (int c = 0; c < 6000; ++c)
        ASSERT_LE(concession_level(c, s), concession_level(c + 1, s)) << beta << " " << patience;
    }
  }
}

// First round of the alternating protocol at which two linear conceders (b = 1, constant
// parameters, both clocks = t) settle, from the crossing of the two lines:
//   demander proposes at even t: o_D - s_D t <= o_P + s_P (t + 1)  <=>  t >= (o_D - o_P - s_P) / s
//   payer proposes at odd t:     o_P + s_P t >= o_D - s_D (t + 1)  <=>  t >= (o_D - o_P - s_D) / s
// with s = s_D + s_P. Dyadic slopes keep every value exact in binary.
struct Crossing {
  int round;
  double amount;
};
Crossing linear_crossing(double o_d, double r_d, double t_d, double o_p, double r_p, double t_p) {
  const double s_d = (o_d - r_d) / t_d, s_p = (r_p - o_p) / t_p, s = s_d + s_p;
  auto first_with_parity = [](double bound, int parity) {
    int t = static_cast<int>(std::ceil(bound));
    if (t < 0) t = parity;
    if ((t & 1) != parity) ++t;
    return t;
  };
  const int even = first_with_parity((o_d - o_p - s_p) / s, 0);
  const int odd = first_with_parity((o_d - o_p - s_d) / s, 1);
  if (even < odd) return {even, o_d - s_d * even};
  return {odd, o_p + s_p * odd};
}

TEST(Concession, LinearConcedersSettleAtTheCrossingExactly) {
  struct Case {
    double o_d, r_d, t_d, o_p, r_p, t_p;
  };
  const Case cases[] = {{100, 36, 8, 20, 84, 8},   // payer's offer at t = 5: 60
                        {100, 36, 8, 20, 52, 16},  // slower payer
                        {1000, 488, 16, 200, 968, 32},
                        {64, 48, 4, 0, 56, 2}};  // saturating payer
  for (const Case& c : cases) {
    Scenario s;
    s.actors = {demander("d", c.o_d, c.r_d, 1, c.t_d), payer("p", c.o_p, c.r_p, 1, c.t_p)};
    s.tables = {table("t", 0, 1, 50, "2020-01", "2030-01", "2030-01")};
    const Crossing expected = linear_crossing(c.o_d, c.r_d, c.t_d, c.o_p, c.r_p, c.t_p);
    const Simulator sim(s);
    TrialResult r = TrialResult::for_scenario(s);
    sim.run_trial(1, 0, r);
    ASSERT_EQ(r.tables[0].outcome, Outcome::agreed);
    EXPECT_EQ(r.tables[0].month, expected.round) << c.o_d << " " << c.t_p;
    EXPECT_EQ(r.tables[0].amount, expected.amount) << c.o_d << " " << c.t_p;
    EXPECT_EQ(r.tables[0].change_pct, 100 * (expected.amount / 50 - 1));
    EXPECT_EQ(r.tables[0].total, expected.amount);  // years = 1
  }
}

TEST(Concession, PayerFirstSwapsTheParity) {
  Scenario s;
  s.actors = {demander("d", 100, 36, 1, 8), payer("p", 20, 84, 1, 8)};
  s.tables = {table("t", 0, 1, 50, "2020-01", "2030-01", "2030-01")};
  s.tables[0].first = FirstProposer::payer;
  // Payer proposes at even t: 20 + 8t >= 100 - 8(t + 1) <=> t >= 4.5 -> t = 6, amount 68;
  // demander at odd t: 100 - 8t <= 20 + 8(t + 1) <=> t >= 4.5 -> t = 5, amount 60.
  const Simulator sim(s);
  TrialResult r = TrialResult::for_scenario(s);
  sim.run_trial(1, 0, r);
  ASSERT_EQ(r.tables[0].outcome, Outcome::agreed);
  EXPECT_EQ(r.tables[0].month, 5);
  EXPECT_EQ(r.tables[0].amount, 60.0);
}

TEST(Concession, EscalatedTotalSumsTheGrownYears) {
  Scenario s;
  s.actors = {demander("d", 100, 36, 1, 8), payer("p", 20, 84, 1, 8)};
  s.tables = {table("t", 0, 1, 50, "2020-01", "2030-01", "2030-01")};
  s.tables[0].years = 4;
  s.tables[0].escalation.rate = Distribution::discrete({0.05, 0.5}, {1, 1});
  s.tables[0].escalation.cap = 0.25;  // every draw is 0.05 or clipped to 0.25
  const Simulator sim(s);
  TrialResult r = TrialResult::for_scenario(s);
  bool saw_low = false, saw_cap = false;
  for (int trial = 0; trial < 50; ++trial) {
    sim.run_trial(3, trial, r);
    ASSERT_EQ(r.tables[0].amount, 60.0);
    // total / amount = 1 + (1+g1) + (1+g1)(1+g2) + (1+g1)(1+g2)(1+g3), g in {0.05, 0.25}
    bool matched = false;
    for (int mask = 0; mask < 8 && !matched; ++mask) {
      const double g1 = (mask & 1) ? 0.25 : 0.05, g2 = (mask & 2) ? 0.25 : 0.05,
                   g3 = (mask & 4) ? 0.25 : 0.05;
      const double factor = 1 + (1 + g1) * (1 + (1 + g2) * (1 + (1 + g3)));
      if (std::abs(r.tables[0].total - 60 * factor) < 1e-9) {
        matched = true;
        saw_low = saw_low || mask != 7;
        saw_cap = saw_cap || mask != 0;
      }
    }
    EXPECT_TRUE(matched) << r.tables[0].total;
  }
  EXPECT_TRUE(saw_low);
  EXPECT_TRUE(saw_cap);
}

}  // namespace
}  // namespace parley
