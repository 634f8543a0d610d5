#pragma once
// The scenario folder `parley serve` exposes: its *.yaml files and nothing else. A scenario is
// named by its file's stem ("korea_sma11" for korea_sma11.yaml); names are checked as text
// before any path is built, and the file is read only when its real path (symlinks resolved)
// lies inside the folder's real path.
//
//   ScenarioFolder folder("scenarios");
//   for (const ScenarioFile& f : folder.list()) ...
//   std::optional<ScenarioFile> f = folder.find("korea_sma11");   // nullopt: not served
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::serve {

struct ScenarioFile {
  std::string name;            // the file's stem
  std::string display_path;    // the folder as given + file name: used in error messages
  std::filesystem::path path;  // the real path
};

class ScenarioFolder {
 public:
  // Throws InputError (FOLDER:0:0) when `folder` is not a readable directory.
  explicit ScenarioFolder(const std::filesystem::path& folder);

  // Every servable scenario file, sorted by name.
  std::vector<ScenarioFile> list() const;
  // The file for `name`, when `name` is a plain stem ([A-Za-z0-9_-], at most 128 characters)
  // of a regular *.yaml file whose real path is inside the folder.
  std::optional<ScenarioFile> find(std::string_view name) const;

  static bool is_scenario_name(std::string_view name);

 private:
  std::filesystem::path given_;
  std::filesystem::path real_;
};

}  // namespace parley::serve
