#pragma once
// The main() of every parley benchmark program: refuses to time a build with assertions on
// (its numbers would mislead), then runs Google Benchmark as usual.
//
//   int main(int argc, char** argv) { return parley::run_benchmarks("engine_bench", argc, argv); }
#include <benchmark/benchmark.h>

#include <cstdio>

namespace parley {

inline int run_benchmarks([[maybe_unused]] const char* program, int argc, char** argv) {
#ifndef NDEBUG
  std::fprintf(stderr, "%s: built with assertions on; timings would mislead\n", program);
  return 1;
#endif
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace parley
