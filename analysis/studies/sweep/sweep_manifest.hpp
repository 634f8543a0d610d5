#pragma once
// The definition of a sweep, persisted as OUT/.points/manifest.txt: what `--resume` and
// `parley merge` compare before trusting points computed earlier or elsewhere.
//
//   SweepManifest m{...};
//   write_manifest(dir / "manifest.txt", m);
//   auto diff = differences(read_manifest(dir / "manifest.txt"), m, /*ignore_shard=*/false);
//
// Text, one `key value` per line, so a person can read why a resume was refused.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::sweep {

// `--shard K/N`: this run computes the points with point % N == K - 1.
struct Shard {
  int index = 1;  // K, 1-based
  int count = 1;  // N
  bool whole() const { return count == 1; }
  bool owns(std::size_t point) const { return static_cast<int>(point % count) == index - 1; }
  std::string str() const;  // "K/N"
};
// Parses "K/N" (1 <= K <= N); throws InputError (--shard) otherwise.
Shard parse_shard(std::string_view text);

struct SweepManifest {
  std::string parley_version;
  std::string scenario_name;
  std::string scenario_sha256;
  std::string method;
  int samples = 0;
  unsigned long long seed = 0;
  long long trials = 0;
  std::vector<std::string> params;  // "PATH=SPEC" as given
  std::size_t points = 0;
  Shard shard;

  std::string text() const;
  std::vector<std::string> param_paths() const;
};

// Throws InputError (FILE:LINE:COL) when the file is not a sweep manifest.
SweepManifest read_manifest(const std::filesystem::path& file);

// One line per differing field, e.g. "seed: 7 here, 9 in the existing sweep".
std::vector<std::string> differences(const SweepManifest& existing, const SweepManifest& wanted,
                                     bool ignore_shard);

}  // namespace parley::sweep
