#pragma once
// Runs the scenario at one design point of a sweep: the swept values become --set style
// overrides of the YAML, the run is `parley run`'s (run_scenario), and the rows are exactly the
// ones summary.csv, outcomes.csv and histograms.csv hold.
//
//   ScenarioSweep sweep{yaml_text, "scenarios/korea_sma11.yaml", params, options};
//   PointOutput out = sweep.evaluate({"4000", "0.3"});
//
// Common random numbers: every point runs with the same seed, so trial i of every point draws
// from the same random streams; differences between points come from the parameters alone.
#include <string>
#include <vector>

#include "analysis/statistics/run_scenario.hpp"
#include "analysis/studies/sweep/point_record.hpp"
#include "analysis/studies/sweep/sweep_param.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley::sweep {

// Thrown by evaluate() when options.keep_going() stopped the run inside a point.
struct PointInterrupted {};

struct ScenarioSweep {
  std::string yaml;       // the scenario file's text, read once
  std::string file_name;  // used in error locations
  std::vector<SweepParam> params;
  RunOptions options;  // trials and seed resolved: the same for every point

  // The scenario with `values` applied. Throws InputError located as --param:N:COL (N the
  // parameter's position) when a value is not valid at its path.
  Scenario scenario_at(const std::vector<std::string>& values) const;
  PointOutput evaluate(const std::vector<std::string>& values) const;
};

// The statistics a Sobol sweep decomposes, per table in scenario order: `<metric>_mean` and
// `<metric>_p50` for each reported metric (group `all`), then `agreed_share`,
// `extended_share` and `no_deal_share`. Undefined values (no settled trial) are NaN.
std::vector<PointStatistic> sweep_statistics(const RunResult& result);

}  // namespace parley::sweep
