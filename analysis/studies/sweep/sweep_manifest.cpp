#include "analysis/studies/sweep/sweep_manifest.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

#include "sim/io/input_error.hpp"

namespace parley::sweep {
namespace {

constexpr std::string_view kMagic = "parley-sweep-manifest 1";

template <class Int>
bool parse_int(std::string_view text, Int& value) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  return ec == std::errc() && ptr == end;
}

}  // namespace

std::string Shard::str() const {
  return std::to_string(index) + "/" + std::to_string(count);
}

Shard parse_shard(std::string_view text) {
  Shard shard;
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos || !parse_int(text.substr(0, slash), shard.index) ||
      !parse_int(text.substr(slash + 1), shard.count) || shard.count < 1 || shard.index < 1 ||
      shard.index > shard.count)
    throw InputError({"--shard", 0, 0},
                     "expected K/N with 1 <= K <= N (e.g. 2/4), got '" + std::string(text) + "'");
  return shard;
}

std::string SweepManifest::text() const {
  std::ostringstream out;
  out << kMagic << "\n"
      << "parley_version " << parley_version << "\n"
      << "scenario " << scenario_name << "\n"
      << "scenario_sha256 " << scenario_sha256 << "\n"
      << "method " << method << "\n"
      << "samples " << samples << "\n"
      << "seed " << seed << "\n"
      << "trials " << trials << "\n";
  for (const std::string& p : params)
    out << "param " << p << "\n";
  out << "points " << points << "\n"
      << "shard " << shard.str() << "\n";
  return out.str();
}

std::vector<std::string> SweepManifest::param_paths() const {
  std::vector<std::string> paths;
  for (const std::string& p : params)
    paths.push_back(p.substr(0, p.find('=')));
  return paths;
}

SweepManifest read_manifest(const std::filesystem::path& file) {
  std::ifstream in(file);
  const std::string name = file.string();
  if (!in) throw InputError({name, 0, 0}, "cannot read the sweep manifest");
  std::string line;
  if (!std::getline(in, line) || line != kMagic)
    throw InputError({name, 1, 1},
                     "not a parley sweep manifest (expected '" + std::string(kMagic) + "')");
  SweepManifest m;
  int number = 1;
  bool seen_shard = false;
  while (std::getline(in, line)) {
    ++number;
    const std::size_t space = line.find(' ');
    const std::string key = line.substr(0, space);
    const std::string value = space == std::string::npos ? "" : line.substr(space + 1);
    bool ok = true;
    if (key == "parley_version")
      m.parley_version = value;
    else if (key == "scenario")
      m.scenario_name = value;
    else if (key == "scenario_sha256")
      m.scenario_sha256 = value;
    else if (key == "method")
      m.method = value;
    else if (key == "samples")
      ok = parse_int(value, m.samples);
    else if (key == "seed")
      ok = parse_int(value, m.seed);
    else if (key == "trials")
      ok = parse_int(value, m.trials);
    else if (key == "param")
      m.params.push_back(value);
    else if (key == "points")
      ok = parse_int(value, m.points);
    else if (key == "shard") {
      const std::size_t slash = value.find('/');
      ok = slash != std::string::npos && parse_int(value.substr(0, slash), m.shard.index) &&
           parse_int(value.substr(slash + 1), m.shard.count);
      seen_shard = true;
    } else
      ok = false;
    if (!ok) throw InputError({name, number, 1}, "unexpected manifest line '" + line + "'");
  }
  if (!seen_shard) throw InputError({name, number, 1}, "manifest ends early (no 'shard' line)");
  return m;
}

std::vector<std::string> differences(const SweepManifest& existing, const SweepManifest& wanted,
                                     bool ignore_shard) {
  std::vector<std::string> out;
  const auto compare = [&](const std::string& key, const std::string& was, const std::string& now) {
    if (was != now) out.push_back(key + ": '" + was + "' in the existing sweep, '" + now + "' now");
  };
  compare("parley_version", existing.parley_version, wanted.parley_version);
  compare("scenario", existing.scenario_name, wanted.scenario_name);
  compare("scenario_sha256", existing.scenario_sha256, wanted.scenario_sha256);
  compare("method", existing.method, wanted.method);
  compare("samples", std::to_string(existing.samples), std::to_string(wanted.samples));
  compare("seed", std::to_string(existing.seed), std::to_string(wanted.seed));
  compare("trials", std::to_string(existing.trials), std::to_string(wanted.trials));
  const auto joined = [](const std::vector<std::string>& list) {
    std::string text;
    for (const std::string& p : list)
      text += (text.empty() ? "" : " ") + p;
    return text;
  };
  compare("params", joined(existing.params), joined(wanted.params));
  compare("points", std::to_string(existing.points), std::to_string(wanted.points));
  if (!ignore_shard) compare("shard", existing.shard.str(), wanted.shard.str());
  return out;
}

}  // namespace parley::sweep
