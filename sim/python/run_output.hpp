#pragma once
// A finished run as the Python package holds it (parley.Result wraps one): the statistics in
// memory, what run.json records, and the trials re-computed on demand. parley.run and each run
// of parley.compare make one.
//
//   RunOutput out{run_scenario(scenario, options), metadata, threads};
//   out.write_folder("out/what_if", 0);   // what `parley run --out out/what_if` writes
#include <pybind11/pybind11.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <sstream>
#include <string>

#include "analysis/results/file_digest.hpp"
#include "analysis/results/output_folder.hpp"
#include "analysis/results/result_files.hpp"
#include "analysis/results/trials_csv.hpp"
#include "analysis/statistics/run_scenario.hpp"
#include "analysis/studies/sweep/scenario_point.hpp"
#include "sim/python/interruptible.hpp"
#include "sim/python/scenario_handle.hpp"

namespace parley::python {

// `threads` as a Python call gave it: 0 (every core) or more; ValueError otherwise.
inline int checked_threads(int threads) {
  if (threads < 0)
    throw pybind11::value_error("threads: expected 0 (every core) or more, got " +
                                std::to_string(threads));
  return threads;
}

// The options of a run (or of every run of a comparison) called with these arguments.
inline RunOptions run_options(std::optional<std::int64_t> trials, std::optional<std::uint64_t> seed,
                              int threads) {
  RunOptions options;
  options.trials = trials;
  options.seed = seed;
  options.threads = checked_threads(threads);
  return options;
}

// What run.json records of a run of `scenario`: its file, its text's digest, its overrides.
inline RunMetadata run_metadata(const ScenarioHandle& scenario) {
  RunMetadata metadata;
  metadata.scenario_file = scenario.file;
  metadata.scenario_sha256 = sha256_hex(scenario.yaml);
  metadata.overrides = scenario.overrides;
  return metadata;
}

struct RunOutput {
  RunResult result;
  RunMetadata metadata;
  int threads = 0;  // as asked, for re-running trials in trials() and to_folder()

  // The first `count` trials, written as trials.csv rows through `writer`. A trial is a pure
  // function of (scenario, seed, index), so they are computed again rather than kept.
  void replay_trials(std::int64_t count, TrialsCsvWriter& writer,
                     const std::function<bool()>& keep_going) const {
    RunOptions options;
    options.trials = count;
    options.seed = result.seed;
    options.threads = threads;
    options.trials_to_report = count;
    options.on_trial = [&](std::int64_t i, const TrialResult& r) { writer.write(i, r); };
    options.keep_going = keep_going;
    if (run_scenario(result.scenario, options).interrupted) throw sweep::PointInterrupted{};
  }

  std::int64_t checked_trial_count(std::int64_t count) const {
    if (count < 0 || count > result.trials_done())
      throw pybind11::value_error("trials: expected 0 .. " + std::to_string(result.trials_done()) +
                                  " (the trials of the run), got " + std::to_string(count));
    return count;
  }

  std::string trials_csv(std::int64_t count) const {
    checked_trial_count(count);
    std::ostringstream text;
    run_interruptibly([&](const std::function<bool()>& keep_going) {
      TrialsCsvWriter writer(result.scenario, text);
      if (count > 0) replay_trials(count, writer, keep_going);
    });
    return text.str();
  }

  // What `parley run --out DIR [--dump-trials N]` writes, atomically.
  void write_folder(const std::filesystem::path& dir, std::int64_t dump_trials) const {
    checked_trial_count(dump_trials);
    run_interruptibly([&](const std::function<bool()>& keep_going) {
      RunMetadata with_dump = metadata;
      with_dump.dump_trials = dump_trials;
      OutputFolder folder(dir);
      if (dump_trials > 0) {
        TrialsCsvWriter writer(result.scenario, folder.open("trials.csv"));
        replay_trials(dump_trials, writer, keep_going);
      } else {
        folder.remove_on_commit("trials.csv");
      }
      write_results(result, with_dump, folder);
      if (!keep_going()) throw sweep::PointInterrupted{};
      folder.commit();
    });
  }
};

}  // namespace parley::python
