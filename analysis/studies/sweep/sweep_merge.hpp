#pragma once
// `parley merge OUT SHARD_DIR...`: combines the folders of `parley sweep --shard K/N` runs into
// exactly the files one unsharded run writes (and a complete OUT/.points, resumable).
//
//   MergeReport r = merge_sweep_shards("out/sma_sweep", {"shard1", "shard2"});
//
// Refused with InputError (exit 2): a folder that holds no sweep, shards of different sweeps
// (scenario, parameters, method, samples, seed, trials or parley version), a point present in
// two shards, a point missing from all, or a point computed at other parameter values.
#include <filesystem>
#include <vector>

#include "analysis/studies/sweep/sweep_design.hpp"
#include "analysis/studies/sweep/sweep_manifest.hpp"

namespace parley::sweep {

struct MergeReport {
  std::size_t points = 0;
  std::size_t shards = 0;
};

// The design a manifest describes (what `parley sweep` built from the same flags).
Design design_from_manifest(const SweepManifest& manifest);

MergeReport merge_sweep_shards(const std::filesystem::path& out_dir,
                               const std::vector<std::filesystem::path>& shard_dirs);

}  // namespace parley::sweep
