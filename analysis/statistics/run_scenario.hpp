#pragma once
// Runs a scenario's trials in parallel and returns their streaming statistics: the library
// call behind `parley run`, reusable by backtests and sweeps.
//
//   RunOptions options;  options.trials = 20000;  options.threads = 2;
//   RunResult result = run_scenario(scenario, options);
//   MetricSummary median_amount = result.summary(0, Metric::amount);   // table 0, group `all`
//
// The result is a pure function of (scenario, seed, trials, bins): identical for any thread
// count. Memory does not grow with the number of trials.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "analysis/statistics/metric_summary.hpp"
#include "analysis/statistics/run_statistics.hpp"
#include "sim/engine/trial_result.hpp"
#include "sim/model/scenario.hpp"

namespace parley {

struct RunOptions {
  std::optional<std::int64_t> trials;  // default: the scenario's
  std::optional<std::uint64_t> seed;   // default: the scenario's
  int threads = 0;                     // 0: every core
  std::optional<int> bins;             // --bins: overrides every metric's bin count
  // Called in trial order, on one thread at a time, for trials [0, trials_to_report), e.g. to
  // write trials.csv while the run goes on.
  std::int64_t trials_to_report = 0;
  std::function<void(std::int64_t trial, const TrialResult& result)> on_trial;
  // Called after each merged block with the trials done so far (progress bars).
  std::function<void(std::int64_t done, std::int64_t total)> on_progress;
  // Polled between blocks; returning false stops the run early (Ctrl-C).
  std::function<bool()> keep_going;
};

struct RunResult {
  Scenario scenario;  // the scenario as run (overrides applied)
  std::uint64_t seed = 0;
  std::int64_t trials_requested = 0;
  int threads = 0;  // worker threads actually used
  RunStatistics statistics;
  bool interrupted = false;  // keep_going() said stop: statistics cover a prefix of the trials
  std::chrono::system_clock::time_point started;
  double elapsed_seconds = 0;

  std::int64_t trials_done() const { return statistics.trials(); }
  const StatisticsLayout& layout() const { return statistics.layout(); }
  // Conveniences over metric_summary.hpp; `group` 0 is `all`. Throw std::out_of_range when the
  // metric is not among the scenario's outputs.metrics.
  MetricSummary summary(int table, Metric metric, int group = 0) const;
  std::vector<HistogramRow> histogram(int table, Metric metric, int group = 0) const;
  OutcomeShare outcome(int table, Outcome outcome, int group = 0) const;
};

// The bins of every (table, metric), from the scenario or read off the pilot trials (the run's
// first block): how run_scenario lays out its statistics, for runners built like it.
std::shared_ptr<const StatisticsLayout> layout_from_pilot(const Scenario& scenario,
                                                          std::optional<int> bins,
                                                          const std::vector<TrialResult>& pilot);

// The trials and seed of a run (the scenario's unless `options` overrides them), checked: throws
// std::invalid_argument for trials < 1 or bins < 1.
struct RunSettings {
  std::int64_t trials = 0;
  std::uint64_t seed = 0;
};
RunSettings run_settings(const Scenario& scenario, const RunOptions& options);

// Throws std::invalid_argument for trials < 1 or bins < 1; whatever the engine throws.
RunResult run_scenario(const Scenario& scenario, const RunOptions& options = {});

}  // namespace parley
