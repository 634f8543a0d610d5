// `parley backtest [FILE or DIR ...] [--trials N] [--seed S] [--threads K] [--out DIR]
//                  [--compare [--reference-class CSV]]`
// Runs every scenario that records an `observed:` outcome (default: the files of scenarios/),
// writes backtest.csv atomically into --out (default out/backtest), with each case's run files
// in a folder named after its file (`parley report` draws them), and prints the PIT, the CRPS
// and the coverage of the 50 % and 90 % central intervals, for the amount and the month.
// --compare also runs each file with look-ahead switched off (v1, the override
// lookahead.enabled=false) and scores the naive reference-class forecast of the same cases,
// writes compare.csv and prints the three side by side.
//
//   parley backtest scenarios/ --trials 20000 --out out/backtest
//   parley backtest --compare --trials 20000 --out out/compare
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "analysis/results/file_digest.hpp"
#include "analysis/results/output_folder.hpp"
#include "analysis/results/result_files.hpp"
#include "analysis/studies/backtest/backtest.hpp"
#include "analysis/studies/backtest/forecast_comparison.hpp"
#include "analysis/studies/backtest/reference_class.hpp"
#include "sim/cli/commands.hpp"
#include "sim/io/input_error.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley::cli {
namespace {

// The master switch of the look-ahead model: v1 is every file with it off.
const ScalarOverride kLookaheadOff{"lookahead.enabled", "false"};

struct BacktestArguments {
  std::vector<std::string> paths;
  std::int64_t trials = 0;
  std::uint64_t seed = 0;
  int threads = 0;
  std::string out = "out/backtest";
  bool compare = false;
  std::string reference_class = "scenarios/calibration/reference_class.csv";
  CLI::Option* trials_given = nullptr;
  CLI::Option* seed_given = nullptr;
};

// Built field by field: GCC 12 warns (falsely) about a nested brace initialiser here.
Diagnostic file_error(const std::string& path, std::string message) {
  Diagnostic d;
  d.where.file = path;
  d.message = std::move(message);
  return d;
}

bool is_yaml(const std::filesystem::path& p) {
  return p.extension() == ".yaml" || p.extension() == ".yml";
}

// The scenario files named, each directory expanded to its *.yaml files in name order.
std::vector<std::string> scenario_files(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  std::vector<Diagnostic> errors;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
        if (entry.is_regular_file() && is_yaml(entry.path())) found.push_back(entry.path());
      }
      if (found.empty())
        errors.push_back(file_error(path, "no scenario files (*.yaml) in this directory"));
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (std::filesystem::exists(path, ec)) {
      files.push_back(path);
    } else {
      errors.push_back(file_error(path, "no such file or directory"));
    }
  }
  if (!errors.empty()) throw InputError(std::move(errors));
  return files;
}

// Every file, loaded with `overrides`. Everything is loaded before anything runs: a mistake in
// any file stops the command before hours of running.
std::vector<Scenario> load_all(const std::vector<std::string>& files,
                               const std::vector<ScalarOverride>& overrides) {
  std::vector<Scenario> scenarios;
  std::vector<Diagnostic> errors;
  for (const std::string& file : files) {
    try {
      scenarios.push_back(load_scenario_file(file, overrides));
    } catch (const InputError& e) {
      errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!errors.empty()) throw InputError(std::move(errors));
  return scenarios;
}

// The folder of each file's run files beside backtest.csv: the file's name without .yaml.
std::vector<std::string> case_folders(const std::vector<std::string>& files) {
  std::vector<std::string> names;
  std::vector<Diagnostic> errors;
  for (const std::string& file : files) {
    const std::string name = std::filesystem::path(file).stem().string();
    if (std::find(names.begin(), names.end(), name) != names.end())
      errors.push_back(file_error(file, "another scenario file of the backtest is also named '" +
                                            name + "': their case folders would collide"));
    names.push_back(name);
  }
  if (!errors.empty()) throw InputError(std::move(errors));
  return names;
}

// Runs and scores every file with observations and writes its run files (not yet committed)
// into a sub-folder of `folder`, one run at a time, so memory holds one run.
std::vector<BacktestCase> backtest_and_keep_runs(
    const std::vector<std::string>& files, const std::vector<Scenario>& scenarios,
    const RunOptions& options, OutputFolder& folder,
    std::vector<std::unique_ptr<OutputFolder>>& case_dirs) {
  const std::vector<std::string> names = case_folders(files);
  std::vector<BacktestCase> rows;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    if (scenarios[i].observed.empty()) continue;
    const RunResult run = run_for_backtest(scenarios[i], options);
    const std::vector<BacktestCase> scored = score_observations(run);
    rows.insert(rows.end(), scored.begin(), scored.end());
    case_dirs.push_back(std::make_unique<OutputFolder>(folder.dir() / names[i]));
    case_dirs.back()->remove_on_commit("trials.csv");
    case_dirs.back()->remove_on_commit("report.html");
    RunMetadata metadata;
    metadata.scenario_file = files[i];
    metadata.scenario_sha256 = sha256_file(files[i]);
    write_results(run, metadata, *case_dirs.back());
  }
  return rows;
}

std::vector<BacktestCase> backtest_all(const std::vector<Scenario>& scenarios,
                                       const RunOptions& options) {
  std::vector<BacktestCase> rows;
  for (const Scenario& scenario : scenarios) {
    std::vector<BacktestCase> scored = backtest_scenario(scenario, options);
    rows.insert(rows.end(), scored.begin(), scored.end());
  }
  return rows;
}

int backtest(const BacktestArguments& args) {
  const std::vector<std::string> files =
      scenario_files(args.paths.empty() ? std::vector<std::string>{"scenarios"} : args.paths);
  const std::vector<Scenario> scenarios = load_all(files, {});
  // v1: the model without look-ahead, the same files with the master switch off.
  std::vector<Scenario> without_lookahead;
  std::vector<ReferenceCase> reference;
  if (args.compare) {
    without_lookahead = load_all(files, {kLookaheadOff});
    reference = read_reference_class(args.reference_class);
  }

  RunOptions options;
  if (*args.trials_given) options.trials = args.trials;
  if (*args.seed_given) options.seed = args.seed;
  options.threads = args.threads;

  OutputFolder folder(args.out);
  std::vector<std::unique_ptr<OutputFolder>> case_dirs;  // committed with backtest.csv
  const std::vector<BacktestCase> rows =
      backtest_and_keep_runs(files, scenarios, options, folder, case_dirs);
  const auto without_observed = std::count_if(scenarios.begin(), scenarios.end(),
                                              [](const Scenario& s) { return s.observed.empty(); });
  if (rows.empty()) {
    std::cerr << "parley backtest: none of the " << scenarios.size()
              << " scenario files has an `observed:` block; nothing to score\n";
    return 1;
  }

  std::vector<ForecastColumn> comparison;
  if (args.compare) {
    comparison = compare_forecasts({{"v1", backtest_all(without_lookahead, options)}, {"v2", rows}},
                                   reference);
  }

  write_backtest_csv(folder.open("backtest.csv"), rows);
  if (args.compare) write_comparison_csv(folder.open("compare.csv"), comparison);
  folder.remove_on_commit("report.html");  // a report of an earlier backtest would mislead
  for (auto& case_dir : case_dirs)
    case_dir->commit();
  folder.commit();

  print_backtest_summary(std::cout, rows);
  if (without_observed > 0)
    std::cout << "skipped " << without_observed << " scenario(s) without an `observed:` block\n";
  if (args.compare) {
    std::cout << "\nv1 = look-ahead off (" << kLookaheadOff.path << '=' << kLookaheadOff.value
              << "), v2 = the files as written, naive = " << args.reference_class
              << " leave-one-out\n";
    print_comparison(std::cout, comparison);
  }
  std::cout << "wrote " << (folder.dir() / "backtest.csv").string();
  if (args.compare) std::cout << " and compare.csv";
  std::cout << ", and each case's run files in a folder named after its file";
  std::cout << '\n';
  return 0;
}

}  // namespace

void add_backtest_command(CLI::App& app, int& exit_code) {
  CLI::App* command = app.add_subcommand(
      "backtest", "Score the scenarios that record an observed outcome (PIT, CRPS, coverage)");
  auto args = std::make_shared<BacktestArguments>();
  command->add_option("PATH", args->paths,
                      "scenario files or directories of them (default: scenarios/)");
  args->trials_given =
      command->add_option("--trials", args->trials, "trials per scenario (default: each file's)")
          ->check(CLI::PositiveNumber);
  args->seed_given = command->add_option("--seed", args->seed, "seed (default: each file's)");
  command->add_option("--threads", args->threads, "worker threads, 0 = every core")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--out", args->out, "output folder for backtest.csv (and compare.csv)")
      ->capture_default_str();
  command->add_flag("--compare", args->compare,
                    "also score v1 (each file with lookahead.enabled=false) and the naive "
                    "reference-class forecast over the same cases; writes compare.csv");
  command
      ->add_option("--reference-class", args->reference_class,
                   "reference class of the naive forecast (with --compare)")
      ->capture_default_str();
  command->callback([args, &exit_code] { exit_code = backtest(*args); });
}

}  // namespace parley::cli
