// Golden results: summary statistics of every shipped scenario at its own seed and a fixed
// trial count, compared with tests/scenarios/golden/<name>.csv (like OpenMC's results_true).
// Counts must match exactly; floating-point statistics within a relative 1e-9 (the run is
// deterministic, the slack only absorbs a last-digit difference in the decimal text).
//
// After an intended change of results, rewrite the files and review the diff:
//   PARLEY_UPDATE_GOLDEN=1 build/tests/parley_scenarios_tests --gtest_filter='Golden*'
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/results/number_format.hpp"
#include "analysis/statistics/run_scenario.hpp"
#include "sim/io/scenario_loader.hpp"
#include "tests/scenarios/shipped_scenario_names.hpp"

namespace parley {
namespace {

const std::filesystem::path kSource(PARLEY_SOURCE_DIR);
constexpr std::int64_t kGoldenTrials = 10000;
constexpr double kRelativeTolerance = 1e-9;

struct GoldenRow {
  std::string table, group, statistic, value;
  bool exact = false;  // a count
};

std::string text_of(const std::optional<double>& v) {
  return format_optional(v);
}

// Every table and group: outcome counts, then per metric n, mean, sd, min, quantiles, max.
std::vector<GoldenRow> golden_rows(const RunResult& r) {
  std::vector<GoldenRow> rows;
  const Scenario& s = r.scenario;
  for (int t = 0; t < static_cast<int>(s.tables.size()); ++t) {
    const std::string& table = s.tables[t].name;
    for (int g = 0; g < r.layout().groups.size(); ++g) {
      const std::string& group = r.layout().groups.label(g);
      for (Outcome o : {Outcome::agreed, Outcome::extended, Outcome::no_deal})
        rows.push_back({table, group, std::string("count.") + to_string(o),
                        std::to_string(r.outcome(t, o, g).count), true});
      for (Metric metric : s.outputs.metrics) {
        const MetricSummary m = r.summary(t, metric, g);
        const std::string name = to_string(metric);
        rows.push_back({table, group, name + ".n", std::to_string(m.n), true});
        rows.push_back({table, group, name + ".mean", text_of(m.mean)});
        rows.push_back({table, group, name + ".sd", text_of(m.sd)});
        rows.push_back({table, group, name + ".min", text_of(m.min)});
        for (std::size_t q = 0; q < kSummaryPercents.size(); ++q)
          rows.push_back({table, group,
                          name + (kSummaryPercents[q] < 10 ? ".p0" : ".p") +
                              std::to_string(kSummaryPercents[q]),
                          text_of(m.quantile[q])});
        rows.push_back({table, group, name + ".max", text_of(m.max)});
      }
    }
  }
  return rows;
}

std::filesystem::path golden_path(const std::string& name) {
  return kSource / "tests" / "scenarios" / "golden" / (name + ".csv");
}

void write_golden(const std::filesystem::path& path, const std::vector<GoldenRow>& rows) {
  std::ofstream out(path);
  out << "table,group,statistic,value\n";
  for (const GoldenRow& row : rows)
    out << row.table << ',' << row.group << ',' << row.statistic << ',' << row.value << '\n';
}

std::vector<GoldenRow> read_golden(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<GoldenRow> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    GoldenRow row;
    std::stringstream cells(line);
    std::getline(cells, row.table, ',');
    std::getline(cells, row.group, ',');
    std::getline(cells, row.statistic, ',');
    std::getline(cells, row.value, ',');
    rows.push_back(row);
  }
  return rows;
}

bool values_match(const GoldenRow& actual, const std::string& expected) {
  if (actual.exact || actual.value.empty() || expected.empty()) return actual.value == expected;
  const double a = std::stod(actual.value);
  const double e = std::stod(expected);
  return std::abs(a - e) <= kRelativeTolerance * std::max(std::abs(a), std::abs(e));
}

class GoldenResults : public testing::TestWithParam<std::string> {};

TEST_P(GoldenResults, MatchStoredSummary) {
  const std::string name = GetParam();
  const Scenario scenario = load_scenario_file((kSource / "scenarios" / (name + ".yaml")).string());
  RunOptions options;
  options.trials = kGoldenTrials;  // seed: the scenario's own
  options.threads = 2;
  const std::vector<GoldenRow> actual = golden_rows(run_scenario(scenario, options));
  const std::filesystem::path path = golden_path(name);

  const char* update = std::getenv("PARLEY_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    write_golden(path, actual);
    GTEST_SKIP() << "rewrote " << path;
  }
  ASSERT_TRUE(std::filesystem::exists(path))
      << path << " is missing; create it with PARLEY_UPDATE_GOLDEN=1";
  const std::vector<GoldenRow> expected = read_golden(path);
  ASSERT_EQ(actual.size(), expected.size()) << "the set of statistics changed; see " << path;
  int mismatches = 0;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    const GoldenRow& a = actual[i];
    const GoldenRow& e = expected[i];
    ASSERT_EQ(a.table + "," + a.group + "," + a.statistic,
              e.table + "," + e.group + "," + e.statistic)
        << "row " << i + 2 << " of " << path;
    if (!values_match(a, e.value) && ++mismatches <= 10) {
      ADD_FAILURE() << name << ": " << a.table << " " << a.group << " " << a.statistic << " = "
                    << a.value << ", golden " << e.value;
    }
  }
  EXPECT_EQ(mismatches, 0) << "if the change is intended, rerun with PARLEY_UPDATE_GOLDEN=1";
}

INSTANTIATE_TEST_SUITE_P(Scenarios, GoldenResults, testing::ValuesIn(shipped_scenario_names()),
                         scenario_test_name);

}  // namespace
}  // namespace parley
