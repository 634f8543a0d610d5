// `parley run` as a user meets it: flags, input mistakes (exit 2), interruption (exit 130, no
// file left), stdout summary, default output folder.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "tests/cli_run/csv_table.hpp"
#include "tests/cli_run/fixture.hpp"
#include "tests/support/run_binary.hpp"

namespace parley::testing {
namespace {

namespace fs = std::filesystem;

class RunCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("parley_run_command_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  static std::set<std::string> listing(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
      names.insert(entry.path().filename());
    return names;
  }
  fs::path root_;
};

TEST_F(RunCommand, BadFlagsExitTwoWithAMessageAndWriteNothing) {
  const std::vector<std::vector<std::string>> cases = {{"--trials", "0"},
                                                       {"--trials", "many"},
                                                       {"--bins", "0"},
                                                       {"--threads", "-1"},
                                                       {"--dump-trials", "-3"},
                                                       {"--set", "no_equals_sign"},
                                                       {"--frobnicate"},
                                                       {"--set", "actors.nobody.opening=3"},
                                                       {"--set", "actors.us.opening=-5"}};
  for (const auto& flags : cases) {
    std::vector<std::string> args = {"run", fixture("two_tables_grouped.yaml"), "--out",
                                     (root_ / "out").string()};
    args.insert(args.end(), flags.begin(), flags.end());
    const ParleyProcess p = ParleyProcess::run(args);
    EXPECT_EQ(p.exit_code, 2) << flags[0] << " " << (flags.size() > 1 ? flags[1] : "");
    EXPECT_NE(p.err.find("error"), std::string::npos) << p.err;
    EXPECT_FALSE(fs::exists(root_ / "out")) << flags[0];
  }
  // Overrides name their path and what was expected.
  const ParleyProcess unknown = ParleyProcess::run(
      {"run", fixture("two_tables_grouped.yaml"), "--set", "actors.nobody.opening=3"});
  EXPECT_NE(unknown.err.find("--set:"), std::string::npos) << unknown.err;
  EXPECT_NE(unknown.err.find("nobody"), std::string::npos) << unknown.err;
  const ParleyProcess missing = ParleyProcess::run({"run"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("SCENARIO"), std::string::npos) << missing.err;
}

TEST_F(RunCommand, ScenarioMistakesAreReportedAsFileLineColumn) {
  const ParleyProcess p = ParleyProcess::run(
      {"run", fixture("bad_negative_sd.yaml"), "--out", (root_ / "out").string()});
  EXPECT_EQ(p.exit_code, 2);
  EXPECT_NE(p.err.find(fixture("bad_negative_sd.yaml") + ":17:"), std::string::npos) << p.err;
  EXPECT_NE(p.err.find(": error: "), std::string::npos) << p.err;
  EXPECT_NE(p.err.find("sd"), std::string::npos) << p.err;
  EXPECT_FALSE(fs::exists(root_ / "out"));
  const ParleyProcess absent = ParleyProcess::run({"run", (root_ / "absent.yaml").string()});
  EXPECT_EQ(absent.exit_code, 2);
  EXPECT_NE(absent.err.find("absent.yaml"), std::string::npos) << absent.err;
}

TEST_F(RunCommand, OverridesAreAppliedAndRecorded) {
  const fs::path out = root_ / "out";
  const ParleyProcess p =
      ParleyProcess::run({"run", fixture("two_tables_grouped.yaml"), "--trials", "3000", "--out",
                          out.string(), "--set", "tables.seoul.on_deadline.extend_p=0", "--quiet"});
  ASSERT_EQ(p.exit_code, 0) << p.err;
  const CsvTable outcomes = CsvTable::read(out / "outcomes.csv");
  for (const auto& r : outcomes.rows) {
    if (r[0] == "seoul" && r[2] == "extended") {
      EXPECT_EQ(r[3], "0") << r[1];
    }
  }
  const std::string json = read_text(out / "run.json");
  EXPECT_NE(json.find("{\"path\": \"tables.seoul.on_deadline.extend_p\", \"value\": \"0\"}"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"trials\": 3000"), std::string::npos);
}

// Waits until the run has opened its output (its temporary trials file exists), so that the
// signal arrives while trials are being simulated.
void wait_for_temporary_file(const fs::path& dir, int pid) {
  const fs::path temporary = dir / (".trials.csv." + std::to_string(pid) + ".tmp");
  for (int i = 0; i < 3000 && !fs::exists(temporary); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_TRUE(fs::exists(temporary)) << "the run never opened " << temporary;
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

TEST_F(RunCommand, InterruptedRunLeavesNoFileAndExits130) {
  const fs::path fresh = root_ / "fresh";
  ParleyProcess p =
      ParleyProcess::start({"run", fixture("two_tables_grouped.yaml"), "--trials", "2000000000",
                            "--dump-trials", "10", "--out", fresh.string()});
  wait_for_temporary_file(fresh, p.pid());
  p.signal(SIGINT);
  p.wait();
  EXPECT_EQ(p.exit_code, 130) << p.err;
  EXPECT_NE(p.err.find("interrupted"), std::string::npos) << p.err;
  EXPECT_FALSE(fs::exists(fresh)) << "the folder the run created is removed again";

  // A folder holding an earlier run's results keeps them untouched, and gets no temporary file.
  const fs::path kept = root_ / "kept";
  ASSERT_EQ(ParleyProcess::run({"run", fixture("two_tables_grouped.yaml"), "--trials", "2000",
                                "--out", kept.string(), "--quiet"})
                .exit_code,
            0);
  const std::string summary = read_text(kept / "summary.csv");
  const auto before = listing(kept);
  ParleyProcess again =
      ParleyProcess::start({"run", fixture("two_tables_grouped.yaml"), "--trials", "2000000000",
                            "--dump-trials", "10", "--out", kept.string()});
  wait_for_temporary_file(kept, again.pid());
  again.signal(SIGTERM);
  again.wait();
  EXPECT_EQ(again.exit_code, 128 + SIGTERM) << again.err;
  EXPECT_EQ(listing(kept), before);
  EXPECT_EQ(read_text(kept / "summary.csv"), summary);
}

TEST_F(RunCommand, PrintsASummaryUnlessQuiet) {
  const ParleyProcess loud =
      ParleyProcess::run({"run", fixture("two_tables_grouped.yaml"), "--trials", "3000", "--out",
                          (root_ / "a").string()});
  ASSERT_EQ(loud.exit_code, 0) << loud.err;
  for (const char* text :
       {"seoul", "tokyo", "agreed", "extended", "no_deal", "p05", "p50", "p95", "change_pct", "#"})
    EXPECT_NE(loud.out.find(text), std::string::npos) << text << "\n" << loud.out;
  EXPECT_EQ(loud.err, "");  // no progress bar when stderr is not a terminal
  const ParleyProcess quiet =
      ParleyProcess::run({"run", fixture("two_tables_grouped.yaml"), "--trials", "3000", "--out",
                          (root_ / "b").string(), "--quiet"});
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.out, "");
  EXPECT_EQ(read_text(root_ / "a" / "summary.csv"), read_text(root_ / "b" / "summary.csv"));
}

TEST_F(RunCommand, DefaultFolderIsOutSlashScenarioName) {
  const ParleyProcess p = ParleyProcess::run(
      {"run", fixture("two_tables_grouped.yaml"), "--trials", "2000", "--quiet"}, root_);
  ASSERT_EQ(p.exit_code, 0) << p.err;
  EXPECT_EQ(listing(root_ / "out" / "two_tables_grouped"),
            (std::set<std::string>{"histograms.csv", "summary.csv", "outcomes.csv", "run.json"}));
}

TEST_F(RunCommand, BinsFlagAndStaleTrialsFile) {
  const fs::path out = root_ / "out";
  ASSERT_EQ(
      ParleyProcess::run({"run", fixture("two_tables_grouped.yaml"), "--trials", "2000", "--out",
                          out.string(), "--dump-trials", "5", "--bins", "7", "--quiet"})
          .exit_code,
      0);
  EXPECT_TRUE(fs::exists(out / "trials.csv"));
  const CsvTable histograms = CsvTable::read(out / "histograms.csv");
  int amount_rows = 0;
  for (const auto& r : histograms.rows)
    amount_rows += r[0] == "seoul" && r[1] == "amount" && r[2] == "all";
  EXPECT_EQ(amount_rows, 7 + 2);  // 7 bins, underflow and overflow
  // A later run without --dump-trials must not leave the earlier trials.csv beside its results.
  ASSERT_EQ(ParleyProcess::run({"run", fixture("two_tables_grouped.yaml"), "--trials", "2000",
                                "--out", out.string(), "--quiet"})
                .exit_code,
            0);
  EXPECT_FALSE(fs::exists(out / "trials.csv"));
}

}  // namespace
}  // namespace parley::testing
