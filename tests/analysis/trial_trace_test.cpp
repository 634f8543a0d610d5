// trial_trace: the text of `parley trace`. A scenario of constants whose every round can be
// worked out by hand (docs/model.md v1.5), a closed form, and a random scenario whose printed
// result must be run_trial's.
#include "analysis/results/trial_trace.hpp"

#include <gtest/gtest.h>

#include <string>

#include "hand_built_scenario.hpp"
#include "sim/engine/simulator.hpp"
#include "sim/model/number_text.hpp"
#include "tests/engine/scenario_builder.hpp"

namespace parley {
namespace {

using testing::demander;
using testing::payer;
using testing::scale;
using testing::shock_at;
using testing::table;

// D(c) = 200 - 25 c (o 200, r 100, linear, patience 4); P(c) = 50 + 25 c until a shock in
// 2024-02 scales the payer's reservation 150 -> 180, after which P(c) = 50 + 32.5 c.
//   round 0: d proposes D(0) = 200, the payer accepts up to P(1) = 75       -> refused
//   round 1: p proposes P(1) = 82.5, the demander accepts from D(2) = 150   -> refused
//   round 2: d proposes D(2) = 150, the payer accepts up to P(3) = 147.5    -> refused
//   round 3: p proposes P(3) = 147.5, the demander accepts from D(4) = 100  -> accepted
Scenario worked_example() {
  Scenario s;
  s.name = "worked";
  s.actors = {demander("d", 200, 100, 1, 4), payer("p", 50, 150, 1, 4)};
  s.tables = {table("talks", 0, 1, 100, "2024-01", "2024-12", "2024-12")};
  s.shocks = {shock_at("boost", "2024-02", 1.0,
                       {scale(1, ActorParam::reservation, Distribution::constant(1.2))})};
  return s;
}

TEST(TrialTrace, WorkedExampleRoundByRound) {
  EXPECT_EQ(trial_trace(worked_example(), 5, 0),
            "parley trace: scenario worked, seed 5, trial 0\n"
            "Actors drawn for this trial:\n"
            "  d (demander): opening 200 reservation 100 beta 1 patience 4 discount 0.9 power 0.5\n"
            "  p (payer): opening 50 reservation 150 beta 1 patience 4 discount 0.9 power 0.5\n"
            "Shocks drawn at trial start:\n"
            "  boost: happened in 2024-02\n"
            "Calendar:\n"
            "2024-01  talks: talks open (alternating, deadline 2024-12, horizon 2024-12)\n"
            "2024-01  talks round 0: d proposes 200; the payer accepts up to 75 -> refused  "
            "(clocks 0/0)\n"
            "2024-02  shock boost: happened\n"
            "2024-02    effect: p.reservation scale 1.2: 150 -> 180\n"
            "2024-02  talks round 1: p proposes 82.5; the demander accepts from 150 -> refused  "
            "(clocks 1/1)\n"
            "2024-03  talks round 2: d proposes 150; the payer accepts up to 147.5 -> refused  "
            "(clocks 2/2)\n"
            "2024-04  talks round 3: p proposes 147.5; the demander accepts from 100 -> ACCEPTED  "
            "(clocks 3/3)\n"
            "2024-04  talks: agreed\n"
            "Result:\n"
            "  talks: agreed, amount 147.5 USD_m (+47.5 % on the baseline 100), total 147.5, "
            "round 3 (2024-04)\n");
}

TEST(TrialTrace, ClosedFormShowsTheZoneAndAnUndefinedAmountAsADash) {
  Scenario s;
  s.name = "nash";
  s.actors = {demander("d", 300, 100, 1, 4), payer("p", 50, 140, 1, 4)};
  s.tables = {table("talks", 0, 1, 100, "2024-01", "2024-12", "2024-12")};
  s.tables[0].protocol = Protocol::nash;
  const std::string agreed = trial_trace(s, 1, 0);
  // nash: r_D + power (r_P - r_D) = 100 + 0.5 * 40
  EXPECT_NE(agreed.find("2024-01  talks: nash, ZOPA 40, amount 120\n"), std::string::npos)
      << agreed;
  EXPECT_NE(agreed.find("  talks: agreed, amount 120 USD_m (+20 % on the baseline 100), total "
                        "120, round 0 (2024-01)\n"),
            std::string::npos)
      << agreed;

  s.actors[1] = payer("p", 50, 90, 1, 4);  // no zone of agreement: no amount
  const std::string none = trial_trace(s, 1, 0);
  EXPECT_NE(none.find("2024-01  talks: nash, ZOPA -10, amount -\n"), std::string::npos) << none;
  EXPECT_NE(none.find("Result:\n  talks: no_deal\n"), std::string::npos) << none;
}

// On a scenario with random draws, stalls and an extension chance, the result printed is the one
// run_trial gives for the same trial, with six significant digits.
TEST(TrialTrace, PrintsRunTrialsResult) {
  const Scenario s = testing::hand_built_scenario();
  const Simulator sim(s);
  for (std::int64_t trial : {0, 1, 17, 4096}) {
    TrialResult r = TrialResult::for_scenario(s);
    sim.run_trial(s.seed, trial, r);
    const std::string text = trial_trace(s, s.seed, trial);
    const std::string result = text.substr(text.find("Result:\n"));
    const TableResult& t = r.tables[0];
    std::string expected = "Result:\n  seoul: " + std::string(to_string(t.outcome));
    if (t.outcome != Outcome::no_deal)
      expected += ", amount " + format_significant(t.amount, 6) + " KRW_bn";
    EXPECT_EQ(result.substr(0, expected.size()), expected) << "trial " << trial << "\n" << text;
  }
}

}  // namespace
}  // namespace parley
