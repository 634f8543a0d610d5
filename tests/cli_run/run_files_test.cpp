// Contract tests of `parley run`'s result files (docs/outputs.md), on the built executable.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "tests/cli_run/csv_table.hpp"
#include "tests/cli_run/fixture.hpp"
#include "tests/support/run_binary.hpp"

namespace parley::testing {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kTrials = 20000;
const std::vector<std::string> kTables = {"seoul", "tokyo"};
const std::vector<std::string> kMetrics = {"amount", "change_pct", "month", "total"};
const std::vector<std::string> kGroups = {"all",           "election=a",      "election=b",
                                          "election=none", "crisis=happened", "crisis=none"};

// One run with 2 threads and one with 1 thread, both dumping every trial; shared by the tests.
class RunFiles : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = fs::temp_directory_path() / ("parley_run_files_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    for (const auto& [threads, dir] : {std::pair{"2", "two"}, std::pair{"1", "one"}}) {
      const ParleyProcess p = ParleyProcess::run(
          {"run", fixture("two_tables_grouped.yaml"), "--threads", threads, "--out",
           (root_ / dir).string(), "--dump-trials", std::to_string(kTrials), "--quiet"});
      ASSERT_EQ(p.exit_code, 0) << p.err;
    }
  }
  static void TearDownTestSuite() { fs::remove_all(root_); }
  static fs::path dir() { return root_ / "two"; }
  static fs::path root_;
};
fs::path RunFiles::root_;

TEST_F(RunFiles, EveryFileHasTheContractColumnsInOrder) {
  using Header = std::vector<std::string>;
  EXPECT_EQ(
      CsvTable::read(dir() / "histograms.csv").header,
      (Header{"table", "metric", "group", "bin_lower", "bin_upper", "count", "density", "cdf"}));
  EXPECT_EQ(CsvTable::read(dir() / "summary.csv").header,
            (Header{"table", "metric", "group", "n", "mean", "sd", "se_mean", "min", "p05", "p25",
                    "p50", "p75", "p95", "max", "quantile_error"}));
  EXPECT_EQ(CsvTable::read(dir() / "outcomes.csv").header,
            (Header{"table", "group", "outcome", "count", "share", "se"}));
  EXPECT_EQ(CsvTable::read(dir() / "trials.csv").header,
            (Header{"trial", "table", "outcome", "amount", "change_pct", "month", "total",
                    "election", "crisis"}));
  for (const char* file : {"histograms.csv", "summary.csv", "outcomes.csv", "trials.csv"}) {
    const CsvTable t = CsvTable::read(dir() / file);
    for (const auto& row : t.rows)
      ASSERT_EQ(row.size(), t.header.size()) << file;
  }
  // Only the result files, no temporary file left behind.
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir()))
    names.insert(entry.path().filename());
  EXPECT_EQ(names, (std::set<std::string>{"histograms.csv", "summary.csv", "outcomes.csv",
                                          "trials.csv", "run.json"}));
}

TEST_F(RunFiles, EveryTableMetricAndGroupHasRowsEvenWhenEmpty) {
  const CsvTable summary = CsvTable::read(dir() / "summary.csv");
  const CsvTable outcomes = CsvTable::read(dir() / "outcomes.csv");
  ASSERT_EQ(summary.rows.size(), kTables.size() * kMetrics.size() * kGroups.size());
  ASSERT_EQ(outcomes.rows.size(), kTables.size() * kGroups.size() * 3);
  std::size_t row = 0;
  for (const auto& table : kTables)
    for (const auto& metric : kMetrics)
      for (const auto& group : kGroups) {
        EXPECT_EQ(summary.rows[row][0], table);
        EXPECT_EQ(summary.rows[row][1], metric);
        EXPECT_EQ(summary.rows[row][2], group);
        ++row;
      }
  row = 0;
  for (const auto& table : kTables)
    for (const auto& group : kGroups)
      for (const char* outcome : {"agreed", "extended", "no_deal"}) {
        EXPECT_EQ(outcomes.rows[row][0], table);
        EXPECT_EQ(outcomes.rows[row][1], group);
        EXPECT_EQ(outcomes.rows[row][2], outcome);
        ++row;
      }
}

using CsvRow = std::vector<std::string>;

// Trials per "table,group", from the outcome counts of outcomes.csv.
std::map<std::string, std::int64_t> trials_per_table_group(const CsvTable& outcomes) {
  std::map<std::string, std::int64_t> group_trials;
  for (const auto& r : outcomes.rows)
    group_trials[r[0] + "," + r[1]] += static_cast<std::int64_t>(outcomes.number(r, "count"));
  return group_trials;
}

// The histogram `rows` of one (table, metric, group), `key`, whose summary says `n` settled of
// `trials`: counts add up to n, the cdf rises to 1, and the density integrates to the settled
// share (minus what fell outside the range).
void expect_histogram_adds_up(const CsvTable& histograms, const std::vector<const CsvRow*>& rows,
                              const std::string& metric, std::int64_t n, std::int64_t trials,
                              const std::string& key) {
  EXPECT_EQ(histograms.text(*rows.front(), "bin_lower"), "-inf") << key;
  EXPECT_EQ(histograms.text(*rows.back(), "bin_upper"), "inf") << key;
  std::int64_t counted = 0, outside = 0;
  double integral = 0, previous_cdf = 0;
  for (const auto* r : rows) {
    const auto count = static_cast<std::int64_t>(histograms.number(*r, "count"));
    counted += count;
    const double lower = histograms.number(*r, "bin_lower");
    const double upper = histograms.number(*r, "bin_upper");
    if (std::isinf(lower) || std::isinf(upper)) {
      outside += count;
      EXPECT_EQ(histograms.text(*r, "density"), "") << key;
    } else if (trials > 0) {
      integral += histograms.number(*r, "density") * (upper - lower);
    }
    if (n > 0) {
      const double cdf = histograms.number(*r, "cdf");
      EXPECT_GE(cdf, previous_cdf) << key;
      previous_cdf = cdf;
    } else {
      EXPECT_EQ(histograms.text(*r, "cdf"), "") << key;
    }
  }
  EXPECT_EQ(counted, n) << key;
  if (n > 0) {
    EXPECT_EQ(histograms.text(*rows.back(), "cdf"), "1") << key;
  }
  if (trials > 0) {
    const double settled_share = static_cast<double>(n) / static_cast<double>(trials);
    EXPECT_NEAR(integral + static_cast<double>(outside) / static_cast<double>(trials),
                settled_share, 1e-9)
        << key;
    // The scenario's amount range [90, 150] holds every amount: nothing outside.
    if (metric == "amount") {
      EXPECT_EQ(outside, 0) << key;
      EXPECT_NEAR(integral, settled_share, 1e-9) << key;
    }
  }
}

// Per (table, metric, group): counts add up to n, underflow first and overflow last, cdf ends
// at 1, and the density integrates to the settled share (minus what fell outside the range).
TEST_F(RunFiles, HistogramsAddUpAndIntegrateToTheSettledShare) {
  const CsvTable histograms = CsvTable::read(dir() / "histograms.csv");
  const CsvTable summary = CsvTable::read(dir() / "summary.csv");
  const CsvTable outcomes = CsvTable::read(dir() / "outcomes.csv");
  std::map<std::string, std::int64_t> group_trials = trials_per_table_group(outcomes);
  for (const auto& table : kTables) {
    EXPECT_EQ(group_trials[table + ",all"], kTrials);
    EXPECT_EQ(group_trials[table + ",election=a"] + group_trials[table + ",election=b"] +
                  group_trials[table + ",election=none"],
              kTrials);
    EXPECT_EQ(group_trials[table + ",crisis=happened"] + group_trials[table + ",crisis=none"],
              kTrials);
  }

  std::map<std::string, std::vector<const CsvRow*>> bins;
  for (const auto& r : histograms.rows)
    bins[r[0] + "," + r[1] + "," + r[2]].push_back(&r);
  ASSERT_EQ(bins.size(), kTables.size() * kMetrics.size() * kGroups.size());
  for (const auto& s : summary.rows) {
    const std::string key = s[0] + "," + s[1] + "," + s[2];
    const auto& rows = bins.at(key);
    const auto n = static_cast<std::int64_t>(summary.number(s, "n"));
    const std::int64_t trials = group_trials.at(s[0] + "," + s[2]);
    ASSERT_GE(rows.size(), 3u) << key;
    expect_histogram_adds_up(histograms, rows, s[1], n, trials, key);
  }
}

TEST_F(RunFiles, SettledCountsMatchTheOutcomes) {
  const CsvTable summary = CsvTable::read(dir() / "summary.csv");
  const CsvTable outcomes = CsvTable::read(dir() / "outcomes.csv");
  std::map<std::string, double> count;  // "table,group,outcome"
  for (const auto& r : outcomes.rows)
    count[r[0] + "," + r[1] + "," + r[2]] = outcomes.number(r, "count");
  for (const auto& s : summary.rows) {
    const std::string prefix = s[0] + "," + s[2] + ",";
    const double n = summary.number(s, "n");
    if (s[1] == "month") {
      EXPECT_EQ(n, count[prefix + "agreed"]);  // month: agreed trials only
    } else {
      EXPECT_EQ(n, count[prefix + "agreed"] + count[prefix + "extended"]);
    }
  }
  for (const auto& r : outcomes.rows) {
    const double share = outcomes.number(r, "share");
    if (std::isnan(share)) continue;
    const double trials = count[r[0] + "," + r[1] + ",agreed"] +
                          count[r[0] + "," + r[1] + ",extended"] +
                          count[r[0] + "," + r[1] + ",no_deal"];
    EXPECT_NEAR(outcomes.number(r, "se"), std::sqrt(share * (1 - share) / trials), 1e-15);
  }
}

TEST_F(RunFiles, ByteIdenticalForOneAndTwoThreads) {
  for (const char* file : {"histograms.csv", "summary.csv", "outcomes.csv", "trials.csv"})
    EXPECT_EQ(read_text(root_ / "one" / file), read_text(root_ / "two" / file)) << file;
  // run.json: identical except timings and the thread count.
  auto stable_lines = [](const fs::path& file) {
    std::istringstream in(read_text(file));
    std::string line, kept;
    while (std::getline(in, line)) {
      if (line.find("\"threads\"") != std::string::npos ||
          line.find("\"elapsed_seconds\"") != std::string::npos ||
          line.find("\"trials_per_second\"") != std::string::npos ||
          line.find("\"start_time\"") != std::string::npos)
        continue;
      kept += line + "\n";
    }
    return kept;
  };
  EXPECT_EQ(stable_lines(root_ / "one" / "run.json"), stable_lines(root_ / "two" / "run.json"));
}

// The quantiles in summary.csv are within their stated quantile_error of the exact type-1
// quantiles of the dumped trials; min and max are exact.
TEST_F(RunFiles, QuantilesAreWithinTheStatedErrorOfExactQuantiles) {
  const CsvTable trials = CsvTable::read(dir() / "trials.csv");
  const CsvTable summary = CsvTable::read(dir() / "summary.csv");
  ASSERT_EQ(trials.rows.size(), kTables.size() * kTrials);
  // Values per "table,metric,group", in one pass over the trials.
  std::map<std::string, std::vector<double>> cells;
  for (const auto& r : trials.rows) {
    for (const auto& metric : kMetrics) {
      const double v = trials.number(r, metric);
      if (std::isnan(v)) continue;
      cells[r[1] + "," + metric + ",all"].push_back(v);
      for (const char* shock : {"election", "crisis"})
        cells[r[1] + "," + metric + "," + shock + "=" + trials.text(r, shock)].push_back(v);
    }
  }
  int checked = 0;
  for (const auto& s : summary.rows) {
    const std::string& group = s[2];
    std::vector<double> values = cells[s[0] + "," + s[1] + "," + group];
    ASSERT_EQ(static_cast<double>(values.size()), summary.number(s, "n")) << s[0] << s[1] << group;
    if (values.empty()) continue;
    std::sort(values.begin(), values.end());
    EXPECT_EQ(summary.number(s, "min"), values.front());
    EXPECT_EQ(summary.number(s, "max"), values.back());
    const double bound = summary.number(s, "quantile_error");
    const auto n = static_cast<std::int64_t>(values.size());
    for (auto [column, percent] : {std::pair{"p05", 5}, std::pair{"p25", 25}, std::pair{"p50", 50},
                                   std::pair{"p75", 75}, std::pair{"p95", 95}}) {
      const std::int64_t k = std::max<std::int64_t>(1, (percent * n + 99) / 100);
      const double exact = values[static_cast<std::size_t>(k - 1)];
      EXPECT_LE(std::abs(summary.number(s, column) - exact), bound)
          << s[0] << "," << s[1] << "," << group << " " << column;
      ++checked;
    }
    if (s[1] == "month") {
      EXPECT_EQ(bound, 0);  // whole months: exact
    }
  }
  EXPECT_GT(checked, 100);
}

TEST_F(RunFiles, TrialsCsvLeavesUndefinedMetricsEmpty) {
  const CsvTable trials = CsvTable::read(dir() / "trials.csv");
  int no_deals = 0, extensions = 0;
  for (const auto& r : trials.rows) {
    const std::string& outcome = trials.text(r, "outcome");
    if (outcome == "no_deal") {
      ++no_deals;
      for (const char* column : {"amount", "change_pct", "month", "total"})
        EXPECT_EQ(trials.text(r, column), "");
    } else if (outcome == "extended") {
      ++extensions;
      EXPECT_EQ(trials.text(r, "month"), "");
      EXPECT_NE(trials.text(r, "amount"), "");
    }
    EXPECT_TRUE(trials.text(r, "crisis") == "happened" || trials.text(r, "crisis") == "none");
  }
  EXPECT_GT(no_deals, 0);
  EXPECT_GT(extensions, 0);
  EXPECT_EQ(trials.text(trials.rows.front(), "trial"), "0");
  EXPECT_EQ(trials.text(trials.rows.back(), "trial"), std::to_string(kTrials - 1));
}

TEST_F(RunFiles, RunJsonRecordsTheRun) {
  const std::string json = read_text(dir() / "run.json");
  for (const char* key :
       {"\"scenario\": \"two_tables_grouped\"", "\"seed\": 42", "\"trials\": 20000",
        "\"threads\": 2", "\"parley_version\": \"" PARLEY_VERSION "\"", "\"start_time\": \"",
        "\"elapsed_seconds\": ", "\"trials_per_second\": ", "\"overrides\": []",
        "\"dump_trials\": 20000"})
    EXPECT_NE(json.find(key), std::string::npos) << key << "\n" << json;
  // sha256 as computed by an independent tool.
  FILE* pipe = ::popen(("sha256sum " + fixture("two_tables_grouped.yaml")).c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char digest[65] = {};
  ASSERT_EQ(std::fread(digest, 1, 64, pipe), 64u);
  ::pclose(pipe);
  EXPECT_NE(json.find("\"scenario_sha256\": \"" + std::string(digest) + "\""), std::string::npos);
}

TEST_F(RunFiles, PlotScriptRendersNonTrivialPngs) {
  const std::string command = std::string("bash ") + PARLEY_SOURCE_DIR +
                              "/analysis/results/plot.sh " + dir().string() + " 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  for (const char* name :
       {"amount_seoul.png", "amount_tokyo.png", "outcomes_seoul.png", "outcomes_tokyo.png"}) {
    const fs::path png = dir() / name;
    ASSERT_TRUE(fs::exists(png)) << name;
    EXPECT_GT(fs::file_size(png), 10000u) << name;  // axes, bars and labels, not a blank image
    EXPECT_EQ(read_text(png).substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8)) << name;
  }
}

}  // namespace
}  // namespace parley::testing
