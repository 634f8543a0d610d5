// `parley backtest [FILE or DIR ...] [--trials N] [--seed S] [--threads K] [--out DIR]`
// Runs every scenario that records an `observed:` outcome (default: the files of scenarios/),
// writes backtest.csv atomically into --out (default out/backtest) and prints the PIT, the
// CRPS and the coverage of the 50 % and 90 % central intervals.
//
//   parley backtest scenarios/ --trials 20000 --out out/backtest
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "analysis/results/output_folder.hpp"
#include "analysis/studies/backtest/backtest.hpp"
#include "sim/cli/commands.hpp"
#include "sim/io/input_error.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley::cli {
namespace {

struct BacktestArguments {
  std::vector<std::string> paths;
  std::int64_t trials = 0;
  std::uint64_t seed = 0;
  int threads = 0;
  std::string out = "out/backtest";
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

int backtest(const BacktestArguments& args) {
  const std::vector<std::string> files =
      scenario_files(args.paths.empty() ? std::vector<std::string>{"scenarios"} : args.paths);
  // Load everything first: a mistake in any file stops the command before hours of running.
  std::vector<Scenario> scenarios;
  std::vector<Diagnostic> errors;
  for (const std::string& file : files) {
    try {
      scenarios.push_back(load_scenario_file(file));
    } catch (const InputError& e) {
      errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!errors.empty()) throw InputError(std::move(errors));

  RunOptions options;
  if (*args.trials_given) options.trials = args.trials;
  if (*args.seed_given) options.seed = args.seed;
  options.threads = args.threads;

  std::vector<BacktestCase> rows;
  int without_observed = 0;
  for (const Scenario& scenario : scenarios) {
    if (scenario.observed.empty()) {
      ++without_observed;
      continue;
    }
    std::vector<BacktestCase> scored = backtest_scenario(scenario, options);
    rows.insert(rows.end(), scored.begin(), scored.end());
  }
  if (rows.empty()) {
    std::cerr << "parley backtest: none of the " << scenarios.size()
              << " scenario files has an `observed:` block; nothing to score\n";
    return 1;
  }

  OutputFolder folder(args.out);
  write_backtest_csv(folder.open("backtest.csv"), rows);
  folder.commit();

  print_backtest_summary(std::cout, rows);
  if (without_observed > 0)
    std::cout << "skipped " << without_observed << " scenario(s) without an `observed:` block\n";
  std::cout << "wrote " << (folder.dir() / "backtest.csv").string() << '\n';
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
  command->add_option("--out", args->out, "output folder for backtest.csv")->capture_default_str();
  command->callback([args, &exit_code] { exit_code = backtest(*args); });
}

}  // namespace parley::cli
