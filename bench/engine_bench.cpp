// Engine speed: random streams, one trial of an 11th-SMA-like scenario (fast path and the
// stepping reference), and trials per second through ordered_block_reduce on 1 and 2 threads.
//
//   build-b/bench/engine_bench --benchmark_min_time=2
//
// Targets (bench/README.md): >= 3 million trials/s per core, >= 1.8x from 1 to 2 threads.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <cassert>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "bench/run_benchmarks.hpp"
#include "sim/engine/parallel.hpp"
#include "sim/engine/random_stream.hpp"
#include "sim/engine/simulator.hpp"
#include "sim/io/scenario_loader.hpp"
#include "tests/engine/sample_scenarios.hpp"

namespace {

using parley::Simulator;
using parley::TrialResult;

void BM_RandomStreamWords(benchmark::State& state) {
  const parley::StreamKey key(parley::SeedKey(1), parley::purpose_id("bench"));
  parley::RandomStream s(key, 0);
  for (auto _ : state)
    benchmark::DoNotOptimize(s());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RandomStreamWords);

// A fresh stream per draw, as the engine does for each parameter: one generator block each.
void BM_RandomStreamFreshBlock(benchmark::State& state) {
  const parley::StreamKey key(parley::SeedKey(1), parley::purpose_id("bench"));
  std::int64_t trial = 0;
  for (auto _ : state) {
    parley::RandomStream s(key, static_cast<std::uint64_t>(trial++));
    benchmark::DoNotOptimize(s());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RandomStreamFreshBlock);

// The floor under a trial: drawing the 11 actor parameters of the scenario (one fresh stream
// each, as run_trial does), without negotiating.
void BM_Sma11ParameterDraws(benchmark::State& state) {
  const parley::Scenario s = parley::testing::sma11_like_scenario();
  const parley::StreamKey key(parley::SeedKey(1), parley::purpose_id("bench"));
  std::uint64_t trial = 0;
  double sink = 0;
  for (auto _ : state) {
    for (const parley::Actor& a : s.actors) {
      for (const parley::Distribution& d : a.params) {
        parley::RandomStream stream(key, trial);
        sink += d.sample(stream);
      }
    }
    ++trial;
  }
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Sma11ParameterDraws);

// A correlated parameter is drawn by its marginal's quantile: for PERT and beta, Boost's inverse
// incomplete beta (double precision, no long double promotion).
void BM_PertQuantile(benchmark::State& state) {
  const parley::Distribution d = parley::Distribution::pert(1150, 1400, 2000);
  double u = 0.0005, sink = 0;
  for (auto _ : state) {
    sink += d.quantile(u);
    u = u + 0.000997 < 1 ? u + 0.000997 : u - 0.998;
  }
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PertQuantile);

template <bool kStepwise>
void BM_Sma11Trial(benchmark::State& state) {
  const Simulator sim(parley::testing::sma11_like_scenario());
  TrialResult r = TrialResult::for_scenario(sim.scenario());
  std::int64_t trial = 0;
  for (auto _ : state) {
    if (kStepwise) {
      sim.run_trial_stepwise(2019, trial++, r);
    } else {
      sim.run_trial(2019, trial++, r);
    }
    benchmark::DoNotOptimize(r.tables[0].amount);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Sma11Trial<false>)->Name("BM_Sma11Trial/fast");
BENCHMARK(BM_Sma11Trial<true>)->Name("BM_Sma11Trial/stepwise");

// One trial of the shipped scenarios/korea_sma11.yaml (loaded once, outside the timed loop).
void BM_KoreaSma11YamlTrial(benchmark::State& state) {
  const Simulator sim(
      parley::load_scenario_file(std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea_sma11.yaml"));
  TrialResult r = TrialResult::for_scenario(sim.scenario());
  std::int64_t trial = 0;
  for (auto _ : state) {
    sim.run_trial(2019, trial++, r);
    benchmark::DoNotOptimize(r.tables[0].amount);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_KoreaSma11YamlTrial);

// CPU seconds used so far by every thread of this process.
double process_cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

// `trials` trials of `sim` through the ordered block pipeline on `threads` threads, summing
// the settled amounts in block order (the checksum keeps the work from being optimised away).
double run_pipeline(const Simulator& sim, std::int64_t trials, int threads) {
  double checksum = 0;
  parley::ordered_block_reduce<double>(
      trials, threads, [] { return 0.0; }, [](double& p) { p = 0; },
      [&](double& p, std::int64_t begin, std::int64_t end) {
        TrialResult r = TrialResult::for_scenario(sim.scenario());
        for (std::int64_t i = begin; i < end; ++i) {
          sim.run_trial(2019, i, r);
          for (const parley::TableResult& t : r.tables)
            if (t.outcome != parley::Outcome::no_deal) p += t.amount;
        }
      },
      [&](double& p, std::int64_t) { checksum += p; });
  return checksum;
}

// Trials per second through the pipeline. trials_per_s is wall time (what a user sees);
// trials_per_cpu_s counts the CPU time of all threads, so it shows the parallel overhead even
// when other processes share the cores.
void time_pipeline(benchmark::State& state, const Simulator& sim, std::int64_t trials,
                   int threads) {
  double checksum = 0;
  const double cpu_before = process_cpu_seconds();
  for (auto _ : state)
    checksum += run_pipeline(sim, trials, threads);
  const double cpu = process_cpu_seconds() - cpu_before;
  benchmark::DoNotOptimize(checksum);
  state.SetItemsProcessed(state.iterations() * trials);
  state.counters["trials_per_cpu_s"] = static_cast<double>(state.iterations() * trials) / cpu;
  state.counters["trials_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * trials), benchmark::Counter::kIsRate);
}

void BM_Sma11Throughput(benchmark::State& state) {
  const Simulator sim(parley::testing::sma11_like_scenario());
  time_pipeline(state, sim, 400 * parley::kTrialsPerBlock, static_cast<int>(state.range(0)));
}
BENCHMARK(BM_Sma11Throughput)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

// Every shipped scenario (scenarios/*.yaml, loaded once), engine only, on 1 thread and on all
// of the machine's threads: BM_ShippedScenario/<file>/threads:<K>.
const bool kShippedScenariosRegistered = [] {
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(PARLEY_SOURCE_DIR) + "/scenarios")) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  const int all = parley::resolve_thread_count(0);
  for (const auto& file : files) {
    auto sim = std::make_shared<const Simulator>(parley::load_scenario_file(file.string()));
    for (int threads : {1, all}) {
      if (threads == all && all == 1) continue;
      benchmark::RegisterBenchmark(
          ("BM_ShippedScenario/" + file.stem().string() + "/threads:" + std::to_string(threads))
              .c_str(),
          [sim, threads](benchmark::State& state) {
            time_pipeline(state, *sim, 40 * parley::kTrialsPerBlock, threads);
          })
          ->UseRealTime()
          ->Unit(benchmark::kMillisecond);
    }
  }
  return true;
}();

}  // namespace

int main(int argc, char** argv) {
  return parley::run_benchmarks("engine_bench", argc, argv);
}
