// `parley validate FILE...` as a user runs it: the built executable, its streams and exit code.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "tests/support/run_binary.hpp"

namespace parley {
namespace {

const std::string kSource = PARLEY_SOURCE_DIR;
const std::string kGood = kSource + "/tests/io/good/example.yaml";
const std::string kBadTypes = kSource + "/tests/io/bad/wrong_type.yaml";
const std::string kBadSum = kSource + "/tests/io/bad/outcome_sum.yaml";

// `parley ARGUMENTS`, split by the shell.
testing::ParleyProcess parley(const std::string& arguments) {
  return testing::ParleyProcess::run_command_line(arguments);
}

int count_lines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

TEST(ValidateCommand, GoodFilePrintsASummaryAndExitsZero) {
  const testing::ParleyProcess run = parley("validate " + kGood);
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, kGood + ": OK (3 actors, 1 table, 3 shocks)\n");
  EXPECT_EQ(run.err, "");
}

TEST(ValidateCommand, ReportsEveryFileAndExitsTwoWhenAnyIsBad) {
  const testing::ParleyProcess run = parley("validate " + kGood + " " + kBadSum + " " + kBadTypes);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, kGood + ": OK (3 actors, 1 table, 3 shocks)\n");
  // outcome_sum.yaml has 2 mistakes, wrong_type.yaml 10; every one is printed.
  EXPECT_EQ(count_lines(run.err), 12) << run.err;
  EXPECT_NE(run.err.find(kBadSum + ":13:7: error: shocks.election.outcomes: outcome probabilities "
                                   "must sum to 1, got 0.95 (trump 0.45 + biden 0.5)\n"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find(kBadTypes + ":12:9: error: trials: expected an integer, got 'many'\n"),
            std::string::npos)
      << run.err;
}

TEST(ValidateCommand, MissingFileAndDirectoryAreInputErrors) {
  const testing::ParleyProcess run =
      parley("validate /nonexistent/scenario.yaml " + kSource + "/tests");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err,
            "/nonexistent/scenario.yaml:0:0: error: cannot read the scenario: no such file\n" +
                kSource +
                "/tests:0:0: error: cannot read the scenario: this is a directory, not a file\n");
}

TEST(ValidateCommand, NeedsAtLeastOneFile) {
  const testing::ParleyProcess run = parley("validate");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("FILE"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace parley
