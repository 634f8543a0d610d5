// `parley backtest` end to end: files, directories, exit codes, the written backtest.csv.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/run_binary.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

using testing::ParleyProcess;
using testing::read_text;

// `parley ARGUMENTS`, split by the shell.
ParleyProcess run_parley(const std::string& arguments) {
  return ParleyProcess::run_command_line(arguments);
}

class BacktestCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    work_ = fs::temp_directory_path() /
            ("parley_backtest_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(work_);
    fs::create_directories(work_ / "in");
  }
  void TearDown() override { fs::remove_all(work_); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(work_ / "in" / name) << text;
  }
  fs::path work_;
};

const char* kObserved = R"(scenario: observed_case
trials: 3000
actors:
  us: {role: demander, opening: 150, reservation: 100, power: {dist: uniform, min: 0, max: 1}}
  host: {role: payer, opening: 100, reservation: 140}
tables:
  t: {demander: us, payer: host, baseline: 100, opens: 2030-01, horizon: 2030-06, protocol: nash}
observed:
  t: {outcome: agreed, amount: 120, month: 0, source: "a test"}
)";

const char* kUnobserved = R"(scenario: forecast_case
actors:
  us: {role: demander, opening: 150, reservation: 100, power: 0.5}
  host: {role: payer, opening: 100, reservation: 140}
tables:
  t: {demander: us, payer: host, baseline: 100, opens: 2030-01, horizon: 2030-06, protocol: nash}
)";

TEST_F(BacktestCommand, ScoresTheObservedScenariosOfADirectory) {
  write("a.yaml", kObserved);
  write("b.yaml", kUnobserved);
  const fs::path out = work_ / "result";
  const ParleyProcess r = run_parley("backtest " + (work_ / "in").string() +
                                     " --trials 2000 --threads 2 --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = read_text(out / "backtest.csv");
  EXPECT_EQ(csv.rfind("scenario,table,currency,trials,observed_outcome,", 0), 0u) << csv;
  EXPECT_NE(csv.find("\nobserved_case,t,,2000,agreed,1,2000,120,"), std::string::npos) << csv;
  EXPECT_EQ(csv.find("forecast_case"), std::string::npos);
  EXPECT_NE(r.out.find("coverage of the 90% central interval: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped 1 scenario(s)"), std::string::npos) << r.out;
  // Each scored case keeps its run files, in a folder named after its file, for the report.
  for (const char* file : {"summary.csv", "histograms.csv", "outcomes.csv", "run.json"})
    EXPECT_TRUE(fs::exists(out / "a" / file)) << file;
  EXPECT_NE(read_text(out / "a" / "run.json")
                .find("\"observed\": {\"outcome\": \"agreed\", "
                      "\"amount\": 120, \"month\": 0}"),
            std::string::npos);
  EXPECT_FALSE(fs::exists(out / "b"));  // nothing observed, nothing run
}

TEST_F(BacktestCommand, TwoFilesOfOneNameStopBeforeAnyRun) {
  write("a.yaml", kObserved);
  fs::create_directories(work_ / "in" / "other");
  write("other/a.yaml", kObserved);
  const fs::path out = work_ / "result";
  const ParleyProcess r =
      run_parley("backtest " + (work_ / "in" / "a.yaml").string() + " " +
                 (work_ / "in" / "other" / "a.yaml").string() + " --out " + out.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("other/a.yaml:0:0: error: another scenario file of the backtest is also "
                       "named 'a': their case folders would collide"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(out));
}

// A reference class of three cases; `observed_case` is the first (amount 120 on 100, settled
// in its opening month).
const char* kReferenceClass =
    "case,host,status_quo,first_year,unit,scenario,opens,deadline,settled,source\n"
    "c1,x,100,120,U,observed_case,2030-01,2030-03,2030-01,a test\n"
    "c2,x,100,105,U,,2031-01,2031-06,2031-07,a test\n"
    "c3,x,100,95,U,,2032-01,2032-06,2032-05,a test\n";

TEST_F(BacktestCommand, CompareScoresV1V2AndTheNaiveForecastOnTheSameCases) {
  write("a.yaml", kObserved);
  write("b.yaml", kUnobserved);
  write("class.csv", kReferenceClass);
  const fs::path out = work_ / "result";
  const ParleyProcess r = run_parley(
      "backtest " + (work_ / "in" / "a.yaml").string() + " " + (work_ / "in" / "b.yaml").string() +
      " --compare --reference-class " + (work_ / "in" / "class.csv").string() +
      " --trials 2000 --threads 2 --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = read_text(out / "compare.csv");
  EXPECT_EQ(csv.rfind("forecast,scenario,observed_amount,amount_pit,", 0), 0u) << csv;
  for (const char* forecast :
       {"\nv1,observed_case,120,", "\nv2,observed_case,120,", "\nnaive,observed_case,120,"})
    EXPECT_NE(csv.find(forecast), std::string::npos) << forecast << '\n' << csv;
  // The file has no look-ahead: v1 and v2 are the same run.
  const auto row = [&](const std::string& forecast) {
    const std::size_t at = csv.find('\n' + forecast + ",");
    return csv.substr(at + forecast.size() + 1, csv.find('\n', at + 1) - at - forecast.size() - 1);
  };
  EXPECT_EQ(row("v1"), row("v2"));
  EXPECT_NE(r.out.find("v1 = look-ahead off (lookahead.enabled=false)"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("naive        1 | "), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(out / "backtest.csv"));
}

TEST_F(BacktestCommand, ABadReferenceClassStopsBeforeAnyRun) {
  write("a.yaml", kObserved);
  write("class.csv", "case,host\n");
  const fs::path out = work_ / "result";
  const ParleyProcess r = run_parley(
      "backtest " + (work_ / "in" / "a.yaml").string() + " --compare --reference-class " +
      (work_ / "in" / "class.csv").string() + " --out " + out.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("class.csv:1:1: error: header: no column 'status_quo'"), std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(BacktestCommand, MissingPathIsAnInputError) {
  const ParleyProcess r = run_parley("backtest " + (work_ / "nowhere.yaml").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nowhere.yaml:0:0: error: no such file or directory"), std::string::npos)
      << r.err;
}

TEST_F(BacktestCommand, ABadScenarioStopsBeforeAnyRun) {
  write("a.yaml", kObserved);
  write("bad.yaml", "scenario: bad\nactors: {}\n");
  const fs::path out = work_ / "result";
  const ParleyProcess r =
      run_parley("backtest " + (work_ / "in").string() + " --out " + out.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.yaml:"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out / "backtest.csv"));
}

TEST_F(BacktestCommand, NothingObservedIsAFailureWithoutFiles) {
  write("b.yaml", kUnobserved);
  const fs::path out = work_ / "result";
  const ParleyProcess r =
      run_parley("backtest " + (work_ / "in").string() + " --out " + out.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nothing to score"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out / "backtest.csv"));
}

}  // namespace
}  // namespace parley
