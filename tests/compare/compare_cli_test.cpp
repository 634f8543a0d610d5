// `parley compare` as a user runs it: the files, the stdout table, reproducing a variant's run
// with `parley run --set`, thread independence, and input mistakes (exit 2, nothing written).
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/run_binary.hpp"

namespace parley::testing {
namespace {

namespace fs = std::filesystem;
const std::string kSource = PARLEY_SOURCE_DIR;
const std::string kKorea12 = kSource + "/scenarios/korea_sma12.yaml";

class CompareCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley_compare_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(CompareCli, WritesCompareFilesAndOneFolderPerRun) {
  const ParleyProcess p = ParleyProcess::run(
      {"compare", kKorea12, "--trials", "10000", "--out", dir_.string(), "--threads", "2"});
  ASSERT_EQ(p.exit_code, 0) << p.err;
  const std::string csv = read_text(dir_ / "compare.csv");
  EXPECT_EQ(csv.rfind("table,metric,statistic,variant,baseline_value,variant_value,difference,se\n"
                      "seoul,outcome,agreed,trump_wins,",
                      0),
            0u)
      << csv.substr(0, 300);
  EXPECT_NE(csv.find("seoul,amount,p50,tariff_linked,"), std::string::npos);
  EXPECT_NE(csv.find("seoul,outcome,changed,democrat_wins,0,"), std::string::npos);
  for (const char* run : {"baseline", "trump_wins", "democrat_wins", "tariff_linked"})
    for (const char* file : {"summary.csv", "histograms.csv", "outcomes.csv", "run.json"})
      EXPECT_TRUE(fs::is_regular_file(dir_ / run / file)) << run << "/" << file;
  const std::string json = read_text(dir_ / "compare.json");
  EXPECT_NE(json.find("\"name\": \"tariff_linked\""), std::string::npos) << json;
  EXPECT_NE(json.find("{\"path\": \"shocks.tariff_linkage.p\", \"value\": \"1\"}"),
            std::string::npos)
      << json;
  EXPECT_NE(p.out.find("seoul (KRW_bn): trump_wins vs baseline"), std::string::npos) << p.out;
  EXPECT_NE(p.out.find("~ : |difference| < 2 se"), std::string::npos) << p.out;
}

TEST_F(CompareCli, AVariantsFolderIsWhatParleyRunWritesWithItsSettings) {
  ASSERT_EQ(ParleyProcess::run({"compare", kKorea12, "--variant", "trump_wins", "--trials", "9000",
                                "--out", (dir_ / "c").string(), "--quiet"})
                .exit_code,
            0);
  const ParleyProcess run =
      ParleyProcess::run({"run", kKorea12, "--trials", "9000", "--out", (dir_ / "r").string(),
                          "--quiet", "--set", "shocks.us_election_2024.outcomes.democrat.p=0",
                          "--set", "shocks.us_election_2024.outcomes.trump.p=1"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  for (const char* file : {"summary.csv", "histograms.csv", "outcomes.csv"})
    EXPECT_EQ(read_text(dir_ / "c" / "trump_wins" / file), read_text(dir_ / "r" / file)) << file;
  EXPECT_EQ(read_text(dir_ / "c" / "baseline" / "summary.csv").empty(), false);
}

TEST_F(CompareCli, FilesAreByteIdenticalForOneAndTwoThreads) {
  for (const char* threads : {"1", "2"})
    ASSERT_EQ(ParleyProcess::run({"compare", kKorea12, "--trials", "12288", "--threads", threads,
                                  "--out", (dir_ / threads).string(), "--quiet"})
                  .exit_code,
              0);
  EXPECT_EQ(read_text(dir_ / "1" / "compare.csv"), read_text(dir_ / "2" / "compare.csv"));
  for (const char* run : {"baseline", "tariff_linked"})
    EXPECT_EQ(read_text(dir_ / "1" / run / "summary.csv"),
              read_text(dir_ / "2" / run / "summary.csv"));
}

TEST_F(CompareCli, ComparesTwoFilesWithTheSameTables) {
  const ParleyProcess p =
      ParleyProcess::run({"compare", kKorea12, kSource + "/scenarios/korea_sma11.yaml", "--trials",
                          "5000", "--out", dir_.string(), "--quiet"});
  ASSERT_EQ(p.exit_code, 0) << p.err;
  EXPECT_TRUE(fs::is_regular_file(dir_ / "korea_sma11" / "summary.csv"));
  EXPECT_NE(read_text(dir_ / "compare.csv").find("seoul,amount,mean,korea_sma11,"),
            std::string::npos);
}

// Every shipped scenario can be compared: with its variants, or, in a file without any, with
// a --what-if made on the command line; and every comparison folder makes a report.
TEST_F(CompareCli, EveryShippedScenarioComparesAndReports) {
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(kSource + "/scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    const std::string file = entry.path().string();
    const fs::path out = dir_ / entry.path().stem();
    const ParleyProcess with_variants =
        ParleyProcess::run({"compare", file, "--trials", "1000", "--out", out.string(), "--quiet"});
    if (with_variants.exit_code == 2) {
      EXPECT_NE(with_variants.err.find("error: variants: the file defines no variants"),
                std::string::npos)
          << with_variants.err;
      const ParleyProcess what_if =
          ParleyProcess::run({"compare", file, "--what-if", "lookahead.enabled=false", "--trials",
                              "1000", "--out", out.string(), "--quiet", "--report"});
      ASSERT_EQ(what_if.exit_code, 0) << file << '\n' << what_if.err;
      EXPECT_TRUE(fs::is_regular_file(out / "what_if" / "summary.csv")) << file;
    } else {
      ASSERT_EQ(with_variants.exit_code, 0) << file << '\n' << with_variants.err;
      ASSERT_EQ(ParleyProcess::run({"report", out.string()}).exit_code, 0) << file;
    }
    EXPECT_TRUE(fs::is_regular_file(out / "report.html")) << file;
    ++compared;
  }
  EXPECT_GE(compared, 20);
}

// --what-if adds one run, `what_if`: the baseline with those settings, as `parley run --set`
// with them writes it.
TEST_F(CompareCli, WhatIfIsTheBaselineWithItsSettings) {
  const std::string file = kSource + "/scenarios/korea_sma9.yaml";
  const ParleyProcess p = ParleyProcess::run(
      {"compare", file, "--what-if", "tables.seoul.stall_p=0.3", "--what-if",
       "shocks.crisis.hazard=0.1", "--trials", "6000", "--out", (dir_ / "c").string()});
  ASSERT_EQ(p.exit_code, 0) << p.err;
  EXPECT_NE(p.out.find("seoul (KRW_bn): what_if vs baseline"), std::string::npos) << p.out;
  const ParleyProcess run = ParleyProcess::run(
      {"run", file, "--trials", "6000", "--out", (dir_ / "r").string(), "--quiet", "--set",
       "tables.seoul.stall_p=0.3", "--set", "shocks.crisis.hazard=0.1"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  for (const char* f : {"summary.csv", "histograms.csv", "outcomes.csv"})
    EXPECT_EQ(read_text(dir_ / "c" / "what_if" / f), read_text(dir_ / "r" / f)) << f;
  EXPECT_NE(read_text(dir_ / "c" / "compare.json")
                .find("\"description\": \"--what-if tables.seoul.stall_p=0.3 "
                      "shocks.crisis.hazard=0.1\""),
            std::string::npos);
  // With --what-if and no --variant, a file's own variants are not run.
  const ParleyProcess only =
      ParleyProcess::run({"compare", kKorea12, "--what-if", "tables.seoul.stall_p=0.2", "--trials",
                          "2000", "--out", (dir_ / "only").string(), "--quiet"});
  ASSERT_EQ(only.exit_code, 0) << only.err;
  EXPECT_FALSE(fs::exists(dir_ / "only" / "trump_wins"));
  EXPECT_TRUE(fs::exists(dir_ / "only" / "what_if"));
}

TEST_F(CompareCli, AWrongWhatIfIsReportedAtItsArgument) {
  const ParleyProcess range =
      ParleyProcess::run({"compare", kKorea12, "--what-if", "tables.seoul.stall_p=0.2", "--what-if",
                          "tables.seoul.stall_p=2", "--out", dir_.string()});
  EXPECT_EQ(range.exit_code, 2);
  EXPECT_EQ(range.err.rfind("--what-if:2:", 0), 0u) << range.err;
  EXPECT_NE(range.err.find("tables.seoul.stall_p: must be in [0, 1], got 2"), std::string::npos)
      << range.err;
  const ParleyProcess malformed =
      ParleyProcess::run({"compare", kKorea12, "--what-if", "stall_p", "--out", dir_.string()});
  EXPECT_EQ(malformed.exit_code, 2);
  EXPECT_EQ(malformed.err.rfind("--what-if:0:0: error: expected PATH=VALUE", 0), 0u)
      << malformed.err;
  const ParleyProcess two_files =
      ParleyProcess::run({"compare", kKorea12, kSource + "/scenarios/korea_sma11.yaml", "--what-if",
                          "tables.seoul.stall_p=0.2", "--out", dir_.string()});
  EXPECT_EQ(two_files.exit_code, 2);
  EXPECT_NE(two_files.err.find("with two files, the second file is the variant"), std::string::npos)
      << two_files.err;
  EXPECT_FALSE(fs::exists(dir_));
}

TEST_F(CompareCli, InputMistakesExitWithTwoAndWriteNothing) {
  const ParleyProcess unknown =
      ParleyProcess::run({"compare", kKorea12, "--variant", "trump_win", "--out", dir_.string()});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err, "--variant:1:1: error: no variant 'trump_win' in " + kKorea12 +
                             "; did you mean 'trump_wins'? (variants: trump_wins, democrat_wins, "
                             "tariff_linked)\n");
  const std::string no_variants = kSource + "/scenarios/korea_sma9.yaml";
  const ParleyProcess none = ParleyProcess::run({"compare", no_variants, "--out", dir_.string()});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.err.rfind(no_variants + ":0:0: error: variants: the file defines no variants", 0),
            0u)
      << none.err;
  const ParleyProcess tables =
      ParleyProcess::run({"compare", kKorea12, kSource + "/scenarios/tariff_linkage_2025.yaml",
                          "--out", dir_.string()});
  EXPECT_EQ(tables.exit_code, 2);
  EXPECT_NE(tables.err.find("error: tables: compare needs the same tables"), std::string::npos)
      << tables.err;
  const ParleyProcess bad_set = ParleyProcess::run(
      {"compare", kKorea12, "--set", "shocks.walkout.hazard=2", "--out", dir_.string()});
  EXPECT_EQ(bad_set.exit_code, 2);
  EXPECT_NE(bad_set.err.find("--set:1:"), std::string::npos) << bad_set.err;
  EXPECT_FALSE(fs::exists(dir_));
}

}  // namespace
}  // namespace parley::testing
