// Sweep speed: design points per second for a sweep of scenarios/korea_sma11.yaml at 10,000
// trials per point (LHS over two parameters), everything a real sweep does per point: load the
// YAML with the overrides, run_scenario, format the result rows, persist the point record.
//
//   build/bench/sweep_bench --benchmark_min_time=2
//
// The task asks for a 1,000-point sweep; the benchmark times 40 points per iteration and
// reports points/s, from which a 1,000-point sweep takes 1000 / rate seconds (points are
// independent and equally expensive in distribution, so the rate extrapolates linearly).
#include <benchmark/benchmark.h>

#include <filesystem>

#include "analysis/studies/sweep/scenario_point.hpp"
#include "analysis/studies/sweep/sweep_runner.hpp"
#include "bench/run_benchmarks.hpp"
#include "sim/io/scenario_loader.hpp"

namespace {

namespace fs = std::filesystem;
using namespace parley::sweep;

constexpr int kPoints = 40;
constexpr std::int64_t kTrialsPerPoint = 10000;

void BM_SweepPoints(benchmark::State& state) {
  const std::string file = std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea_sma11.yaml";
  ScenarioSweep sweep{parley::read_scenario_text(file), file, {}, {}};
  sweep.params = {parse_sweep_param("actors.us_trump.opening.median=4000:7000", 1),
                  parse_sweep_param("tables.seoul.stall_p=0:0.3", 2)};
  sweep.options.trials = kTrialsPerPoint;
  sweep.options.seed = 2019;
  // As `parley sweep --threads K` with many points: K points at once, one thread each.
  const int threads = static_cast<int>(state.range(0));
  sweep.options.threads = 1;
  const Design design = make_design(sweep.params, Method::lhs, kPoints, 2019);
  SweepManifest manifest;
  manifest.method = "lhs";
  manifest.points = design.points();
  const fs::path out = fs::temp_directory_path() / "parley_sweep_bench";
  for (auto _ : state) {
    const auto report = run_sweep_points(
        out, manifest, design,
        [&](std::size_t, const std::vector<std::string>& values) { return sweep.evaluate(values); },
        /*resume=*/false, {}, [] { return true; }, threads);
    benchmark::DoNotOptimize(report.computed);
  }
  fs::remove_all(out);
  state.counters["points/s"] = benchmark::Counter(static_cast<double>(state.iterations() * kPoints),
                                                  benchmark::Counter::kIsRate);
  state.counters["trials/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * kPoints * kTrialsPerPoint),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SweepPoints)
    ->Arg(1)
    ->Arg(2)
    ->ArgName("threads")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The fixed cost per point besides the trials: parsing the YAML with the point's overrides.
void BM_ScenarioAtPoint(benchmark::State& state) {
  const std::string file = std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea_sma11.yaml";
  ScenarioSweep sweep{parley::read_scenario_text(file), file, {}, {}};
  sweep.params = {parse_sweep_param("actors.us_trump.opening.median=4000:7000", 1),
                  parse_sweep_param("tables.seoul.stall_p=0:0.3", 2)};
  for (auto _ : state)
    benchmark::DoNotOptimize(sweep.scenario_at({"5000", "0.1"}).tables.size());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ScenarioAtPoint)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  return parley::run_benchmarks("sweep_bench", argc, argv);
}
