// Entry points of sim/io: read the file, parse it into a YamlNode tree, apply --set overrides,
// then read the top-level sections in dependency order into a ScenarioDraft.
#include "sim/io/scenario_loader.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/io/override_applier.hpp"
#include "sim/io/scenario_draft.hpp"
#include "sim/io/suggestions.hpp"
#include "sim/io/variant_reader.hpp"
#include "sim/io/yaml_tree.hpp"

namespace parley {
namespace {

constexpr std::int64_t kMaxTrials = 1'000'000'000'000;

bool is_scenario_name(const std::string& s) {
  return !s.empty() && s.size() <= 128 &&
         s.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
}

void read_name(const YamlNode& node, ScenarioDraft& draft) {
  const auto name = draft.read.string(node, "scenario");
  if (!name) return;
  if (!is_scenario_name(*name)) {
    draft.read.error(
        node.where, "scenario",
        "expected a name of lower-case letters, digits and '_', got " + node.describe());
    return;
  }
  draft.scenario.name = *name;
}

void read_description(const YamlNode& node, ScenarioDraft& draft) {
  draft.scenario.description = draft.read.string(node, "description").value_or("");
}

void read_trials(const YamlNode& node, ScenarioDraft& draft) {
  draft.scenario.trials = draft.read.integer(node, "trials", 1, kMaxTrials).value_or(1);
}

void read_seed(const YamlNode& node, ScenarioDraft& draft) {
  draft.scenario.seed = draft.read.unsigned64(node, "seed").value_or(1);
}

// Not a key: the point after which every actor's seats are known.
void resolve_seats(const YamlNode&, ScenarioDraft& draft) {
  if (draft.actors_read && draft.tables_read) finish_actors(draft);
}

using SectionReader = void (*)(const YamlNode&, ScenarioDraft&);
struct Section {
  const char* key;  // "" for a step that reads no key
  SectionReader read;
  bool required;
};

// Processing order is dependency order (tables name actors, shocks name both, ...). A new
// top-level key is one more line here.
// clang-format off
constexpr Section kSections[] = {
    {"scenario",     read_name,         true},
    {"description",  read_description,  false},
    {"trials",       read_trials,       false},
    {"seed",         read_seed,         false},
    {"actors",       read_actors,       true},
    {"tables",       read_tables,       true},
    {"shocks",       read_shocks,       false},
    {"",             resolve_seats,     false},
    {"links",        read_links,        false},
    {"correlations", read_correlations, false},
    {"outputs",      read_outputs,      false},
    {"observed",     read_observed,     false},
    {"lookahead",    read_lookahead,    false},
    {"variants",     read_variants,     false},
};
// clang-format on

}  // namespace

Scenario read_scenario(const YamlNode& root, Reader& read) {
  std::vector<std::string> keys;
  for (const Section& s : kSections) {
    if (*s.key) keys.emplace_back(s.key);
  }
  MapFields fields(read, root, "", keys);
  ScenarioDraft draft(read);
  const YamlNode absent{};
  for (const Section& s : kSections) {
    if (!*s.key) {
      s.read(absent, draft);
      continue;
    }
    const YamlNode* node = s.required ? fields.required(s.key) : fields.get(s.key);
    if (node) s.read(*node, draft);
  }
  return std::move(draft.scenario);
}

namespace {

// Parses, applies the overrides, checks the scenario and every variant; then reads the scenario
// with `variant` applied (none when empty).
Scenario load(std::string_view yaml, const std::string& file_name,
              const std::vector<ScalarOverride>& overrides, const std::string& variant) {
  Diagnostics found;
  std::optional<YamlNode> root = parse_yaml(yaml, {file_name, 1, 1}, found);
  if (!root) {
    found.throw_if_any();
    throw InputError({file_name, 0, 0}, "the file could not be parsed as YAML");
  }
  if (root->is_null()) {
    found.error({file_name, 0, 0},
                "the file holds no scenario (it is empty or only comments); expected a map with "
                "at least 'scenario', 'actors' and 'tables'");
    found.throw_if_any();
  }
  if (!root->is_map()) {
    found.error(
        root->where,
        "expected a map of scenario keys (scenario, actors, tables, ...), got " + root->describe());
    found.throw_if_any();
  }
  apply_overrides(*root, overrides, found);
  Reader read(found);
  Scenario scenario = read_scenario(*root, read);
  found.throw_if_any();
  check_variants(
      *root, file_name, [](const YamlNode& tree, Reader& r) { read_scenario(tree, r); }, found);
  found.throw_if_any();
  if (variant.empty()) return scenario;

  const YamlEntry* entry = find_variant(*root, variant);
  if (!entry) {
    std::vector<std::string> names;
    for (const Variant& v : scenario.variants)
      names.push_back(v.name);
    throw InputError({file_name, 0, 0}, "variants: no variant '" + variant + "'" +
                                            did_you_mean(variant, names) +
                                            " (variants: " + name_list(names) + ")");
  }
  apply_variant(*root, *entry, found);
  Scenario varied = read_scenario(*root, read);
  found.throw_if_any();
  return varied;
}

}  // namespace

Scenario load_scenario_text(std::string_view yaml, const std::string& file_name,
                            const std::vector<ScalarOverride>& overrides) {
  return load(yaml, file_name, overrides, "");
}

Scenario load_variant_text(std::string_view yaml, const std::string& file_name,
                           const std::string& variant,
                           const std::vector<ScalarOverride>& overrides) {
  return load(yaml, file_name, overrides, variant);
}

std::string read_scenario_text(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) {
    throw InputError({path, 0, 0}, "cannot read the scenario: no such file");
  }
  if (fs::is_directory(status)) {
    throw InputError({path, 0, 0}, "cannot read the scenario: this is a directory, not a file");
  }
  if (!fs::is_regular_file(status)) {
    throw InputError({path, 0, 0}, "cannot read the scenario: not a regular file");
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > kMaxYamlBytes) {
    throw InputError({path, 0, 0}, "the file is larger than " +
                                       std::to_string(kMaxYamlBytes >> 20) +
                                       " MiB; a scenario is a few kilobytes");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError({path, 0, 0},
                     std::string("cannot read the scenario: ") + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    throw InputError({path, 0, 0}, "cannot read the scenario: read error");
  }
  return text.str();
}

Scenario load_scenario_file(const std::string& path, const std::vector<ScalarOverride>& overrides) {
  return load_scenario_text(read_scenario_text(path), path, overrides);
}

Scenario load_variant_file(const std::string& path, const std::string& variant,
                           const std::vector<ScalarOverride>& overrides) {
  return load_variant_text(read_scenario_text(path), path, variant, overrides);
}

ScalarOverride parse_override(std::string_view argument) {
  const std::size_t equals = argument.find('=');
  if (equals == std::string_view::npos || equals == 0) {
    throw InputError({kOverrideFile, 0, 0}, "expected PATH=VALUE (e.g. shocks.covid.p=0.5), got '" +
                                                std::string(argument) + "'");
  }
  return {std::string(argument.substr(0, equals)), std::string(argument.substr(equals + 1))};
}

}  // namespace parley
