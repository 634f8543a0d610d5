// `parley trace` end to end: the result it prints is run_trial's for that trial.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "sim/engine/simulator.hpp"
#include "sim/io/scenario_loader.hpp"
#include "tests/support/run_binary.hpp"

namespace parley {
namespace {

using testing::ParleyProcess;

const std::string kFile = std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea_sma11.yaml";

// `parley trace ARGS...`, with stderr after stdout (the tests search either).
struct Command {
  std::string out;
  int status = -1;
};

Command trace(std::vector<std::string> args) {
  args.insert(args.begin(), "trace");
  ParleyProcess p = ParleyProcess::run(args);
  return {p.out + p.err, p.exit_code};
}

std::string num(double x) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6g", x);
  return buffer;
}

TEST(TraceCommand, PrintsRunTrialsResult) {
  const Scenario s = load_scenario_file(kFile);
  const Simulator sim(s);
  TrialResult r = TrialResult::for_scenario(s);
  for (int trial : {0, 17, 123, 4097}) {
    sim.run_trial(s.seed, trial, r);
    const Command c = trace({kFile, "--trial", std::to_string(trial)});
    ASSERT_EQ(c.status, 0) << c.out;
    const std::size_t result = c.out.find("Result:\n");
    ASSERT_NE(result, std::string::npos) << c.out;
    for (std::size_t i = 0; i < s.tables.size(); ++i) {
      std::string expected = "  " + s.tables[i].name + ": " + to_string(r.tables[i].outcome);
      if (r.tables[i].outcome != Outcome::no_deal)
        expected += ", amount " + num(r.tables[i].amount) + " ";
      EXPECT_NE(c.out.find(expected, result), std::string::npos) << expected << "\n" << c.out;
    }
    EXPECT_NE(c.out.find("round 0:"), std::string::npos);
  }
  // With --seed the numbers change with it.
  const Command a = trace({kFile, "--trial", "3", "--seed", "1"});
  const Command b = trace({kFile, "--trial", "3", "--seed", "2"});
  ASSERT_EQ(a.status, 0) << a.out;
  EXPECT_NE(a.out, b.out);
}

TEST(TraceCommand, OverridesApply) {
  // Every round stalls and no extension: no deal in any trial, and no proposal is printed.
  const Command c = trace({kFile, "--trial", "5", "--set", "tables.seoul.stall_p=1", "--set",
                           "tables.seoul.on_deadline.extend_p=0"});
  ASSERT_EQ(c.status, 0) << c.out;
  EXPECT_NE(c.out.find("Result:\n  seoul: no_deal"), std::string::npos) << c.out;
  EXPECT_EQ(c.out.find("refused"), std::string::npos) << c.out;  // no proposal was made
  EXPECT_NE(c.out.find("stalled"), std::string::npos) << c.out;
}

// Each look-ahead decision is printed with the values it compared (model.md v2.3): the hawk's
// mean opening 300 against the incumbent's opening ask 130 at an even election,
// 0.5 * 300 + 0.5 * 130 = 215; the dove's 105 gives 117.5. None with the master switch off.
TEST(TraceCommand, PrintsEachLookaheadDecision) {
  const std::string file = std::string(PARLEY_SOURCE_DIR) + "/scenarios/teach_lookahead.yaml";
  const Command c = trace({file, "--trial", "0"});
  ASSERT_EQ(c.status, 0) << c.out;
  EXPECT_NE(c.out.find("2030-01  hawk_foresight: host_foresight looks ahead to election "
                       "(2030-09): value now 130, expected after 215 -> hurry"),
            std::string::npos)
      << c.out;
  EXPECT_NE(c.out.find("2030-01  dove_foresight: host_foresight looks ahead to election "
                       "(2030-09): value now 130, expected after 117.5 -> hold"),
            std::string::npos)
      << c.out;
  const Command off = trace({file, "--trial", "0", "--set", "lookahead.enabled=false"});
  ASSERT_EQ(off.status, 0) << off.out;
  EXPECT_EQ(off.out.find("looks ahead"), std::string::npos) << off.out;
}

TEST(TraceCommand, InputMistakesExitWithTwo) {
  const Command missing = trace({"/nonexistent.yaml", "--trial", "1"});
  EXPECT_EQ(missing.status, 2) << missing.out;
  const Command no_trial = trace({kFile});
  EXPECT_EQ(no_trial.status, 2) << no_trial.out;
  const Command bad_set = trace({kFile, "--trial", "1", "--set", "nonsense"});
  EXPECT_EQ(bad_set.status, 2) << bad_set.out;
}

}  // namespace
}  // namespace parley
