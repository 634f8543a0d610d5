#include "analysis/studies/compare/compare_runner.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "sim/engine/parallel.hpp"
#include "sim/engine/simulator.hpp"

namespace parley {
namespace {

void check_same_tables(const std::vector<ComparedRun>& runs) {
  if (runs.size() < 2) throw std::invalid_argument("a comparison needs a baseline and a variant");
  const Scenario& base = runs[0].scenario;
  for (const ComparedRun& r : runs) {
    bool same = r.scenario.tables.size() == base.tables.size();
    for (std::size_t t = 0; same && t < base.tables.size(); ++t)
      same = r.scenario.tables[t].name == base.tables[t].name;
    if (!same) throw std::invalid_argument("'" + r.name + "' does not have the baseline's tables");
  }
}

// One block in flight: each run's partial statistics and trial buffer, the paired counts and
// the block's quantiles.
struct ComparisonBlock {
  std::vector<BlockStatistics> statistics;
  std::vector<TrialResult> trial;
  PairedStatistics paired;
  BlockQuantiles quantiles;

  ComparisonBlock(const std::vector<TrialResult>& empty, int tables)
      : trial(empty),
        paired(static_cast<int>(empty.size()) - 1, tables),
        quantiles(static_cast<int>(empty.size()), tables) {}

  void clear() {
    for (BlockStatistics& s : statistics)
      s.clear();
    paired.clear();
    quantiles.clear();
  }
};

// The engines of the compared runs, with an empty trial of each.
struct ComparedSimulators {
  std::vector<Simulator> simulators;
  std::vector<TrialResult> empty;
  int tables = 0;

  explicit ComparedSimulators(const std::vector<ComparedRun>& runs)
      : tables(static_cast<int>(runs[0].scenario.tables.size())) {
    for (const ComparedRun& r : runs) {
      simulators.emplace_back(r.scenario);
      empty.push_back(TrialResult::for_scenario(r.scenario));
    }
  }
  int count() const { return static_cast<int>(simulators.size()); }
};

// The pilot block, already run (it fixed automatic bins), counted like every other block.
void count_pilot(const std::vector<std::vector<TrialResult>>& pilot, const ComparedSimulators& c,
                 ComparisonResult& result) {
  ComparisonBlock first(c.empty, c.tables);
  const std::size_t size = pilot.front().size();
  for (std::size_t i = 0; i < size; ++i) {
    for (int k = 0; k < c.count(); ++k) {
      first.trial[k] = pilot[k][i];
      result.runs[k].statistics.add(first.trial[k]);
    }
    first.paired.add(first.trial);
    first.quantiles.add(first.trial);
  }
  first.quantiles.finish();
  result.paired.merge(first.paired);
  result.paired.add_block(first.quantiles);
}

// The trials after the pilot, every run on the same trial numbers, merged in trial order; false
// when keep_going() stopped them.
bool run_remaining_blocks(const ComparedSimulators& c, const RunOptions& options,
                          const RunSettings& settings, std::int64_t pilot_size,
                          ComparisonResult& result) {
  std::vector<std::shared_ptr<const StatisticsLayout>> layouts;
  for (const RunResult& r : result.runs)
    layouts.push_back(r.statistics.shared_layout());
  auto keep_going = [&] { return !options.keep_going || options.keep_going(); };
  return ordered_block_reduce<ComparisonBlock>(
      settings.trials - pilot_size, options.threads,
      [&] {
        ComparisonBlock b(c.empty, c.tables);
        for (const auto& layout : layouts)
          b.statistics.emplace_back(layout);
        return b;
      },
      [](ComparisonBlock& b) { b.clear(); },
      [&](ComparisonBlock& b, std::int64_t begin, std::int64_t end) {
        for (std::int64_t i = pilot_size + begin; i < pilot_size + end; ++i) {
          for (int k = 0; k < c.count(); ++k) {
            c.simulators[k].run_trial(settings.seed, i, b.trial[k]);
            b.statistics[k].add(b.trial[k]);
          }
          b.paired.add(b.trial);
          b.quantiles.add(b.trial);
        }
        b.quantiles.finish();
      },
      [&](ComparisonBlock& b, std::int64_t) {
        for (int k = 0; k < c.count(); ++k)
          result.runs[k].statistics.merge(b.statistics[k]);
        result.paired.merge(b.paired);
        result.paired.add_block(b.quantiles);
        if (options.on_progress) options.on_progress(result.runs[0].trials_done(), settings.trials);
      },
      keep_going);
}

}  // namespace

ComparisonResult run_comparison(const std::vector<ComparedRun>& runs, const RunOptions& options) {
  check_same_tables(runs);
  const auto started = std::chrono::system_clock::now();
  const auto clock_start = std::chrono::steady_clock::now();
  const RunSettings settings = run_settings(runs[0].scenario, options);
  auto keep_going = [&] { return !options.keep_going || options.keep_going(); };
  const ComparedSimulators c(runs);

  // Pilot: the first block of every run, as in run_scenario (it fixes automatic bins).
  const std::int64_t pilot_size = std::min(settings.trials, kTrialsPerBlock);
  std::vector<std::vector<TrialResult>> pilot(c.count());
  bool interrupted = !keep_going();
  for (int k = 0; k < c.count() && !interrupted; ++k) {
    pilot[k].assign(static_cast<std::size_t>(pilot_size), c.empty[k]);
    for (std::int64_t i = 0; i < pilot_size; ++i)
      c.simulators[k].run_trial(settings.seed, i, pilot[k][static_cast<std::size_t>(i)]);
  }

  ComparisonResult result{{}, {}, PairedStatistics(c.count() - 1, c.tables), false};
  for (int k = 0; k < c.count() && !interrupted; ++k) {
    result.names.push_back(runs[k].name);
    result.runs.push_back(RunResult{
        runs[k].scenario, settings.seed, settings.trials, resolve_thread_count(options.threads),
        RunStatistics(layout_from_pilot(runs[k].scenario, options.bins, pilot[k])), false, started,
        0.0});
  }
  if (!interrupted) {
    count_pilot(pilot, c, result);
    pilot = {};
    if (options.on_progress) options.on_progress(pilot_size, settings.trials);
    interrupted = !run_remaining_blocks(c, options, settings, pilot_size, result);
  }
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count();
  for (RunResult& r : result.runs) {
    r.interrupted = interrupted;
    r.elapsed_seconds = elapsed;
  }
  result.interrupted = interrupted;
  return result;
}

}  // namespace parley
