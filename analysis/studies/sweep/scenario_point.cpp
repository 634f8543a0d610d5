#include "analysis/studies/sweep/scenario_point.hpp"

#include <cmath>
#include <sstream>

#include "analysis/results/result_files.hpp"
#include "sim/io/input_error.hpp"

namespace parley::sweep {
namespace {

// Splits a CSV text into its header and its rows (lines without the newline).
std::string split_rows(const std::string& text, std::vector<std::string>& rows) {
  std::istringstream in(text);
  std::string header, line;
  std::getline(in, header);
  while (std::getline(in, line))
    rows.push_back(line);
  return header;
}

double or_nan(const std::optional<double>& value) {
  return value ? *value : NAN;
}

constexpr std::size_t kMedian = 2;
static_assert(kSummaryPercents[kMedian] == 50);

}  // namespace

Scenario ScenarioSweep::scenario_at(const std::vector<std::string>& values) const {
  std::vector<ScalarOverride> overrides;
  for (std::size_t i = 0; i < params.size(); ++i)
    overrides.push_back({params[i].path, values[i]});
  try {
    return load_scenario_text(yaml, file_name, overrides);
  } catch (const InputError& e) {
    // The loader locates overrides as --set:N:COL; here they are the --param arguments.
    std::vector<Diagnostic> relabelled = e.diagnostics();
    for (Diagnostic& d : relabelled)
      if (d.where.file == "--set") d.where.file = "--param";
    throw InputError(std::move(relabelled));
  }
}

PointOutput ScenarioSweep::evaluate(const std::vector<std::string>& values) const {
  const RunResult result = run_scenario(scenario_at(values), options);
  if (result.interrupted) throw PointInterrupted{};
  PointOutput out;
  std::ostringstream summary, outcomes, histograms;
  write_summary_csv(summary, result);
  write_outcomes_csv(outcomes, result);
  write_histograms_csv(histograms, result);
  out.headers.summary = split_rows(summary.str(), out.summary_rows);
  out.headers.outcomes = split_rows(outcomes.str(), out.outcome_rows);
  out.headers.histograms = split_rows(histograms.str(), out.histogram_rows);
  out.statistics = sweep_statistics(result);
  return out;
}

std::vector<PointStatistic> sweep_statistics(const RunResult& result) {
  std::vector<PointStatistic> out;
  const Scenario& scenario = result.scenario;
  for (int t = 0; t < static_cast<int>(scenario.tables.size()); ++t) {
    const std::string& table = scenario.tables[t].name;
    for (Metric metric : result.layout().metrics) {
      const MetricSummary s = result.summary(t, metric);
      out.push_back({table, std::string(to_string(metric)) + "_mean", or_nan(s.mean)});
      out.push_back({table, std::string(to_string(metric)) + "_p50", or_nan(s.quantile[kMedian])});
    }
    for (Outcome outcome : {Outcome::agreed, Outcome::extended, Outcome::no_deal})
      out.push_back({table, std::string(to_string(outcome)) + "_share",
                     or_nan(result.outcome(t, outcome).share)});
  }
  return out;
}

}  // namespace parley::sweep
