// `parley sweep` and `parley merge` end to end, through the executable: common random
// numbers, thread-count independence, Sobol indices of the Nash amount against the closed form,
// resume after SIGKILL, shards merged, and input mistakes (exit 2).
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "tests/support/run_binary.hpp"
#include "tests/sweep/nash_sobol_closed_form.hpp"

namespace parley::sweep {
namespace {

namespace fs = std::filesystem;

using parley::testing::ParleyProcess;
using parley::testing::read_text;

std::vector<std::string> lines(const fs::path& file) {
  std::istringstream in(read_text(file));
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    out.push_back(line);
  return out;
}

// Drops the first `columns` comma-separated fields of a row.
std::string without_prefix(const std::string& row, int columns) {
  std::size_t at = 0;
  for (int i = 0; i < columns; ++i)
    at = row.find(',', at) + 1;
  return row.substr(at);
}

const char kNash[] = R"(scenario: nash_sweep
description: Nash closed form for the sweep tests.
trials: 16
seed: 5
actors:
  us: {role: demander, opening: 5000, reservation: 1200, power: 0.5}
  host: {role: payer, opening: 500, reservation: 2000}
tables:
  t: {demander: us, payer: host, baseline: 1000, currency: USD_m, opens: 2030-01,
      horizon: 2030-01, protocol: nash}
outputs:
  metrics: [amount]
)";

// `spare` sits at no table and the shock `rumour` only touches it: neither can matter.
const char kCrn[] = R"(scenario: crn_check
description: An actor who sits at no table, and a shock that only touches it.
trials: 4000
seed: 9
actors:
  us:
    role: demander
    opening: {dist: normal, mean: 5000, sd: 300}
    reservation: {dist: uniform, min: 1200, max: 1600}
    beta: {dist: uniform, min: 0.3, max: 0.8}
    patience: {dist: uniform, min: 10, max: 30}
  host:
    role: payer
    opening: 1000
    reservation: {dist: uniform, min: 1300, max: 1800}
    beta: 1
    patience: {dist: uniform, min: 6, max: 24}
  spare: {role: demander, opening: {dist: normal, mean: 3000, sd: 100}, reservation: 1000,
          beta: 1, patience: 12}
tables:
  t: {demander: us, payer: host, baseline: 1000, currency: USD_m, opens: 2030-01,
      deadline: 2030-12, horizon: 2032-12}
shocks:
  rumour:
    at: 2030-06
    p: 0.5
    effects:
      - {target: spare.opening, scale: 1.1}
)";

class SweepCli : public ::testing::Test {
 protected:
  fs::path root;
  void SetUp() override {
    root = fs::temp_directory_path() /
           ("parley_sweep_cli_" + std::to_string(::getpid()) + "_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root);
    fs::create_directories(root);
    std::ofstream(root / "nash.yaml") << kNash;
    std::ofstream(root / "crn.yaml") << kCrn;
  }
  void TearDown() override { fs::remove_all(root); }

  // `parley ARGUMENTS`, split by the shell.
  ParleyProcess parley(const std::string& arguments) {
    return ParleyProcess::run_command_line(arguments);
  }
  std::string path(const std::string& name) const { return (root / name).string(); }
};

const char* kFiles[] = {"sweep_points.csv", "sweep_summary.csv", "sweep_outcomes.csv",
                        "sweep_histograms.csv"};

TEST_F(SweepCli, CommonRandomNumbersGiveIdenticalResultsWhenTheParameterCannotMatter) {
  const ParleyProcess r = parley("sweep " + path("crn.yaml") +
                                 " --param actors.spare.opening.mean=2000,3000,4000"
                                 " --param shocks.rumour.p=0.1,0.9 --threads 2 --out " +
                                 path("crn"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "sweep: 6 points (6 computed, 0 reused), results in " + path("crn") + "/\n");
  for (const char* file : {"sweep_summary.csv", "sweep_outcomes.csv", "sweep_histograms.csv"}) {
    std::map<std::string, std::set<std::string>> rows_by_point;  // point -> rows sans prefix
    const auto all = lines(root / "crn" / file);
    for (std::size_t i = 1; i < all.size(); ++i)
      rows_by_point[all[i].substr(0, all[i].find(','))].insert(without_prefix(all[i], 3));
    ASSERT_EQ(rows_by_point.size(), 6u) << file;
    for (const auto& [point, rows] : rows_by_point)
      EXPECT_EQ(rows, rows_by_point["0"]) << file << " point " << point;
  }
  // Control: a parameter that does matter changes the summary.
  const ParleyProcess used =
      parley("sweep " + path("crn.yaml") +
             " --param actors.us.opening.mean=4000,6000 --quiet --out " + path("used"));
  ASSERT_EQ(used.exit_code, 0) << used.err;
  const auto summary = lines(root / "used" / "sweep_summary.csv");
  EXPECT_NE(without_prefix(summary[1], 2),
            without_prefix(summary[1 + (summary.size() - 1) / 2], 2));
}

TEST_F(SweepCli, PointRowsAreTheRowsParleyRunWrites) {
  ASSERT_EQ(parley("sweep " + path("crn.yaml") +
                   " --param actors.us.opening.mean=4000,6000 --trials 3000 --quiet --out " +
                   path("sweep"))
                .exit_code,
            0);
  ASSERT_EQ(parley("run " + path("crn.yaml") +
                   " --set actors.us.opening.mean=6000 --trials 3000 --quiet --out " + path("run"))
                .exit_code,
            0);
  for (const std::string name : {"summary", "outcomes", "histograms"}) {
    const auto run = lines(root / "run" / (name + ".csv"));
    std::vector<std::string> expected = {"point,actors.us.opening.mean," + run.front()};
    const auto swept = lines(root / "sweep" / ("sweep_" + name + ".csv"));
    std::vector<std::string> point_one = {swept.front()};
    for (const std::string& row : swept)
      if (row.starts_with("1,6000,")) point_one.push_back(row);
    for (std::size_t i = 1; i < run.size(); ++i)
      expected.push_back("1,6000," + run[i]);
    EXPECT_EQ(point_one, expected) << name;
    EXPECT_GT(run.size(), 1u) << name;
  }
}

TEST_F(SweepCli, SameBytesForAnyThreadCount) {
  const std::string sweep = "sweep " + path("crn.yaml") +
                            " --param actors.us.reservation.max=1500:1900 --method lhs"
                            " --samples 5 --trials 6000 --quiet";
  ASSERT_EQ(parley(sweep + " --threads 1 --out " + path("one")).exit_code, 0);
  ASSERT_EQ(parley(sweep + " --threads 2 --out " + path("two")).exit_code, 0);
  for (const char* file : kFiles)
    EXPECT_EQ(read_text(root / "one" / file), read_text(root / "two" / file)) << file;
}

TEST_F(SweepCli, SobolIndicesOfNashAmountMatchClosedForm) {
  // Each point's trials all settle at r_D + power (r_P - r_D), so amount_mean is that function
  // of the three swept parameters (see nash_sobol_closed_form.hpp for the derivation).
  const NashRanges ranges;
  const ParleyProcess r =
      parley("sweep " + path("nash.yaml") +
             " --param actors.us.reservation=1000:1400"
             " --param actors.host.reservation=1500:2500"
             " --param actors.us.power=0.2:0.8 --method sobol --samples 512 --quiet"
             " --out " +
             path("nash"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");  // 512 is a power of two: no warning
  const NashIndices exact = nash_closed_form(ranges);
  const std::map<std::string, int> parameter = {
      {"actors.us.reservation", 0}, {"actors.host.reservation", 1}, {"actors.us.power", 2}};
  int checked = 0;
  for (const std::string& row : lines(root / "nash" / "sensitivity.csv")) {
    std::vector<std::string> cell;
    std::istringstream in(row);
    for (std::string c; std::getline(in, c, ',');)
      cell.push_back(c);
    ASSERT_EQ(cell.size(), 10u) << row;
    if (cell[1] == "agreed_share") {  // constant 1 everywhere: no variance to share out
      EXPECT_EQ(cell[4], "nan") << row;
      continue;
    }
    if (cell[1] != "amount_mean") continue;
    const int i = parameter.at(cell[2]);
    const double first = std::stod(cell[4]), first_low = std::stod(cell[5]);
    const double first_high = std::stod(cell[6]), total = std::stod(cell[7]);
    const double total_low = std::stod(cell[8]), total_high = std::stod(cell[9]);
    // Tolerance: inside the bootstrap 95% interval, and within 0.05 absolute (N = 512).
    EXPECT_LE(first_low, exact.first[i]) << row;
    EXPECT_GE(first_high, exact.first[i]) << row;
    EXPECT_NEAR(first, exact.first[i], 0.05) << row;
    EXPECT_LE(total_low, exact.total[i]) << row;
    EXPECT_GE(total_high, exact.total[i]) << row;
    EXPECT_NEAR(total, exact.total[i], 0.05) << row;
    ++checked;
  }
  EXPECT_EQ(checked, 3);
  const ParleyProcess odd =
      parley("sweep " + path("nash.yaml") +
             " --param actors.us.power=0.2:0.8 --method sobol --samples 6 --quiet"
             " --out " +
             path("odd"));
  EXPECT_EQ(odd.exit_code, 0);
  EXPECT_NE(odd.err.find("warning: --samples 6 is not a power of two"), std::string::npos)
      << odd.err;
}

TEST_F(SweepCli, KilledSweepResumesToIdenticalFilesWithoutRedoingPoints) {
  const std::string definition =
      " --param actors.us.opening.mean=3000:7000:10 --trials 60000 --threads 1 --out ";
  ASSERT_EQ(parley("sweep " + path("crn.yaml") + definition + path("whole")).exit_code, 0);

  ParleyProcess killed =
      ParleyProcess::start_command_line("sweep " + path("crn.yaml") + definition + path("killed"));
  ASSERT_GE(killed.pid(), 0);
  const auto finished_points = [&] {
    std::size_t n = 0;
    std::error_code ignored;
    for (const auto& e : fs::directory_iterator(root / "killed" / ".points", ignored))
      n += e.path().filename().string().starts_with("point_") && e.path().extension() == ".txt";
    return n;
  };
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(300);
  while (finished_points() < 3 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  killed.signal(SIGKILL);
  killed.wait();
  ASSERT_TRUE(killed.killed_by_signal()) << "the sweep finished before it could be killed";
  const std::size_t saved = finished_points();
  ASSERT_GE(saved, 3u);
  ASSERT_LT(saved, 10u);

  const ParleyProcess resumed =
      parley("sweep " + path("crn.yaml") + definition + path("killed") + " --resume");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  // Exactly the points that were not saved are computed again.
  EXPECT_EQ(resumed.out, "sweep: 10 points (" + std::to_string(10 - saved) + " computed, " +
                             std::to_string(saved) + " reused), results in " + path("killed") +
                             "/\n");
  for (const char* file : kFiles)
    EXPECT_EQ(read_text(root / "whole" / file), read_text(root / "killed" / file)) << file;

  // Resuming a finished sweep recomputes nothing.
  const std::string loud = definition + path("killed") + " --resume";
  const ParleyProcess again = parley("sweep " + path("crn.yaml") + loud);
  EXPECT_EQ(again.out,
            "sweep: 10 points (0 computed, 10 reused), results in " + path("killed") + "/\n");
  // A different definition is refused, naming what differs.
  const ParleyProcess other = parley("sweep " + path("crn.yaml") + loud + " --seed 77");
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_NE(other.err.find("--resume refused, the sweep definition differs: seed: '9' in the "
                           "existing sweep, '77' now"),
            std::string::npos)
      << other.err;
}

TEST_F(SweepCli, MergedShardsAreByteIdenticalToOneRun) {
  const std::string definition = "sweep " + path("crn.yaml") +
                                 " --param actors.us.reservation.min=1000:1300"
                                 " --param shocks.rumour.p=0.2:0.8 --method sobol --samples 4"
                                 " --trials 3000 --quiet";
  ASSERT_EQ(parley(definition + " --out " + path("whole")).exit_code, 0);
  for (int k = 1; k <= 3; ++k)
    ASSERT_EQ(parley(definition + " --shard " + std::to_string(k) + "/3 --out " +
                     path("s" + std::to_string(k)))
                  .exit_code,
              0);
  EXPECT_FALSE(fs::exists(root / "s1" / "sweep_summary.csv"));  // a shard is not a result
  const ParleyProcess merged =
      parley("merge " + path("merged") + " " + path("s1") + " " + path("s2") + " " + path("s3"));
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_EQ(merged.out, "merged 16 points from 3 shard folders into " + path("merged") + "/\n");
  for (const char* file : {"sweep_points.csv", "sweep_summary.csv", "sweep_outcomes.csv",
                           "sweep_histograms.csv", "sensitivity.csv"})
    EXPECT_EQ(read_text(root / "whole" / file), read_text(root / "merged" / file)) << file;

  const ParleyProcess missing =
      parley("merge " + path("bad") + " " + path("s1") + " " + path("s3"));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("5 of 16 points are in none of the shards (missing: 1, 4, 7, 10, 13)"),
            std::string::npos)
      << missing.err;
  ASSERT_EQ(parley(definition + " --seed 10 --shard 2/3 --out " + path("s2seed")).exit_code, 0);
  const ParleyProcess seeds =
      parley("merge " + path("bad") + " " + path("s1") + " " + path("s2seed") + " " + path("s3"));
  EXPECT_EQ(seeds.exit_code, 2);
  EXPECT_NE(seeds.err.find("seed: '9' in the existing sweep, '10' now"), std::string::npos)
      << seeds.err;
  EXPECT_FALSE(fs::exists(root / "bad" / "sweep_summary.csv"));
}

TEST_F(SweepCli, InputMistakesExitTwoNamingTheParameter) {
  const auto error_of = [&](const std::string& arguments) {
    const ParleyProcess r =
        parley("sweep " + path("nash.yaml") + " " + arguments + " --out " + path("never"));
    EXPECT_EQ(r.exit_code, 2) << arguments;
    return r.err;
  };
  EXPECT_EQ(error_of("--param actors.us.power=0.5,1.5"),
            "--param:1:17: error: actors.us.power: must be in [0, 1], got 1.5\n");
  EXPECT_NE(error_of("--param actors.us.reservatio=1,2")
                .find("--param:1:1: error: "
                      "actors.us.reservatio: no "
                      "'reservatio' in 'actors.us'"),
            std::string::npos);
  EXPECT_EQ(error_of("--param actors.us.power=0.1:0.5 --method lhs"),
            "--samples:0:0: error: --method lhs needs --samples N >= 1\n");
  EXPECT_EQ(error_of("--param actors.us.power=0.1,0.2 --shard 3/2"),
            "--shard:0:0: error: expected K/N with 1 <= K <= N (e.g. 2/4), got '3/2'\n");
  EXPECT_EQ(error_of("--param seed=1,2"),
            "--param:1:1: error: seed: a sweep keeps 'seed' fixed for every point; use --seed\n");
  EXPECT_FALSE(fs::exists(root / "never"));
}

}  // namespace
}  // namespace parley::sweep
