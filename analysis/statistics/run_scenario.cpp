#include "analysis/statistics/run_scenario.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/statistics/histogram_range.hpp"
#include "sim/engine/parallel.hpp"
#include "sim/engine/simulator.hpp"

namespace parley {

std::shared_ptr<const StatisticsLayout> layout_from_pilot(const Scenario& scenario,
                                                          std::optional<int> bins,
                                                          const std::vector<TrialResult>& pilot) {
  auto layout = std::make_shared<StatisticsLayout>();
  layout->tables = static_cast<int>(scenario.tables.size());
  layout->metrics = scenario.outputs.metrics;
  layout->groups = GroupLayout::for_scenario(scenario);
  std::vector<double> values;
  values.reserve(pilot.size());
  for (int t = 0; t < layout->tables; ++t) {
    for (Metric metric : layout->metrics) {
      values.clear();
      for (const TrialResult& r : pilot)
        values.push_back(r.tables[t].metric(metric));
      layout->axes.push_back(fine_axis_for(choose_bin_edges(scenario, t, metric, bins, values)));
    }
  }
  return layout;
}

namespace {

// One block of trials in flight: its partial statistics, a trial buffer, and the trials kept
// for on_trial (only for blocks that overlap [0, trials_to_report)).
struct BlockPartial {
  BlockStatistics statistics;
  TrialResult scratch;
  std::vector<TrialResult> reported;
  std::int64_t first_trial = 0;
};

// The trials after the pilot, in blocks aligned with kTrialsPerBlock (the pilot is one block),
// merged into `total` in trial order; false when keep_going() stopped them.
bool run_remaining_blocks(const Simulator& simulator, const RunOptions& options,
                          const RunSettings& settings, std::int64_t pilot_size,
                          RunStatistics& total) {
  const std::int64_t trials = settings.trials;
  const std::int64_t report = std::min(trials, std::max<std::int64_t>(0, options.trials_to_report));
  const auto layout = total.shared_layout();
  const TrialResult empty = TrialResult::for_scenario(simulator.scenario());
  auto keep_going = [&] { return !options.keep_going || options.keep_going(); };
  return ordered_block_reduce<BlockPartial>(
      trials - pilot_size, options.threads,
      [&] {
        return BlockPartial{BlockStatistics(layout), empty, {}, 0};
      },
      [](BlockPartial& p) {
        p.statistics.clear();
        p.reported.clear();
      },
      [&](BlockPartial& p, std::int64_t begin, std::int64_t end) {
        p.first_trial = pilot_size + begin;
        for (std::int64_t i = pilot_size + begin; i < pilot_size + end; ++i) {
          simulator.run_trial(settings.seed, i, p.scratch);
          p.statistics.add(p.scratch);
          if (i < report) p.reported.push_back(p.scratch);
        }
      },
      [&](BlockPartial& p, std::int64_t) {
        total.merge(p.statistics);
        if (options.on_trial)
          for (std::size_t k = 0; k < p.reported.size(); ++k)
            options.on_trial(p.first_trial + static_cast<std::int64_t>(k), p.reported[k]);
        if (options.on_progress) options.on_progress(total.trials(), trials);
      },
      keep_going);
}

}  // namespace

RunSettings run_settings(const Scenario& scenario, const RunOptions& options) {
  const RunSettings settings{options.trials.value_or(scenario.trials),
                             options.seed.value_or(scenario.seed)};
  if (settings.trials < 1)
    throw std::invalid_argument("trials must be >= 1, got " + std::to_string(settings.trials));
  if (options.bins && *options.bins < 1)
    throw std::invalid_argument("bins must be >= 1, got " + std::to_string(*options.bins));
  return settings;
}

MetricSummary RunResult::summary(int table, Metric metric, int group) const {
  const int slot = layout().slot_of(metric);
  if (slot < 0) throw std::out_of_range(std::string("metric not reported: ") + to_string(metric));
  return summarize(statistics, table, slot, group);
}

std::vector<HistogramRow> RunResult::histogram(int table, Metric metric, int group) const {
  const int slot = layout().slot_of(metric);
  if (slot < 0) throw std::out_of_range(std::string("metric not reported: ") + to_string(metric));
  return histogram_rows(statistics, table, slot, group);
}

OutcomeShare RunResult::outcome(int table, Outcome which, int group) const {
  return outcome_share(statistics, table, group, which);
}

RunResult run_scenario(const Scenario& scenario, const RunOptions& options) {
  const auto started = std::chrono::system_clock::now();
  const auto clock_start = std::chrono::steady_clock::now();
  const RunSettings settings = run_settings(scenario, options);
  const std::int64_t trials = settings.trials;
  const std::uint64_t seed = settings.seed;
  auto keep_going = [&] { return !options.keep_going || options.keep_going(); };
  const std::int64_t report = std::min(trials, std::max<std::int64_t>(0, options.trials_to_report));

  const Simulator simulator(scenario);
  const TrialResult empty = TrialResult::for_scenario(scenario);

  // Pilot: the first block, which fixes the automatic histogram ranges and is then counted
  // like every other block. Its size does not depend on the thread count.
  const std::int64_t pilot_size = std::min(trials, kTrialsPerBlock);
  std::vector<TrialResult> pilot(static_cast<std::size_t>(pilot_size), empty);
  bool interrupted = !keep_going();
  for (std::int64_t i = 0; i < pilot_size && !interrupted; ++i)
    simulator.run_trial(seed, i, pilot[static_cast<std::size_t>(i)]);

  RunResult result{scenario,
                   seed,
                   trials,
                   resolve_thread_count(options.threads),
                   RunStatistics(layout_from_pilot(scenario, options.bins, pilot)),
                   false,
                   started,
                   0.0};
  RunStatistics& total = result.statistics;
  if (!interrupted) {
    for (std::int64_t i = 0; i < pilot_size; ++i) {
      const TrialResult& r = pilot[static_cast<std::size_t>(i)];
      total.add(r);
      if (i < report && options.on_trial) options.on_trial(i, r);
    }
    pilot = {};
    if (options.on_progress) options.on_progress(total.trials(), trials);
    interrupted = !run_remaining_blocks(simulator, options, settings, pilot_size, total);
  }
  result.interrupted = interrupted;
  result.elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count();
  return result;
}

}  // namespace parley
