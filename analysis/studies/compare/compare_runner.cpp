#include "analysis/studies/compare/compare_runner.hpp"

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

  void clear() {
    for (BlockStatistics& s : statistics)
      s.clear();
    paired.clear();
    quantiles.clear();
  }
};

}  // namespace

ComparisonResult run_comparison(const std::vector<ComparedRun>& runs, const RunOptions& options) {
  check_same_tables(runs);
  const auto started = std::chrono::system_clock::now();
  const auto clock_start = std::chrono::steady_clock::now();
  const Scenario& base = runs[0].scenario;
  const std::int64_t trials = options.trials.value_or(base.trials);
  const std::uint64_t seed = options.seed.value_or(base.seed);
  if (trials < 1) throw std::invalid_argument("trials must be >= 1, got " + std::to_string(trials));
  if (options.bins && *options.bins < 1)
    throw std::invalid_argument("bins must be >= 1, got " + std::to_string(*options.bins));
  auto keep_going = [&] { return !options.keep_going || options.keep_going(); };
  const int count = static_cast<int>(runs.size());
  const int tables = static_cast<int>(base.tables.size());

  std::vector<Simulator> simulators;
  std::vector<TrialResult> empty;
  for (const ComparedRun& r : runs) {
    simulators.emplace_back(r.scenario);
    empty.push_back(TrialResult::for_scenario(r.scenario));
  }

  // Pilot: the first block of every run, as in run_scenario (it fixes automatic bins).
  const std::int64_t pilot_size = std::min(trials, kTrialsPerBlock);
  std::vector<std::vector<TrialResult>> pilot(count);
  bool interrupted = !keep_going();
  for (int k = 0; k < count && !interrupted; ++k) {
    pilot[k].assign(static_cast<std::size_t>(pilot_size), empty[k]);
    for (std::int64_t i = 0; i < pilot_size; ++i)
      simulators[k].run_trial(seed, i, pilot[k][static_cast<std::size_t>(i)]);
  }

  ComparisonResult result{{}, {}, PairedStatistics(count - 1, tables), false};
  for (int k = 0; k < count && !interrupted; ++k) {
    result.names.push_back(runs[k].name);
    result.runs.push_back(
        RunResult{runs[k].scenario, seed, trials, resolve_thread_count(options.threads),
                  RunStatistics(layout_from_pilot(runs[k].scenario, options.bins, pilot[k])), false,
                  started, 0.0});
  }
  if (!interrupted) {
    // The pilot block, counted like every other block.
    ComparisonBlock first{
        {}, empty, PairedStatistics(count - 1, tables), BlockQuantiles(count, tables)};
    for (std::int64_t i = 0; i < pilot_size; ++i) {
      for (int k = 0; k < count; ++k) {
        first.trial[k] = pilot[k][static_cast<std::size_t>(i)];
        result.runs[k].statistics.add(first.trial[k]);
      }
      first.paired.add(first.trial);
      first.quantiles.add(first.trial);
    }
    first.quantiles.finish();
    result.paired.merge(first.paired);
    result.paired.add_block(first.quantiles);
    pilot = {};
    if (options.on_progress) options.on_progress(pilot_size, trials);

    std::vector<std::shared_ptr<const StatisticsLayout>> layouts;
    for (const RunResult& r : result.runs)
      layouts.push_back(r.statistics.shared_layout());
    const bool completed = ordered_block_reduce<ComparisonBlock>(
        trials - pilot_size, options.threads,
        [&] {
          ComparisonBlock b{
              {}, empty, PairedStatistics(count - 1, tables), BlockQuantiles(count, tables)};
          for (const auto& layout : layouts)
            b.statistics.emplace_back(layout);
          return b;
        },
        [](ComparisonBlock& b) { b.clear(); },
        [&](ComparisonBlock& b, std::int64_t begin, std::int64_t end) {
          for (std::int64_t i = pilot_size + begin; i < pilot_size + end; ++i) {
            for (int k = 0; k < count; ++k) {
              simulators[k].run_trial(seed, i, b.trial[k]);
              b.statistics[k].add(b.trial[k]);
            }
            b.paired.add(b.trial);
            b.quantiles.add(b.trial);
          }
          b.quantiles.finish();
        },
        [&](ComparisonBlock& b, std::int64_t) {
          for (int k = 0; k < count; ++k)
            result.runs[k].statistics.merge(b.statistics[k]);
          result.paired.merge(b.paired);
          result.paired.add_block(b.quantiles);
          if (options.on_progress) options.on_progress(result.runs[0].trials_done(), trials);
        },
        keep_going);
    interrupted = !completed;
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
