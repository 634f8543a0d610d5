// `parley sweep SCENARIO.yaml --param PATH=SPEC... [--method grid|lhs|sobol|random]
//  [--samples N] [--trials N] [--seed S] [--threads K] [--out DIR] [--resume] [--shard K/N]
//  [--quiet]`
// Runs the scenario at every design point (same seed everywhere: common random numbers) and
// writes the sweep_*.csv files (and sensitivity.csv for sobol); see docs/sweeps.md.
// Ctrl-C or SIGTERM stops after the current point; finished points stay for --resume.
#include <cstdint>
#include <iostream>
#include <memory>

#include "analysis/studies/sweep/sweep_job.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/progress_line.hpp"
#include "sim/cli/stop_on_signal.hpp"

namespace parley::cli {
namespace {

struct SweepArguments {
  sweep::SweepRequest request;
  std::int64_t trials = 0;
  std::uint64_t seed = 0;
  bool quiet = false;
  CLI::Option* trials_given = nullptr;
  CLI::Option* seed_given = nullptr;
};

int sweep(SweepArguments& args) {
  if (*args.trials_given) args.request.trials = args.trials;
  if (*args.seed_given) args.request.seed = args.seed;
  sweep::SweepJob job = sweep::prepare_sweep(args.request, [](const std::string& warning) {
    std::cerr << "parley: warning: " << warning << "\n";
  });
  const sweep::Shard shard = job.manifest.shard;

  const StopOnSignal stop_on_signal;
  ProgressLine progress("points", !args.quiet);
  const sweep::SweepRunReport report = sweep::run_sweep(
      job,
      [&](std::size_t done, std::size_t total) {
        progress.update(static_cast<std::int64_t>(done), static_cast<std::int64_t>(total));
      },
      [] { return !StopOnSignal::requested(); });
  progress.finish();
  if (!report.completed) {
    std::cerr << "parley: sweep interrupted; the finished points are kept in " << job.out
              << "/.points, run again with --resume to finish\n";
    return StopOnSignal::exit_code();
  }
  if (!args.quiet) {
    std::cout << "sweep: " << report.points << " points (" << report.computed << " computed, "
              << report.reused << " reused)";
    if (shard.whole())
      std::cout << ", results in " << job.out << "/\n";
    else
      std::cout << " of shard " << shard.str() << " in " << job.out
                << "/; combine the shards with parley merge OUT SHARD_DIR...\n";
  }
  return 0;
}

}  // namespace

void add_sweep_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SweepArguments>();
  sweep::SweepRequest& request = args->request;
  CLI::App* command = app.add_subcommand(
      "sweep", "Run a scenario over a design of parameter values (grid, LHS, Sobol, random)");
  command->add_option("SCENARIO", request.scenario_file, "scenario YAML file")->required();
  command
      ->add_option("--param", request.params,
                   "PATH=SPEC: values 1,2,3 | range LO:HI[:COUNT] | log:LO:HI[:COUNT]")
      ->required()
      ->allow_extra_args(false);
  command->add_option("--method", request.method, "grid (default), lhs, sobol or random");
  command
      ->add_option("--samples", request.samples,
                   "points (lhs, random), base rows N (sobol: N (d+2) points), or the count "
                   "of ranges without one (grid)")
      ->check(CLI::Range(0, 10000000));
  args->trials_given = command->add_option("--trials", args->trials, "trials per point (>= 1)")
                           ->check(CLI::Range(std::int64_t{1}, std::int64_t{1} << 50));
  args->seed_given = command->add_option("--seed", args->seed, "random seed, shared by all points");
  command->add_option("--threads", request.threads, "worker threads, 0 = every core")
      ->check(CLI::Range(0, 4096));
  command->add_option("--out", request.out, "output folder (default out/<scenario name>_sweep/)");
  command->add_flag("--resume", request.resume,
                    "keep the finished points of the same sweep in --out");
  command->add_option("--shard", request.shard, "K/N: compute only points with point % N == K-1");
  command->add_flag("--quiet", args->quiet, "no progress, no summary on stdout");
  command->callback([args, &exit_code] { exit_code = sweep(*args); });
}

}  // namespace parley::cli
