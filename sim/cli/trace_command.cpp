// `parley trace SCENARIO --trial N [--seed S] [--set PATH=VALUE]...`: one trial, round by round:
// the parameters drawn, the shock calendar, every proposal with the other side's threshold,
// stalls, deadline events, effects and the settlement. The result printed is run_trial's.
//
//   parley trace scenarios/korea_sma11.yaml --trial 17
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "analysis/results/trial_trace.hpp"
#include "sim/cli/commands.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley::cli {
namespace {

struct TraceArguments {
  std::string scenario_file;
  std::int64_t trial = 0;
  std::uint64_t seed = 0;
  CLI::Option* seed_given = nullptr;
  std::vector<std::string> sets;
};

int trace(const TraceArguments& args) {
  std::vector<ScalarOverride> overrides;
  for (const std::string& set : args.sets)
    overrides.push_back(parse_override(set));
  const Scenario scenario = load_scenario_file(args.scenario_file, overrides);
  const std::uint64_t seed = *args.seed_given ? args.seed : scenario.seed;
  std::cout << trial_trace(scenario, seed, args.trial);  // printed whole, after the trial ran
  return 0;
}

}  // namespace

void add_trace_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<TraceArguments>();
  CLI::App* command = app.add_subcommand(
      "trace", "Print one trial round by round: draws, shocks, proposals, settlement");
  command->add_option("SCENARIO", args->scenario_file, "scenario YAML file")->required();
  command->add_option("--trial", args->trial, "the trial to trace (as numbered by parley run)")
      ->required()
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1} << 50));
  args->seed_given =
      command->add_option("--seed", args->seed, "random seed (default: the scenario's)");
  command
      ->add_option("--set", args->sets,
                   "override a scalar of the scenario: PATH=VALUE (repeatable)")
      ->allow_extra_args(false);
  command->callback([args, &exit_code] { exit_code = trace(*args); });
}

}  // namespace parley::cli
