// `parley run SCENARIO.yaml [--trials N] [--seed S] [--threads K] [--out DIR]
//  [--set PATH=VALUE]... [--bins N] [--dump-trials N] [--quiet] [--report]`
// Runs the scenario, writes the result files atomically into --out, prints a short summary.
// Ctrl-C (SIGINT) or SIGTERM stops the run at the next block and leaves no file behind.
#include <cstdint>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/results/file_digest.hpp"
#include "analysis/results/output_folder.hpp"
#include "analysis/results/report/report.hpp"
#include "analysis/results/result_files.hpp"
#include "analysis/results/text_report.hpp"
#include "analysis/results/trials_csv.hpp"
#include "analysis/statistics/run_scenario.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/progress_line.hpp"
#include "sim/cli/stop_on_signal.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley::cli {
namespace {

struct RunArguments {
  std::string scenario_file;
  std::int64_t trials = 0;
  std::uint64_t seed = 0;
  int threads = 0;
  std::string out;
  std::vector<std::string> sets;
  int bins = 0;
  std::int64_t dump_trials = 0;
  bool quiet = false;
  bool report = false;
  CLI::Option* trials_given = nullptr;
  CLI::Option* seed_given = nullptr;
  CLI::Option* bins_given = nullptr;
};

int run(const RunArguments& args) {
  std::vector<ScalarOverride> overrides;
  for (const std::string& set : args.sets)
    overrides.push_back(parse_override(set));
  const Scenario scenario = load_scenario_file(args.scenario_file, overrides);

  RunMetadata metadata;
  metadata.scenario_file = args.scenario_file;
  metadata.scenario_sha256 = sha256_file(args.scenario_file);
  metadata.overrides = overrides;
  if (*args.bins_given) metadata.bins = args.bins;
  metadata.dump_trials = args.dump_trials;

  RunOptions options;
  if (*args.trials_given) options.trials = args.trials;
  if (*args.seed_given) options.seed = args.seed;
  options.threads = args.threads;
  options.bins = metadata.bins;
  const std::int64_t total = options.trials.value_or(scenario.trials);

  const StopOnSignal stop_on_signal;
  OutputFolder folder(args.out.empty() ? "out/" + scenario.name : args.out);
  std::optional<TrialsCsvWriter> trials_csv;
  if (args.dump_trials > 0) {
    trials_csv.emplace(scenario, folder.open("trials.csv"));
    options.trials_to_report = args.dump_trials;
    options.on_trial = [&](std::int64_t i, const TrialResult& r) { trials_csv->write(i, r); };
  } else {
    folder.remove_on_commit("trials.csv");  // a stale dump of an earlier run would mislead
  }
  if (!args.report) folder.remove_on_commit("report.html");  // so would a stale report
  ProgressLine progress("trials");
  options.on_progress = [&](std::int64_t done, std::int64_t all) { progress.update(done, all); };
  options.keep_going = [] { return !StopOnSignal::requested(); };

  const RunResult result = run_scenario(scenario, options);
  progress.finish();
  if (result.interrupted || StopOnSignal::requested())
    return StopOnSignal::report_stopped_run(result.trials_done(), total);

  write_results(result, metadata, folder);
  if (StopOnSignal::requested())
    return StopOnSignal::report_stopped_run(result.trials_done(), total);
  folder.commit();
  if (args.report) write_report(folder.dir());

  if (!args.quiet) {
    write_text_report(std::cout, result);
    std::cout << "\nresults in " << folder.dir().string() << "/\n";
  }
  return 0;
}

}  // namespace

void add_run_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<RunArguments>();
  CLI::App* command =
      app.add_subcommand("run", "Run a scenario's trials and write the result files");
  command->add_option("SCENARIO", args->scenario_file, "scenario YAML file")->required();
  args->trials_given = command->add_option("--trials", args->trials, "number of trials (>= 1)")
                           ->check(CLI::Range(std::int64_t{1}, std::int64_t{1} << 50));
  args->seed_given = command->add_option("--seed", args->seed, "random seed");
  command->add_option("--threads", args->threads, "worker threads, 0 = every core")
      ->check(CLI::Range(0, 4096));
  command->add_option("--out", args->out, "output folder (default out/<scenario name>/)");
  command
      ->add_option("--set", args->sets,
                   "override a scalar of the scenario: PATH=VALUE (repeatable)")
      ->allow_extra_args(false);
  args->bins_given = command->add_option("--bins", args->bins, "histogram bins for every metric")
                         ->check(CLI::Range(1, 100000));
  command
      ->add_option("--dump-trials", args->dump_trials,
                   "also write trials.csv with the first N trials")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1} << 50));
  command->add_flag("--quiet", args->quiet, "print no summary on stdout");
  command->add_flag("--report", args->report, "also write report.html (as `parley report`)");
  command->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace parley::cli
