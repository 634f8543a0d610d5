// `parley sweep SCENARIO.yaml --param PATH=SPEC... [--method grid|lhs|sobol|random]
//  [--samples N] [--trials N] [--seed S] [--threads K] [--out DIR] [--resume] [--shard K/N]
//  [--quiet]`
// Runs the scenario at every design point (same seed everywhere: common random numbers) and
// writes the sweep_*.csv files (and sensitivity.csv for sobol); see docs/sweeps.md.
// Ctrl-C or SIGTERM stops after the current point; finished points stay for --resume.
#include <cstdint>
#include <iostream>
#include <memory>
#include <set>

#include "analysis/results/file_digest.hpp"
#include "analysis/studies/sweep/scenario_point.hpp"
#include "analysis/studies/sweep/sobol_indices.hpp"
#include "analysis/studies/sweep/sweep_runner.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/progress_line.hpp"
#include "sim/cli/stop_on_signal.hpp"
#include "sim/engine/parallel.hpp"
#include "sim/io/input_error.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley::cli {
namespace {

struct SweepArguments {
  std::string scenario_file;
  std::vector<std::string> params;
  std::string method = "grid";
  int samples = 0;
  std::int64_t trials = 0;
  std::uint64_t seed = 0;
  int threads = 0;
  std::string out;
  bool resume = false;
  std::string shard;
  bool quiet = false;
  CLI::Option* trials_given = nullptr;
  CLI::Option* seed_given = nullptr;
};

int sweep(const SweepArguments& args) {
  sweep::ScenarioSweep run{read_scenario_text(args.scenario_file), args.scenario_file, {}, {}};
  const Scenario base = load_scenario_text(run.yaml, args.scenario_file);
  std::set<std::string> paths;
  for (std::size_t i = 0; i < args.params.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    run.params.push_back(sweep::parse_sweep_param(args.params[i], index));
    const std::string& path = run.params.back().path;
    if (path == "seed" || path == "trials")
      throw InputError({"--param", index, 1}, path + ": a sweep keeps '" + path +
                                                  "' fixed for every point; use --" + path);
    if (!paths.insert(path).second) throw InputError({"--param", index, 1}, path + ": swept twice");
  }
  const sweep::Method method = sweep::method_from_string(args.method);
  const sweep::Shard shard = args.shard.empty() ? sweep::Shard{} : sweep::parse_shard(args.shard);
  run.options.trials = *args.trials_given ? args.trials : base.trials;
  run.options.seed = *args.seed_given ? args.seed : base.seed;
  run.options.threads = args.threads;
  const sweep::Design design =
      sweep::make_design(run.params, method, args.samples, *run.options.seed);
  if (method == sweep::Method::sobol && !sweep::is_power_of_two(args.samples))
    std::cerr << "parley: warning: --samples " << args.samples
              << " is not a power of two; the Sobol sequence is balanced only at powers of two\n";
  for (const auto& values : design.values)
    run.scenario_at(values);  // every point valid first

  sweep::SweepManifest manifest;
  manifest.parley_version = PARLEY_VERSION;
  manifest.scenario_name = base.name;
  manifest.scenario_sha256 = sha256_hex(run.yaml);
  manifest.method = sweep::to_string(method);
  manifest.samples = args.samples;
  manifest.seed = *run.options.seed;
  manifest.trials = *run.options.trials;
  manifest.params = args.params;
  manifest.points = design.points();
  manifest.shard = shard;
  std::string out = args.out;
  if (out.empty())
    out = "out/" + base.name + "_sweep" +
          (shard.whole()
               ? ""
               : "_shard" + std::to_string(shard.index) + "of" + std::to_string(shard.count));

  // Many points: one point per core, each on one thread (cheaper than splitting a point's few
  // blocks); few points: one after another, each on every thread. Same files either way.
  const int cores = resolve_thread_count(args.threads);
  const std::size_t owned = (design.points() + shard.count - shard.index) / shard.count;
  const int parallel_points = cores > 1 && owned >= static_cast<std::size_t>(cores) ? cores : 1;
  run.options.threads = parallel_points > 1 ? 1 : args.threads;

  const StopOnSignal stop_on_signal;
  run.options.keep_going = [] { return !StopOnSignal::requested(); };
  ProgressLine progress("points", !args.quiet);
  sweep::SweepRunReport report;
  try {
    report = sweep::run_sweep_points(
        out, manifest, design,
        [&](std::size_t, const std::vector<std::string>& values) { return run.evaluate(values); },
        args.resume,
        [&](std::size_t done, std::size_t total) {
          progress.update(static_cast<std::int64_t>(done), static_cast<std::int64_t>(total));
        },
        [] { return !StopOnSignal::requested(); }, parallel_points);
  } catch (const sweep::PointInterrupted&) {
    report.completed = false;
  }
  progress.finish();
  if (!report.completed) {
    std::cerr << "parley: sweep interrupted; the finished points are kept in " << out
              << "/.points, run again with --resume to finish\n";
    return StopOnSignal::exit_code();
  }
  if (shard.whole()) sweep::write_sweep_results(out, manifest, design);
  if (!args.quiet) {
    std::cout << "sweep: " << report.points << " points (" << report.computed << " computed, "
              << report.reused << " reused)";
    if (shard.whole())
      std::cout << ", results in " << out << "/\n";
    else
      std::cout << " of shard " << shard.str() << " in " << out
                << "/; combine the shards with parley merge OUT SHARD_DIR...\n";
  }
  return 0;
}

}  // namespace

void add_sweep_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SweepArguments>();
  CLI::App* command = app.add_subcommand(
      "sweep", "Run a scenario over a design of parameter values (grid, LHS, Sobol, random)");
  command->add_option("SCENARIO", args->scenario_file, "scenario YAML file")->required();
  command
      ->add_option("--param", args->params,
                   "PATH=SPEC: values 1,2,3 | range LO:HI[:COUNT] | log:LO:HI[:COUNT]")
      ->required()
      ->allow_extra_args(false);
  command->add_option("--method", args->method, "grid (default), lhs, sobol or random");
  command
      ->add_option("--samples", args->samples,
                   "points (lhs, random), base rows N (sobol: N (d+2) points), or the count "
                   "of ranges without one (grid)")
      ->check(CLI::Range(0, 10000000));
  args->trials_given = command->add_option("--trials", args->trials, "trials per point (>= 1)")
                           ->check(CLI::Range(std::int64_t{1}, std::int64_t{1} << 50));
  args->seed_given = command->add_option("--seed", args->seed, "random seed, shared by all points");
  command->add_option("--threads", args->threads, "worker threads, 0 = every core")
      ->check(CLI::Range(0, 4096));
  command->add_option("--out", args->out, "output folder (default out/<scenario name>_sweep/)");
  command->add_flag("--resume", args->resume,
                    "keep the finished points of the same sweep in --out");
  command->add_option("--shard", args->shard, "K/N: compute only points with point % N == K-1");
  command->add_flag("--quiet", args->quiet, "no progress, no summary on stdout");
  command->callback([args, &exit_code] { exit_code = sweep(*args); });
}

}  // namespace parley::cli
