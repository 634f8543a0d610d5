#include "analysis/studies/sweep/sweep_runner.hpp"

#include "analysis/studies/sweep/sweep_files.hpp"
#include "sim/engine/parallel.hpp"
#include "sim/io/input_error.hpp"

namespace parley::sweep {
namespace {

// Removes the temporaries a killed run left in `points_dir`, and with `points` also the point
// files of an earlier sweep.
void clear_points(const std::filesystem::path& points_dir, bool points) {
  for (const auto& entry : std::filesystem::directory_iterator(points_dir)) {
    const std::string name = entry.path().filename().string();
    if ((points && name.starts_with("point_")) || name.find(".tmp") != std::string::npos)
      std::filesystem::remove(entry.path());
  }
}

// Result files of an earlier run in `out_dir`: removed when a sweep (re)starts, so result files
// present always describe the points present (they are rewritten when the sweep completes).
void remove_stale_results(const std::filesystem::path& out_dir) {
  for (const char* name : {"sweep_points.csv", "sweep_summary.csv", "sweep_outcomes.csv",
                           "sweep_histograms.csv", "sensitivity.csv"})
    std::filesystem::remove(out_dir / name);
}

// Readies `points_dir` for the sweep of `manifest`: with `resume` and a manifest there, keeps the
// point files after checking that the sweep is the same; otherwise starts afresh.
void prepare_points_folder(const std::filesystem::path& points_dir, const SweepManifest& manifest,
                           bool resume) {
  const std::filesystem::path manifest_file = points_dir / "manifest.txt";
  std::filesystem::create_directories(points_dir);
  const bool exists = std::filesystem::exists(manifest_file);
  if (resume && exists) {
    const auto diff = differences(read_manifest(manifest_file), manifest, false);
    if (!diff.empty()) {
      Diagnostics found;
      for (const std::string& d : diff)
        found.error({manifest_file.string(), 0, 0},
                    "--resume refused, the sweep definition differs: " + d);
      found.throw_if_any();
    }
    clear_points(points_dir, /*points=*/false);
  } else {
    clear_points(points_dir, /*points=*/true);
    write_file_atomically(manifest_file, manifest.text());
  }
}

// The points this shard owns that have no valid record yet (with `resume`; all of them
// otherwise), counting owned and reused points in `report`.
std::vector<std::size_t> points_to_compute(const std::filesystem::path& points_dir,
                                           const SweepManifest& manifest, const Design& design,
                                           bool resume, SweepRunReport& report) {
  std::vector<std::size_t> todo;
  for (std::size_t p = 0; p < design.points(); ++p) {
    if (!manifest.shard.owns(p)) continue;
    ++report.points;
    if (resume) {
      const auto found = read_point_record(points_dir / point_file_name(p));
      if (found && found->point == p && found->values == design.values[p]) {
        ++report.reused;
        continue;
      }
    }
    todo.push_back(p);
  }
  return todo;
}

}  // namespace

std::filesystem::path points_folder(const std::filesystem::path& out_dir) {
  return out_dir / ".points";
}

SweepRunReport run_sweep_points(const std::filesystem::path& out_dir, const SweepManifest& manifest,
                                const Design& design, const PointEvaluator& evaluate, bool resume,
                                const std::function<void(std::size_t, std::size_t)>& progress,
                                const std::function<bool()>& keep_going, int parallel_points) {
  const std::filesystem::path dir = points_folder(out_dir);
  prepare_points_folder(dir, manifest, resume);
  remove_stale_results(out_dir);

  SweepRunReport report;
  const std::vector<std::size_t> todo = points_to_compute(dir, manifest, design, resume, report);
  std::size_t done = report.reused;
  if (progress) progress(done, report.points);
  const auto compute = [&](std::size_t p) {
    write_point_record(dir, PointRecord{p, design.values[p], evaluate(p, design.values[p])});
  };
  const auto finished = [&] {
    ++report.computed;
    if (progress) progress(++done, report.points);
  };
  if (parallel_points <= 1) {
    for (std::size_t p : todo) {
      if (!keep_going()) return report;
      compute(p);
      finished();
    }
    report.completed = true;
    return report;
  }
  // Points in parallel through the engine's ordered pipeline: compute (and persist) in any
  // order, count in point order.
  report.completed = detail::run_ordered_blocks(
      static_cast<std::int64_t>(todo.size()), parallel_points, 2 * parallel_points,
      [&](int, std::int64_t i) { compute(todo[static_cast<std::size_t>(i)]); },
      [&](int, std::int64_t) { finished(); }, keep_going);
  return report;
}

PointRecord load_point_record(const std::filesystem::path& points_dir, const Design& design,
                              std::size_t point) {
  const std::filesystem::path file = points_dir / point_file_name(point);
  auto record = read_point_record(file);
  if (!record || record->point != point)
    throw InputError(
        {file.string(), 0, 0},
        "point " + std::to_string(point) + " is missing or incomplete in " + points_dir.string());
  if (record->values != design.values[point])
    throw InputError({file.string(), 0, 0},
                     "point " + std::to_string(point) +
                         " was computed at other parameter values than this sweep's design");
  return std::move(*record);
}

void write_sweep_results(const std::filesystem::path& out_dir, const SweepManifest& manifest,
                         const Design& design) {
  const std::filesystem::path dir = points_folder(out_dir);
  write_sweep_files(out_dir, manifest, design.points(),
                    [&](std::size_t p) { return load_point_record(dir, design, p); });
}

}  // namespace parley::sweep
