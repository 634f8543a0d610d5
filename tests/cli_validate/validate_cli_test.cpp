// `parley validate FILE...` as a user runs it: the built executable, its streams and exit code.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace parley {
namespace {

namespace fs = std::filesystem;

const std::string kSource = PARLEY_SOURCE_DIR;
const std::string kGood = kSource + "/tests/io/good/example.yaml";
const std::string kBadTypes = kSource + "/tests/io/bad/wrong_type.yaml";
const std::string kBadSum = kSource + "/tests/io/bad/outcome_sum.yaml";

struct Outcome {
  int exit_code = -1;
  std::string out, err;
};

std::string slurp(const fs::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Outcome parley(const std::string& arguments) {
  const fs::path dir = fs::temp_directory_path();
  // ctest runs tests in parallel processes: one pair of files per process.
  const std::string stem = "parley_validate_test_" + std::to_string(getpid());
  const fs::path out = dir / (stem + ".out");
  const fs::path err = dir / (stem + ".err");
  const std::string command =
      std::string(PARLEY_BINARY) + " " + arguments + " >" + out.string() + " 2>" + err.string();
  const int status = std::system(command.c_str());
  Outcome run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = slurp(out);
  run.err = slurp(err);
  fs::remove(out);
  fs::remove(err);
  return run;
}

int count_lines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

TEST(ValidateCommand, GoodFilePrintsASummaryAndExitsZero) {
  const Outcome run = parley("validate " + kGood);
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, kGood + ": OK (3 actors, 1 tables, 3 shocks)\n");
  EXPECT_EQ(run.err, "");
}

TEST(ValidateCommand, ReportsEveryFileAndExitsTwoWhenAnyIsBad) {
  const Outcome run = parley("validate " + kGood + " " + kBadSum + " " + kBadTypes);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, kGood + ": OK (3 actors, 1 tables, 3 shocks)\n");
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
  const Outcome run = parley("validate /nonexistent/scenario.yaml " + kSource + "/tests");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err,
            "/nonexistent/scenario.yaml:0:0: error: cannot read the scenario: no such file\n" +
                kSource +
                "/tests:0:0: error: cannot read the scenario: this is a directory, not a file\n");
}

TEST(ValidateCommand, NeedsAtLeastOneFile) {
  const Outcome run = parley("validate");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("FILE"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace parley
