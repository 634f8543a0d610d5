#pragma once
// Runs the design points of a sweep one after another, persisting each as it finishes.
//
//   SweepRunReport r = run_sweep_points(out, manifest, design, evaluate, /*resume=*/true);
//   if (r.completed && manifest.shard.whole()) write_sweep_results(out, manifest, design);
//
// OUT/.points/ holds manifest.txt (the sweep definition) and one point_NNNNNNNN.txt per finished
// point, each written atomically, so a sweep killed at any moment loses at most the points
// being computed. Without `resume` an existing sweep in OUT is started over.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "analysis/studies/sweep/point_record.hpp"
#include "analysis/studies/sweep/sweep_design.hpp"
#include "analysis/studies/sweep/sweep_manifest.hpp"

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

// `progress(done, total)` is called once before the first point (done = points reused), then
// after each point, on one thread at a time; `keep_going()`
// before each point. With `parallel_points` > 1 that many points are evaluated at once (the
// evaluator must then be safe to call concurrently); each record is written as soon as its
// point finishes, and progress follows point order. Results do not depend on it.
// Throws InputError when `resume` finds a manifest that differs from `manifest`.
SweepRunReport run_sweep_points(
    const std::filesystem::path& out_dir, const SweepManifest& manifest, const Design& design,
    const PointEvaluator& evaluate, bool resume,
    const std::function<void(std::size_t done, std::size_t total)>& progress = {},
    const std::function<bool()>& keep_going = [] { return true; }, int parallel_points = 1);

// Reads point `point`'s record from `points_dir`, checked against `design` (same parameter
// values). Throws InputError naming the point when it is missing, incomplete or mismatched.
PointRecord load_point_record(const std::filesystem::path& points_dir, const Design& design,
                              std::size_t point);

// The final files (sweep_files.hpp) of a complete sweep in `out_dir`, from OUT/.points.
void write_sweep_results(const std::filesystem::path& out_dir, const SweepManifest& manifest,
                         const Design& design);

}  // namespace parley::sweep
