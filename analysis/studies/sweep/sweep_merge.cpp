#include "analysis/studies/sweep/sweep_merge.hpp"

#include <map>
#include <stdexcept>

#include "analysis/studies/sweep/sweep_files.hpp"
#include "analysis/studies/sweep/sweep_runner.hpp"
#include "sim/io/input_error.hpp"

namespace parley::sweep {

Design design_from_manifest(const SweepManifest& manifest) {
  std::vector<SweepParam> params;
  for (std::size_t i = 0; i < manifest.params.size(); ++i)
    params.push_back(parse_sweep_param(manifest.params[i], static_cast<int>(i) + 1));
  return make_design(params, method_from_string(manifest.method), manifest.samples, manifest.seed);
}

namespace {

// Where each point's record is: point -> (shard index, file).
using ShardPointFiles = std::map<std::size_t, std::pair<std::size_t, std::filesystem::path>>;

// The shards' common manifest, without the shard; throws unless every shard belongs to one sweep.
SweepManifest merged_shard_manifest(const std::vector<std::filesystem::path>& shard_dirs) {
  std::vector<SweepManifest> manifests;
  for (const auto& dir : shard_dirs) {
    const auto file = points_folder(dir) / "manifest.txt";
    if (!std::filesystem::exists(file))
      throw InputError({dir.string(), 0, 0}, "not a sweep folder (no .points/manifest.txt)");
    manifests.push_back(read_manifest(file));
  }
  for (std::size_t s = 1; s < manifests.size(); ++s) {
    const auto diff = differences(manifests.front(), manifests[s], /*ignore_shard=*/true);
    if (diff.empty()) continue;
    Diagnostics found;
    for (const std::string& d : diff)
      found.error({shard_dirs[s].string(), 0, 0},
                  "belongs to another sweep than " + shard_dirs.front().string() + ": " + d);
    found.throw_if_any();
  }
  SweepManifest merged = manifests.front();
  merged.shard = Shard{};
  return merged;
}

// The complete point records of the shards; throws at a point computed at other values than
// the design's or found in two shards.
ShardPointFiles shard_point_files(const std::vector<std::filesystem::path>& shard_dirs,
                                  const Design& design) {
  ShardPointFiles found;
  for (std::size_t s = 0; s < shard_dirs.size(); ++s) {
    for (const auto& entry : std::filesystem::directory_iterator(points_folder(shard_dirs[s]))) {
      const std::string name = entry.path().filename().string();
      if (!name.starts_with("point_") || !name.ends_with(".txt")) continue;
      auto record = read_point_record(entry.path());
      if (!record || record->point >= design.points()) continue;  // incomplete: counts as missing
      const std::size_t p = record->point;
      if (record->values != design.values[p])
        throw InputError({entry.path().string(), 0, 0},
                         "point " + std::to_string(p) +
                             " was computed at other parameter values than the sweep's design");
      if (auto [it, fresh] = found.emplace(p, std::pair{s, entry.path()}); !fresh)
        throw InputError({shard_dirs[s].string(), 0, 0},
                         "point " + std::to_string(p) + " is also in " +
                             shard_dirs[it->second.first].string() + " (duplicate point)");
    }
  }
  return found;
}

void throw_if_shard_points_missing(const ShardPointFiles& found, const Design& design,
                                   const std::filesystem::path& out_dir) {
  std::vector<std::size_t> missing;
  for (std::size_t p = 0; p < design.points(); ++p)
    if (!found.contains(p)) missing.push_back(p);
  if (missing.empty()) return;
  std::string list;
  for (std::size_t i = 0; i < missing.size() && i < 10; ++i)
    list += (i ? ", " : "") + std::to_string(missing[i]);
  if (missing.size() > 10) list += ", ...";
  throw InputError({out_dir.string(), 0, 0},
                   std::to_string(missing.size()) + " of " + std::to_string(design.points()) +
                       " points are in none of the shards (missing: " + list + ")");
}

}  // namespace

MergeReport merge_sweep_shards(const std::filesystem::path& out_dir,
                               const std::vector<std::filesystem::path>& shard_dirs) {
  if (shard_dirs.empty()) throw InputError({"merge", 0, 0}, "no shard folders given");
  const SweepManifest merged = merged_shard_manifest(shard_dirs);
  const Design design = design_from_manifest(merged);
  if (design.points() != merged.points)
    throw InputError({shard_dirs.front().string(), 0, 0},
                     "the manifest lists " + std::to_string(merged.points) +
                         " points but its design has " + std::to_string(design.points()));

  // Every point exactly once across the shards, computed at this design's values.
  const ShardPointFiles found = shard_point_files(shard_dirs, design);
  throw_if_shard_points_missing(found, design, out_dir);

  // OUT becomes a complete sweep folder: manifest, every point record, the result files.
  const auto dir = points_folder(out_dir);
  std::filesystem::create_directories(dir);
  write_file_atomically(dir / "manifest.txt", merged.text());
  write_sweep_files(out_dir, merged, design.points(), [&](std::size_t p) {
    const std::filesystem::path& file = found.at(p).second;
    auto record = read_point_record(file);
    if (!record || record->point != p)
      throw std::runtime_error(file.string() + " changed while merging");
    write_point_record(dir, *record);
    return std::move(*record);
  });
  return {design.points(), shard_dirs.size()};
}

}  // namespace parley::sweep
