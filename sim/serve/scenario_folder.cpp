#include "sim/serve/scenario_folder.hpp"

#include <algorithm>

#include "sim/io/input_error.hpp"

namespace parley::serve {
namespace fs = std::filesystem;

ScenarioFolder::ScenarioFolder(const fs::path& folder) : given_(folder) {
  std::error_code ec;
  real_ = fs::canonical(folder, ec);
  if (ec || !fs::is_directory(real_, ec)) {
    throw InputError({folder.string(), 0, 0}, "cannot serve this scenario folder: not a directory");
  }
}

bool ScenarioFolder::is_scenario_name(std::string_view name) {
  if (name.empty() || name.size() > 128) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

std::optional<ScenarioFile> ScenarioFolder::find(std::string_view name) const {
  if (!is_scenario_name(name)) return std::nullopt;
  const std::string file_name = std::string(name) + ".yaml";
  std::error_code ec;
  const fs::path real = fs::canonical(real_ / file_name, ec);
  if (ec || !fs::is_regular_file(real, ec)) return std::nullopt;
  // A symlink may point anywhere: only files whose real path stays inside the folder are served.
  const auto [end, _] = std::mismatch(real_.begin(), real_.end(), real.begin(), real.end());
  if (end != real_.end()) return std::nullopt;
  return ScenarioFile{std::string(name), (given_ / file_name).string(), real};
}

std::vector<ScenarioFile> ScenarioFolder::list() const {
  std::vector<ScenarioFile> files;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(real_, ec)) {
    if (e.path().extension() != ".yaml") continue;
    if (auto f = find(e.path().stem().string())) files.push_back(std::move(*f));
  }
  std::sort(files.begin(), files.end(),
            [](const ScenarioFile& a, const ScenarioFile& b) { return a.name < b.name; });
  return files;
}

}  // namespace parley::serve
