// Cost of the streaming statistics and of a whole `run_scenario`, and peak memory against the
// number of trials.
//
//   cmake --build build --target analysis_bench && build/bench/analysis_bench
//
// BM_PeakMemory runs 10^5, 10^6 and 10^7 trials in this order and reports the process's peak
// resident set size after each: flat numbers mean memory does not grow with the trials.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cassert>
#include <string>

#include "analysis/statistics/histogram_range.hpp"
#include "analysis/statistics/run_scenario.hpp"
#include "bench/run_benchmarks.hpp"
#include "sim/engine/parallel.hpp"
#include "sim/engine/simulator.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley {
namespace {

#ifndef NDEBUG
#error "analysis_bench measures a Release build: asserts are on"
#endif

const Scenario& korea_sma11() {
  static const Scenario s =
      load_scenario_file(std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea_sma11.yaml");
  return s;
}

// One pilot-sized block of real trials and the layout a run would build from it.
struct Block {
  std::vector<TrialResult> trials;
  std::shared_ptr<const StatisticsLayout> layout;
  Block() {
    const Scenario& s = korea_sma11();
    const Simulator simulator(s);
    trials.assign(kTrialsPerBlock, TrialResult::for_scenario(s));
    for (std::int64_t i = 0; i < kTrialsPerBlock; ++i)
      simulator.run_trial(s.seed, i, trials[static_cast<std::size_t>(i)]);
    auto l = std::make_shared<StatisticsLayout>();
    l->tables = static_cast<int>(s.tables.size());
    l->metrics = s.outputs.metrics;
    l->groups = GroupLayout::for_scenario(s);
    std::vector<double> values;
    for (int t = 0; t < l->tables; ++t)
      for (Metric m : l->metrics) {
        values.clear();
        for (const TrialResult& r : trials)
          values.push_back(r.tables[t].metric(m));
        l->axes.push_back(fine_axis_for(choose_bin_edges(s, t, m, std::nullopt, values)));
      }
    layout = l;
  }
};

const Block& block() {
  static const Block b;
  return b;
}

// Counting one trial into a block's statistics (the per-trial cost on a worker thread).
void BM_StatisticsAdd(benchmark::State& state) {
  BlockStatistics stats(block().layout);
  for (auto _ : state) {
    stats.clear();
    for (const TrialResult& r : block().trials)
      stats.add(r);
    benchmark::DoNotOptimize(stats.trials());
  }
  state.SetItemsProcessed(state.iterations() * kTrialsPerBlock);
}
BENCHMARK(BM_StatisticsAdd);

// Merging one full block into the run's totals (serial, in block order) and clearing it.
void BM_BlockMerge(benchmark::State& state) {
  BlockStatistics stats(block().layout);
  for (const TrialResult& r : block().trials)
    stats.add(r);
  RunStatistics total(block().layout);
  for (auto _ : state) {
    total.merge(stats);
    benchmark::DoNotOptimize(total.trials());
  }
  state.counters["merged_trials_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * kTrialsPerBlock), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BlockMerge);

// Whole runs of korea_sma11, statistics included.
void BM_RunScenario(benchmark::State& state) {
  RunOptions options;
  options.trials = 200000;
  options.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    const RunResult r = run_scenario(korea_sma11(), options);
    benchmark::DoNotOptimize(r.trials_done());
  }
  state.SetItemsProcessed(state.iterations() * *options.trials);
}
BENCHMARK(BM_RunScenario)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

double peak_rss_megabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

void BM_PeakMemory(benchmark::State& state) {
  RunOptions options;
  options.trials = state.range(0);
  for (auto _ : state) {
    const RunResult r = run_scenario(korea_sma11(), options);
    benchmark::DoNotOptimize(r.trials_done());
  }
  state.counters["peak_rss_MB"] = peak_rss_megabytes();
  state.SetItemsProcessed(state.iterations() * *options.trials);
}
BENCHMARK(BM_PeakMemory)
    ->Arg(100000)
    ->Arg(1000000)
    ->Arg(10000000)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

}  // namespace
}  // namespace parley

int main(int argc, char** argv) {
  return parley::run_benchmarks("analysis_bench", argc, argv);
}
