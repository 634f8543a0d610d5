#pragma once
// The result files of a finished sweep, assembled from its point records in point order.
//
//   write_sweep_files(out, manifest, design.points(),
//                     [&](std::size_t p) { return read_checked_record(points, design, p); });
//
// sweep_points.csv     point,<one column per swept PATH>
// sweep_summary.csv    point,<PATHs>,<the columns of summary.csv>      (same for outcomes and
// sweep_outcomes.csv   histograms: every row `parley run` writes for that point, prefixed)
// sweep_histograms.csv
// sensitivity.csv      (method sobol) table,statistic,parameter,variance,first,first_ci_low,
//                      first_ci_high,total,total_ci_low,total_ci_high
// Records are streamed (one in memory at a time, plus the statistics); the files are written
// through an OutputFolder, so each appears whole or not at all. The bytes depend only on the
// records, so a resumed or merged sweep writes exactly what an uninterrupted one does.
#include <filesystem>
#include <functional>
#include <vector>

#include "analysis/studies/sweep/point_record.hpp"
#include "analysis/studies/sweep/sweep_manifest.hpp"

namespace parley::sweep {

inline constexpr int kBootstrapResamples = 1000;

// Calls `record(i)` once for each i in [0, count), in order; record(i).point must be i.
void write_sweep_files(const std::filesystem::path& out_dir, const SweepManifest& manifest,
                       std::size_t count, const std::function<PointRecord(std::size_t)>& record);

// The sensitivity.csv text of a sobol sweep: `names` the statistics of every point (table and
// name), values[s][point] the value of statistic s at each point (Saltelli layout).
std::string sensitivity_csv(const SweepManifest& manifest, const std::vector<PointStatistic>& names,
                            const std::vector<std::vector<double>>& values);

}  // namespace parley::sweep
