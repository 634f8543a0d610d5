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
