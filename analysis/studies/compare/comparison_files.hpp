#pragma once
// The files of `parley compare` (docs/compare.md): compare.csv and compare.json in the output
// folder, and each run's usual files (histograms.csv, summary.csv, outcomes.csv, run.json) in
// one sub-folder per run, `baseline/` and `<variant>/`, all written whole or not at all.
//
//   write_comparison(result, metadata, "out/korea_sma12_compare");
//   write_comparison_text(std::cout, result, comparison_rows(result));
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "analysis/results/result_files.hpp"
#include "analysis/studies/compare/comparison_rows.hpp"

namespace parley {

// Per run (parallel to ComparisonResult::runs): its scenario file, sha256 and the overrides that
// reproduce it with `parley run` (the --set overrides, then the variant's settings).
struct ComparisonMetadata {
  std::vector<RunMetadata> runs;
  std::vector<std::string> descriptions;  // a variant's description ("" for the baseline)
};

void write_compare_csv(std::ostream& out, const std::vector<ComparisonRow>& rows);
// compare.json: the runs (names, folders, files, sha256, settings) and the rows marked as noise
// (is_noise), which the report marks the same way.
void write_compare_json(std::ostream& out, const ComparisonResult& result,
                        const ComparisonMetadata& metadata, const std::vector<ComparisonRow>& rows);
// The compact stdout table: per table and variant, each statistic's values, difference and se,
// with `~` marking a difference smaller than 2 se (noise).
void write_comparison_text(std::ostream& out, const ComparisonResult& result,
                           const std::vector<ComparisonRow>& rows);

// Writes every file into `dir` and its sub-folders and commits them. Throws std::logic_error for
// an interrupted result.
void write_comparison(const ComparisonResult& result, const ComparisonMetadata& metadata,
                      const std::filesystem::path& dir);

}  // namespace parley
