// Persistence of a sweep with a stand-in evaluator (no engine): point records, manifest, resume
// after an interruption, and merging shards, each compared byte for byte with one plain run.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "analysis/studies/sweep/sweep_files.hpp"
#include "analysis/studies/sweep/sweep_merge.hpp"
#include "analysis/studies/sweep/sweep_runner.hpp"
#include "sim/io/input_error.hpp"

namespace parley::sweep {
namespace {

namespace fs = std::filesystem;

// A deterministic stand-in for running the scenario at one point.
PointOutput fake_output(const std::vector<std::string>& values) {
  const double a = std::stod(values[0]), b = std::stod(values[1]);
  PointOutput out;
  SummaryRow summary{"t", "amount", "all", {}};
  summary.summary.n = 1;
  summary.summary.mean = a * b;
  out.rows.summary = {summary};
  out.rows.outcomes = {{"t", "all", "agreed", {1, a / (a + b), std::nullopt}},
                       {"t", "all", "no_deal", {0, 0.0, 0.0}}};
  out.rows.histograms = {{"t", "amount", "all", {-HUGE_VAL, a, 0, std::nullopt, 0.0}},
                         {"t", "amount", "all", {a, HUGE_VAL, 1, std::nullopt, 1.0}}};
  out.statistics = {{"t", "amount_mean", a + b * b}, {"t", "agreed_share", a / (a + b)}};
  return out;
}

struct SweepStore : ::testing::Test {
  fs::path root;
  std::vector<SweepParam> params = {parse_sweep_param("x.a=1:4", 1),
                                    parse_sweep_param("x.b=log:0.5:8", 2)};
  Design design = make_design(params, Method::sobol, 8, 11);
  SweepManifest manifest;
  int evaluations = 0;

  void SetUp() override {
    root = fs::temp_directory_path() /
           ("parley_sweep_store_" + std::to_string(::getpid()) + "_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root);
    manifest.parley_version = "9.9.9";
    manifest.scenario_name = "fake";
    manifest.scenario_sha256 = "abc";
    manifest.method = "sobol";
    manifest.samples = 8;
    manifest.seed = 11;
    manifest.trials = 100;
    manifest.params = {"x.a=1:4", "x.b=log:0.5:8"};
    manifest.points = design.points();
  }
  void TearDown() override { fs::remove_all(root); }

  PointEvaluator evaluator() {
    return [this](std::size_t, const std::vector<std::string>& v) {
      ++evaluations;
      return fake_output(v);
    };
  }
  // One uninterrupted sweep into `dir`, final files included.
  void run_whole(const fs::path& dir) {
    const auto report = run_sweep_points(dir, manifest, design, evaluator(), false);
    ASSERT_TRUE(report.completed);
    write_sweep_results(dir, manifest, design);
  }
};

std::string bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const char* kFinalFiles[] = {"sweep_points.csv", "sweep_summary.csv", "sweep_outcomes.csv",
                             "sweep_histograms.csv", "sensitivity.csv"};

TEST_F(SweepStore, RecordRoundTripsExactly) {
  fs::create_directories(root);
  PointRecord r{3, {"1.5", "x"}, fake_output({"1.5", "0.1"})};
  r.output.statistics.push_back({"t", "undefined", NAN});
  write_point_record(root, r);
  const auto back = read_point_record(root / point_file_name(3));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->point, 3u);
  EXPECT_EQ(back->values, r.values);
  // The rows come back as the same values: spelled again, the same lines.
  ASSERT_EQ(back->output.rows.summary.size(), 1u);
  EXPECT_EQ(back->output.rows.summary[0].summary.mean, 1.5 * 0.1);  // bit-exact
  EXPECT_EQ(csv_row(back->output.rows.summary[0]), csv_row(r.output.rows.summary[0]));
  ASSERT_EQ(back->output.rows.outcomes.size(), 2u);
  EXPECT_EQ(csv_row(back->output.rows.outcomes[0]), csv_row(r.output.rows.outcomes[0]));
  ASSERT_EQ(back->output.rows.histograms.size(), 2u);
  EXPECT_EQ(back->output.rows.histograms[0].bin.lower, -HUGE_VAL);
  EXPECT_EQ(csv_row(back->output.rows.histograms[1]), "t,amount,all,1.5,inf,1,,1");
  ASSERT_EQ(back->output.statistics.size(), 3u);
  EXPECT_EQ(back->output.statistics[0].value, 1.5 + 0.1 * 0.1);  // bit-exact
  EXPECT_TRUE(std::isnan(back->output.statistics[2].value));
  // A truncated file is not a record (it would be recomputed).
  const std::string whole = bytes(root / point_file_name(3));
  std::ofstream(root / "cut.txt", std::ios::binary) << whole.substr(0, whole.size() - 4);
  EXPECT_FALSE(read_point_record(root / "cut.txt"));
}

TEST_F(SweepStore, FinalFilesHavePrefixedRowsInPointOrder) {
  run_whole(root / "one");
  EXPECT_EQ(evaluations, 32);
  const std::string summary = bytes(root / "one" / "sweep_summary.csv");
  EXPECT_TRUE(summary.starts_with("point,x.a,x.b," + std::string(kSummaryCsvHeader) +
                                  "\n0,2.5,2,t,amount,all,1,5,,,,,,,,,,\n"))
      << summary.substr(0, 200);
  const std::string points = bytes(root / "one" / "sweep_points.csv");
  EXPECT_EQ(std::count(points.begin(), points.end(), '\n'), 33);
  const std::string sensitivity = bytes(root / "one" / "sensitivity.csv");
  EXPECT_TRUE(sensitivity.starts_with("table,statistic,parameter,variance,first,"));
  EXPECT_NE(sensitivity.find("\nt,amount_mean,x.b,"), std::string::npos);
}

TEST_F(SweepStore, ResumeAfterInterruptionIsByteIdenticalAndRedoesNothing) {
  run_whole(root / "one");
  evaluations = 0;
  int allowed = 13;  // "killed" after 13 points
  const auto first = run_sweep_points(root / "two", manifest, design, evaluator(), false, {},
                                      [&] { return allowed-- > 0; });
  EXPECT_FALSE(first.completed);
  EXPECT_EQ(first.computed, 13u);
  evaluations = 0;
  const auto second = run_sweep_points(root / "two", manifest, design, evaluator(), true);
  EXPECT_TRUE(second.completed);
  EXPECT_EQ(second.reused, 13u);
  EXPECT_EQ(second.computed, 32u - 13u);
  EXPECT_EQ(evaluations, 32 - 13);
  write_sweep_results(root / "two", manifest, design);
  for (const char* file : kFinalFiles)
    EXPECT_EQ(bytes(root / "one" / file), bytes(root / "two" / file)) << file;
}

TEST_F(SweepStore, ResumeRefusesAnotherSweep) {
  run_whole(root / "one");
  SweepManifest other = manifest;
  other.seed = 12;
  try {
    run_sweep_points(root / "one", other, design, evaluator(), true);
    FAIL() << "resume accepted a different seed";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("seed: '11' in the existing sweep, '12' now"),
              std::string::npos)
        << e.what();
  }
}

TEST_F(SweepStore, MergedShardsEqualOneRun) {
  run_whole(root / "one");
  std::vector<fs::path> shards;
  for (int k = 1; k <= 3; ++k) {
    SweepManifest part = manifest;
    part.shard = Shard{k, 3};
    const auto report =
        run_sweep_points(root / ("s" + std::to_string(k)), part, design, evaluator(), false);
    EXPECT_EQ(report.points, k == 3 ? 10u : 11u);  // 32 points: 0,3,...; 1,4,...; 2,5,...
    shards.push_back(root / ("s" + std::to_string(k)));
  }
  const MergeReport merged = merge_sweep_shards(root / "merged", shards);
  EXPECT_EQ(merged.points, 32u);
  for (const char* file : kFinalFiles)
    EXPECT_EQ(bytes(root / "one" / file), bytes(root / "merged" / file)) << file;
  EXPECT_EQ(bytes(points_folder(root / "one") / "manifest.txt"),
            bytes(points_folder(root / "merged") / "manifest.txt"));

  const auto message = [&](const std::vector<fs::path>& dirs) -> std::string {
    try {
      merge_sweep_shards(root / "bad", dirs);
    } catch (const InputError& e) {
      return e.what();
    }
    return "merged";
  };
  EXPECT_NE(message({shards[0], shards[1]}).find("10 of 32 points are in none"), std::string::npos)
      << message({shards[0], shards[1]});
  EXPECT_NE(message({shards[0], shards[1], shards[2], shards[0]}).find("(duplicate point)"),
            std::string::npos);
  EXPECT_NE(message({shards[0], root / "nowhere"}).find("not a sweep folder"), std::string::npos);
  SweepManifest other = manifest;
  other.parley_version = "0.0.1";
  other.shard = Shard{2, 3};
  run_sweep_points(root / "old", other, design, evaluator(), false);
  EXPECT_NE(message({shards[0], root / "old", shards[2]}).find("parley_version"),
            std::string::npos);
}

TEST_F(SweepStore, ShardSpecAndManifestText) {
  EXPECT_EQ(parse_shard("2/4").str(), "2/4");
  EXPECT_TRUE(parse_shard("2/4").owns(5));
  EXPECT_FALSE(parse_shard("2/4").owns(4));
  EXPECT_THROW(parse_shard("0/4"), InputError);
  EXPECT_THROW(parse_shard("5/4"), InputError);
  EXPECT_THROW(parse_shard("1-4"), InputError);
  fs::create_directories(root);
  write_file_atomically(root / "m.txt", manifest.text());
  const SweepManifest back = read_manifest(root / "m.txt");
  EXPECT_TRUE(differences(back, manifest, false).empty());
  EXPECT_EQ(back.text(), manifest.text());
}

}  // namespace
}  // namespace parley::sweep
