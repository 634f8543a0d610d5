#pragma once
// A whole `parley sweep`, as the command line and the Python package ask for it: the request
// (flags), checked and turned into a job (design, manifest, output folder), then run.
//
//   SweepJob job = prepare_sweep({.scenario_file = "scenarios/korea_sma11.yaml",
//                                 .params = {"shocks.tariff_linkage.p=0.2,0.5,0.8"}});
//   SweepRunReport r = run_sweep(job, progress, keep_going);   // also writes the result files
//
// docs/sweeps.md describes the behaviour; sim/cli/sweep_command.cpp adds the printing.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/studies/sweep/scenario_point.hpp"
#include "analysis/studies/sweep/sweep_design.hpp"
#include "analysis/studies/sweep/sweep_manifest.hpp"
#include "analysis/studies/sweep/sweep_runner.hpp"

namespace parley::sweep {

struct SweepRequest {
  std::string scenario_file;
  std::vector<std::string> params;  // "PATH=SPEC", as --param
  std::string method = "grid";
  int samples = 0;
  std::optional<std::int64_t> trials;  // default: the scenario's
  std::optional<std::uint64_t> seed;   // default: the scenario's
  int threads = 0;                     // 0: every core
  std::string out;                     // default: out/<scenario>_sweep[_shardKofN]
  bool resume = false;
  std::string shard;  // "K/N"; empty: the whole sweep
};

struct SweepJob {
  ScenarioSweep run;
  Design design;
  SweepManifest manifest;
  std::string out;
  bool resume = false;
  int parallel_points = 1;  // points evaluated at once (each then on one thread)
};

// Reads the scenario, parses the parameters, builds the design and validates every point.
// Throws InputError (exit 2 in the CLI) on any mistake; creates no file. `warn` receives
// advice that does not stop the sweep (a Sobol design whose size is not a power of two).
SweepJob prepare_sweep(const SweepRequest& request,
                       const std::function<void(const std::string&)>& warn = {});

// Computes the job's points (keeping finished ones with --resume) and, when it completed and is
// not a shard, writes the result files. `completed` is false when keep_going() stopped it.
SweepRunReport run_sweep(SweepJob& job,
                         const std::function<void(std::size_t done, std::size_t total)>& progress,
                         const std::function<bool()>& keep_going);

}  // namespace parley::sweep
