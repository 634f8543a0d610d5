#include "analysis/studies/sweep/scenario_point.hpp"

#include <cmath>

#include "analysis/results/result_rows.hpp"
#include "sim/io/input_error.hpp"

namespace parley::sweep {
namespace {

double value_or_nan(const std::optional<double>& value) {
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
  return {result_rows(result), sweep_statistics(result)};
}

std::vector<PointStatistic> sweep_statistics(const RunResult& result) {
  std::vector<PointStatistic> out;
  const Scenario& scenario = result.scenario;
  for (int t = 0; t < static_cast<int>(scenario.tables.size()); ++t) {
    const std::string& table = scenario.tables[t].name;
    for (Metric metric : result.layout().metrics) {
      const MetricSummary s = result.summary(t, metric);
      out.push_back({table, std::string(to_string(metric)) + "_mean", value_or_nan(s.mean)});
      out.push_back(
          {table, std::string(to_string(metric)) + "_p50", value_or_nan(s.quantile[kMedian])});
    }
    for (Outcome outcome : {Outcome::agreed, Outcome::extended, Outcome::no_deal})
      out.push_back({table, std::string(to_string(outcome)) + "_share",
                     value_or_nan(result.outcome(t, outcome).share)});
  }
  return out;
}

}  // namespace parley::sweep
