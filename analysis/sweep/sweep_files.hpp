#pragma once
// The result files of a finished sweep, assembled from its point records in point order.
//
//   write_sweep_files(out, manifest, load_point_records(points_folder(out), design, Shard{}));
//
// sweep_points.csv     point,<one column per swept PATH>
// sweep_summary.csv    point,<PATHs>,<the columns of summary.csv>      (same for outcomes and
// sweep_outcomes.csv   histograms: every row `parley run` writes for that point, prefixed)
// sweep_histograms.csv
// sensitivity.csv      (method sobol) table,statistic,parameter,variance,first,first_ci_low,
//                      first_ci_high,total,total_ci_low,total_ci_high
// Each file is written atomically. The bytes depend only on the records, so a resumed or merged
// sweep writes exactly what an uninterrupted one does.
#include <filesystem>
#include <vector>

#include "analysis/sweep/point_record.hpp"
#include "analysis/sweep/sweep_manifest.hpp"

namespace parley::sweep {

inline constexpr int kBootstrapResamples = 1000;

void write_sweep_files(const std::filesystem::path& out_dir, const SweepManifest& manifest,
                       const std::vector<PointRecord>& records);

// The sensitivity.csv text for a sobol sweep (records in point order, Saltelli layout).
std::string sensitivity_csv(const SweepManifest& manifest, const std::vector<PointRecord>& records);

}  // namespace parley::sweep
