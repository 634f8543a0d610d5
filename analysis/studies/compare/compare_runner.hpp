#pragma once
// Runs a baseline and its variants side by side on common random numbers: trial i of every run
// uses the streams of (seed, i), and each block of trials is simulated for every run before it
// is counted, so paired statistics need no stored trials (memory stays flat in the trials).
//
//   std::vector<ComparedRun> runs = {{"baseline", base}, {"trump_wins", trump}};
//   ComparisonResult result = run_comparison(runs, options);
//   result.runs[1].statistics ...          // exactly what run_scenario(trump, options) gives
//   result.paired.cell(0, /*table=*/0)      // variant 0 against the baseline
//
// Every run's RunResult is identical to run_scenario's for the same scenario and options (same
// pilot, same bins, same block order), for any thread count.
#include <string>
#include <vector>

#include "analysis/statistics/run_scenario.hpp"
#include "analysis/studies/compare/paired_statistics.hpp"

namespace parley {

struct ComparedRun {
  std::string name;  // "baseline", or the variant's name
  Scenario scenario;
};

struct ComparisonResult {
  std::vector<std::string> names;  // names[0] is the baseline
  std::vector<RunResult> runs;     // parallel to names
  PairedStatistics paired;         // variant v is runs[1 + v]
  bool interrupted = false;
};

// The scenarios must have the same tables (names, in order); throws std::invalid_argument
// otherwise, or for fewer than two runs. options.on_trial is not supported (ignored).
ComparisonResult run_comparison(const std::vector<ComparedRun>& runs, const RunOptions& options);

}  // namespace parley
