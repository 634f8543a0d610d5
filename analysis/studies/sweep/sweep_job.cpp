#include "analysis/studies/sweep/sweep_job.hpp"

#include <set>

#include "analysis/results/file_digest.hpp"
#include "analysis/studies/sweep/sobol_indices.hpp"
#include "sim/engine/parallel.hpp"
#include "sim/io/input_error.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley::sweep {

SweepJob prepare_sweep(const SweepRequest& request,
                       const std::function<void(const std::string&)>& warn) {
  SweepJob job;
  ScenarioSweep& run = job.run;
  run.yaml = read_scenario_text(request.scenario_file);
  run.file_name = request.scenario_file;
  const Scenario base = load_scenario_text(run.yaml, request.scenario_file);
  std::set<std::string> paths;
  for (std::size_t i = 0; i < request.params.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    run.params.push_back(parse_sweep_param(request.params[i], index));
    const std::string& path = run.params.back().path;
    if (path == "seed" || path == "trials")
      throw InputError({"--param", index, 1}, path + ": a sweep keeps '" + path +
                                                  "' fixed for every point; use --" + path);
    if (!paths.insert(path).second) throw InputError({"--param", index, 1}, path + ": swept twice");
  }
  const Method method = method_from_string(request.method);
  const Shard shard = request.shard.empty() ? Shard{} : parse_shard(request.shard);
  run.options.trials = request.trials.value_or(base.trials);
  run.options.seed = request.seed.value_or(base.seed);
  run.options.threads = request.threads;
  job.design = make_design(run.params, method, request.samples, *run.options.seed);
  if (method == Method::sobol && !is_power_of_two(request.samples) && warn)
    warn("--samples " + std::to_string(request.samples) +
         " is not a power of two; the Sobol sequence is balanced only at powers of two");
  for (const auto& values : job.design.values)
    run.scenario_at(values);  // every point valid first

  SweepManifest& manifest = job.manifest;
  manifest.parley_version = PARLEY_VERSION;
  manifest.scenario_name = base.name;
  manifest.scenario_sha256 = sha256_hex(run.yaml);
  manifest.method = to_string(method);
  manifest.samples = request.samples;
  manifest.seed = *run.options.seed;
  manifest.trials = *run.options.trials;
  manifest.params = request.params;
  manifest.points = job.design.points();
  manifest.shard = shard;
  job.out = request.out;
  job.resume = request.resume;
  if (job.out.empty())
    job.out = "out/" + base.name + "_sweep" +
              (shard.whole()
                   ? ""
                   : "_shard" + std::to_string(shard.index) + "of" + std::to_string(shard.count));

  // Many points: one point per core, each on one thread (cheaper than splitting a point's few
  // blocks); few points: one after another, each on every thread. Same files either way.
  const int cores = resolve_thread_count(request.threads);
  const std::size_t owned = (job.design.points() + shard.count - shard.index) / shard.count;
  job.parallel_points = cores > 1 && owned >= static_cast<std::size_t>(cores) ? cores : 1;
  run.options.threads = job.parallel_points > 1 ? 1 : request.threads;
  return job;
}

SweepRunReport run_sweep(SweepJob& job,
                         const std::function<void(std::size_t, std::size_t)>& progress,
                         const std::function<bool()>& keep_going) {
  job.run.options.keep_going = keep_going;
  SweepRunReport report;
  try {
    report = run_sweep_points(
        job.out, job.manifest, job.design,
        [&](std::size_t, const std::vector<std::string>& values) {
          return job.run.evaluate(values);
        },
        job.resume, progress, keep_going, job.parallel_points);
  } catch (const PointInterrupted&) {
    report.completed = false;
  }
  if (report.completed && job.manifest.shard.whole())
    write_sweep_results(job.out, job.manifest, job.design);
  return report;
}

}  // namespace parley::sweep
