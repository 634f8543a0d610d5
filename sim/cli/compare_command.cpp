// `parley compare SCENARIO.yaml [OTHER.yaml] [--variant NAME]... [--what-if PATH=VALUE]...
//  [--set PATH=VALUE]... [--trials N] [--seed S] [--threads K] [--out DIR] [--bins N] [--quiet]
//  [--report]`
// Runs the baseline and each variant (of the file's `variants:` block, the `what_if` run that
// --what-if settings make, or a second file with the same tables) on common random numbers, writes
// compare.csv, compare.json and every run's usual files into one folder per run, and prints the
// paired differences (docs/compare.md).
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/results/file_digest.hpp"
#include "analysis/results/report/report.hpp"
#include "analysis/studies/compare/comparison_files.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/progress_line.hpp"
#include "sim/cli/stop_on_signal.hpp"
#include "sim/io/input_error.hpp"
#include "sim/io/override_applier.hpp"
#include "sim/io/scenario_loader.hpp"
#include "sim/io/suggestions.hpp"

namespace parley::cli {
namespace {

const char* const kWhatIf = "--what-if";

// `diagnostics` with the command-line source `--set` named `source` instead.
std::vector<Diagnostic> renamed_source(std::vector<Diagnostic> diagnostics,
                                       const std::string& source) {
  for (Diagnostic& d : diagnostics)
    if (d.where.file == kOverrideFile) d.where.file = source;
  return diagnostics;
}

struct CompareArguments {
  std::vector<std::string> files;
  std::vector<std::string> variants;
  std::vector<std::string> what_ifs;
  std::vector<std::string> sets;
  std::int64_t trials = 0;
  std::uint64_t seed = 0;
  int threads = 0;
  std::string out;
  int bins = 0;
  bool quiet = false;
  bool report = false;
  CLI::Option* trials_given = nullptr;
  CLI::Option* seed_given = nullptr;
  CLI::Option* bins_given = nullptr;
};

// What is compared: the runs with their metadata, and the default output folder.
struct Plan {
  std::vector<ComparedRun> runs;
  ComparisonMetadata metadata;
  std::string default_out;
};

RunMetadata metadata_for(const std::string& file, const std::vector<ScalarOverride>& overrides,
                         const CompareArguments& args) {
  RunMetadata m;
  m.scenario_file = file;
  m.scenario_sha256 = sha256_file(file);
  m.overrides = overrides;
  if (*args.bins_given) m.bins = args.bins;
  return m;
}

// The --what-if settings, checked on their own first so that a mistake is reported at its
// --what-if argument (the loader names every command-line override `--set`).
std::vector<ScalarOverride> what_if_settings(const CompareArguments& args, std::string_view yaml,
                                             const std::string& file) {
  std::vector<ScalarOverride> settings;
  for (const std::string& argument : args.what_ifs) {
    try {
      settings.push_back(parse_override(argument));
    } catch (InputError& e) {
      throw InputError(renamed_source(e.diagnostics(), kWhatIf));
    }
  }
  try {
    load_scenario_text(yaml, file, settings);
  } catch (InputError& e) {
    throw InputError(renamed_source(e.diagnostics(), kWhatIf));
  }
  return settings;
}

// The run named `what_if`: the baseline with the --what-if settings as well.
void add_what_if(Plan& plan, const CompareArguments& args, std::string_view yaml,
                 const std::string& file, const std::vector<ScalarOverride>& overrides) {
  if (args.what_ifs.empty()) return;
  std::vector<ScalarOverride> settings = overrides;
  std::string description = "--what-if";
  for (const ScalarOverride& s : what_if_settings(args, yaml, file)) {
    settings.push_back(s);
    description += " " + s.path + "=" + s.value;
  }
  plan.runs.push_back({"what_if", load_scenario_text(yaml, file, settings)});
  plan.metadata.runs.push_back(metadata_for(file, settings, args));
  plan.metadata.descriptions.push_back(description);
}

// One file: the baseline, the named variants (every variant of the file when neither a variant
// nor a --what-if is named) and the what_if run.
Plan plan_variants(const CompareArguments& args, const std::vector<ScalarOverride>& overrides) {
  const std::string& file = args.files[0];
  const std::string yaml = read_scenario_text(file);
  Plan plan;
  plan.runs.push_back({"baseline", load_scenario_text(yaml, file, overrides)});
  const Scenario base = plan.runs[0].scenario;  // a copy: plan.runs grows below
  plan.metadata.runs.push_back(metadata_for(file, overrides, args));
  plan.metadata.descriptions.push_back(base.description);
  plan.default_out = "out/" + base.name + "_compare";

  std::vector<std::string> known;
  for (const Variant& v : base.variants)
    known.push_back(v.name);
  if (known.empty() && args.what_ifs.empty())
    throw InputError({file, 0, 0},
                     "variants: the file defines no variants; add a `variants:` block "
                     "(docs/scenario-format.md), give --what-if PATH=VALUE, or name a second "
                     "scenario file to compare with");
  const bool every_variant = args.variants.empty() && args.what_ifs.empty();
  const std::vector<std::string> wanted = every_variant ? known : args.variants;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    const std::string& name = wanted[i];
    const SourceLocation where{"--variant", static_cast<int>(i) + 1, 1};
    const int index = base.find_variant(name);
    if (index < 0)
      throw InputError(where, "no variant '" + name + "' in " + file + did_you_mean(name, known) +
                                  " (variants: " + name_list(known) + ")");
    if (!seen.insert(name).second) throw InputError(where, "variant '" + name + "' named twice");
    plan.runs.push_back({name, load_variant_text(yaml, file, name, overrides)});
    std::vector<ScalarOverride> reproduce = overrides;
    for (const VariantSetting& s : base.variants[index].set)
      reproduce.push_back({s.path, s.value});
    plan.metadata.runs.push_back(metadata_for(file, reproduce, args));
    plan.metadata.descriptions.push_back(base.variants[index].description);
  }
  if (base.find_variant("what_if") >= 0 && !args.what_ifs.empty())
    throw InputError({kWhatIf, 1, 1},
                     "the file has a variant named 'what_if', the name of the --what-if run; "
                     "rename that variant");
  add_what_if(plan, args, yaml, file, overrides);
  return plan;
}

// Two files with the same tables: the first is the baseline.
Plan plan_files(const CompareArguments& args, const std::vector<ScalarOverride>& overrides) {
  if (!args.variants.empty() || !args.what_ifs.empty())
    throw InputError({args.variants.empty() ? kWhatIf : "--variant", 1, 1},
                     "--variant and --what-if make variants of one scenario file; with two files, "
                     "the second file is the variant");
  Plan plan;
  for (const std::string& file : args.files) {
    plan.runs.push_back({"", load_scenario_file(file, overrides)});
    plan.metadata.runs.push_back(metadata_for(file, overrides, args));
    plan.metadata.descriptions.push_back(plan.runs.back().scenario.description);
  }
  const Scenario& a = plan.runs[0].scenario;
  const Scenario& b = plan.runs[1].scenario;
  std::vector<std::string> a_tables, b_tables;
  for (const Table& t : a.tables)
    a_tables.push_back(t.name);
  for (const Table& t : b.tables)
    b_tables.push_back(t.name);
  if (a_tables != b_tables)
    throw InputError({args.files[1], 0, 0},
                     "tables: compare needs the same tables in the same order; " + args.files[0] +
                         " has " + name_list(a_tables) + ", this file has " + name_list(b_tables));
  plan.runs[0].name = "baseline";
  std::string other = b.name;
  if (other == "baseline" || other == a.name)
    other = std::filesystem::path(args.files[1]).stem().string();
  if (other == "baseline" || other == a.name) other = "other";
  plan.runs[1].name = other;
  plan.default_out = "out/" + a.name + "_vs_" + other;
  return plan;
}

int compare(const CompareArguments& args) {
  std::vector<ScalarOverride> overrides;
  for (const std::string& set : args.sets)
    overrides.push_back(parse_override(set));
  if (args.files.size() > 2)
    throw InputError({"parley", 0, 0},
                     "compare: expected one scenario file (with variants) or two files, got " +
                         std::to_string(args.files.size()));
  Plan plan = args.files.size() == 1 ? plan_variants(args, overrides) : plan_files(args, overrides);

  RunOptions options;
  if (*args.trials_given) options.trials = args.trials;
  if (*args.seed_given) options.seed = args.seed;
  options.threads = args.threads;
  if (*args.bins_given) options.bins = args.bins;
  const std::int64_t total = options.trials.value_or(plan.runs[0].scenario.trials);

  const StopOnSignal stop_on_signal;
  ProgressLine progress("trials", !args.quiet);
  options.on_progress = [&](std::int64_t done, std::int64_t all) { progress.update(done, all); };
  options.keep_going = [] { return !StopOnSignal::requested(); };
  const ComparisonResult result = run_comparison(plan.runs, options);
  progress.finish();
  if (result.interrupted || StopOnSignal::requested())
    return StopOnSignal::report_stopped_run(result.runs.empty() ? 0 : result.runs[0].trials_done(),
                                            total);

  const std::filesystem::path out = args.out.empty() ? plan.default_out : args.out;
  write_comparison(result, plan.metadata, out);
  if (args.report) write_report(out);
  if (!args.quiet) {
    write_comparison_text(std::cout, result, comparison_rows(result));
    std::cout << "\nresults in " << out.string() << "/\n";
  }
  return 0;
}

}  // namespace

void add_compare_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<CompareArguments>();
  CLI::App* command = app.add_subcommand(
      "compare",
      "Run a scenario's variants (or a second scenario) beside it on common random numbers and "
      "report paired differences");
  command->add_option("SCENARIO", args->files, "scenario YAML file, optionally a second one")
      ->required()
      ->expected(1, 2);
  command
      ->add_option("--variant", args->variants,
                   "a variant of the file's variants: block (repeatable; default: every one)")
      ->allow_extra_args(false);
  command
      ->add_option("--what-if", args->what_ifs,
                   "run `what_if`, the baseline with PATH=VALUE too (repeatable: one run with "
                   "every setting)")
      ->allow_extra_args(false);
  command->add_option("--set", args->sets, "override a value of every run: PATH=VALUE (repeatable)")
      ->allow_extra_args(false);
  args->trials_given = command->add_option("--trials", args->trials, "number of trials (>= 1)")
                           ->check(CLI::Range(std::int64_t{1}, std::int64_t{1} << 50));
  args->seed_given = command->add_option("--seed", args->seed, "random seed");
  command->add_option("--threads", args->threads, "worker threads, 0 = every core")
      ->check(CLI::Range(0, 4096));
  command->add_option("--out", args->out,
                      "output folder (default out/<scenario>_compare/ or out/<a>_vs_<b>/)");
  args->bins_given = command->add_option("--bins", args->bins, "histogram bins for every metric")
                         ->check(CLI::Range(1, 100000));
  command->add_flag("--quiet", args->quiet, "print no table on stdout");
  command->add_flag("--report", args->report, "also write report.html (as `parley report`)");
  command->callback([args, &exit_code] { exit_code = compare(*args); });
}

}  // namespace parley::cli
