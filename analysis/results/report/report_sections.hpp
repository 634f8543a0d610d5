#pragma once
// The sections of report.html for each kind of result folder (docs/outputs.md, "report.html").
//
//   ReportPage page(title);
//   add_run_sections(page, RunFolder::read(dir));       // a `parley run` folder
#include <filesystem>

#include "analysis/results/report/report_page.hpp"
#include "analysis/results/report/run_folder.hpp"

namespace parley {

// Per table: outcome shares and the amount and month distributions (histogram and CDF) with
// every group overlaid, the summary and outcome tables; then the run's metadata.
void add_run_sections(ReportPage& page, const RunFolder& run);
// compare.json, compare.csv and the runs' folders: per table the difference table and figures,
// the runs' distributions overlaid; then each run's metadata.
void add_compare_sections(ReportPage& page, const std::filesystem::path& dir);
// sweep_points.csv, sweep_summary.csv, sweep_outcomes.csv (and sensitivity.csv): the response
// of p50 and of the agreed share to each parameter, Sobol indices with their intervals.
void add_sweep_sections(ReportPage& page, const std::filesystem::path& dir);
// backtest.csv: the PIT and coverage table, each case's simulated range with the observed value.
void add_backtest_sections(ReportPage& page, const std::filesystem::path& dir);

// The metadata of run.json as a two-column table.
void add_run_metadata(ReportPage& page, const RunFolder& run, const std::string& caption);

}  // namespace parley
