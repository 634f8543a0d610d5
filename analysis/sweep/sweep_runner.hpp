#pragma once
// Runs the design points of a sweep one after another, persisting each as it finishes.
//
//   SweepRunReport r = run_sweep_points(out, manifest, design, evaluate, /*resume=*/true);
//   if (r.completed && manifest.shard.whole()) write_sweep_files(out, manifest,
//   load_point_records(...));
//
// OUT/.points/ holds manifest.txt (the sweep definition) and one point_NNNNNNNN.txt per finished
// point, each written atomically, so a sweep killed at any moment loses at most the points
// being computed. Without `resume` an existing sweep in OUT is started over.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "analysis/sweep/point_record.hpp"
#include "analysis/sweep/sweep_design.hpp"
#include "analysis/sweep/sweep_manifest.hpp"

namespace parley::sweep {

// Computes one design point: `values` holds the text of each swept parameter.
using PointEvaluator =
    std::function<PointOutput(std::size_t point, const std::vector<std::string>& values)>;

struct SweepRunReport {
  std::size_t points = 0;    // points this run (shard) is responsible for
  std::size_t computed = 0;  // evaluated now
  std::size_t reused = 0;    // found finished in OUT/.points (--resume)
  bool completed = false;    // false when keep_going() stopped it early
};

std::filesystem::path points_folder(const std::filesystem::path& out_dir);  // OUT/.points

// `progress(done, total)` is called after each point; `keep_going()` before each point.
// Throws InputError when `resume` finds a manifest that differs from `manifest`.
SweepRunReport run_sweep_points(
    const std::filesystem::path& out_dir, const SweepManifest& manifest, const Design& design,
    const PointEvaluator& evaluate, bool resume,
    const std::function<void(std::size_t done, std::size_t total)>& progress = {},
    const std::function<bool()>& keep_going = [] { return true; });

// Reads the records of the points `shard` owns from `points_dir`, checked against `design`
// (same parameter values). Throws InputError naming the first missing or mismatched point.
std::vector<PointRecord> load_point_records(const std::filesystem::path& points_dir,
                                            const Design& design, const Shard& shard);

}  // namespace parley::sweep
