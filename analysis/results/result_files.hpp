#pragma once
// The result files of a run, exactly as docs/outputs.md describes them: histograms.csv,
// summary.csv, outcomes.csv and run.json (trials.csv: see trials_csv.hpp).
//
//   RunResult result = run_scenario(scenario, options);
//   write_result_files(result, {.scenario_file = path, .scenario_sha256 = sha256_file(path)},
//                      "out/korea_sma11");   // all four files, atomically
#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "analysis/results/output_folder.hpp"
#include "analysis/statistics/run_scenario.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley {

// What run.json records beyond the result itself.
struct RunMetadata {
  std::string scenario_file;
  std::string scenario_sha256;
  std::vector<ScalarOverride> overrides;  // --set, in the order given
  std::optional<int> bins;                // --bins
  std::int64_t dump_trials = 0;           // --dump-trials
};

void write_histograms_csv(std::ostream& out, const RunResult& result);
void write_summary_csv(std::ostream& out, const RunResult& result);
void write_outcomes_csv(std::ostream& out, const RunResult& result);
void write_run_json(std::ostream& out, const RunResult& result, const RunMetadata& metadata);

// Writes the four files into `folder` (not yet committed). Throws std::logic_error for an
// interrupted result: a partial run has no result files.
void write_results(const RunResult& result, const RunMetadata& metadata, OutputFolder& folder);

// The same into `dir`, committed (renamed into place) before returning.
void write_result_files(const RunResult& result, const RunMetadata& metadata,
                        const std::filesystem::path& dir);

}  // namespace parley
