#pragma once
// The `variants:` block of a scenario file: named what-ifs, each a map of settings applied like
// `--set PATH=VALUE`. read_variants (scenario_draft.hpp) records them in Scenario::variants;
// these two functions apply them to the YAML tree, where values keep their file locations so
// that a mistake is reported at the variant's line.
//
//   check_variants(root, "korea_sma12.yaml", read_scenario_tree, found);   // every variant
//   apply_variant(root, *find_variant(root, "trump_wins"), found);         // then read root
#include <functional>
#include <string>
#include <string_view>

#include "sim/io/yaml_reader.hpp"
#include "sim/io/yaml_tree.hpp"

namespace parley {

// The entry of `name` in root's `variants:` map, or nullptr.
const YamlEntry* find_variant(const YamlNode& root, std::string_view name);

// Replaces the node at every setting's path by the setting's value. A path that does not exist
// is reported at the setting's key as `variants.NAME.set.PATH: no 'x' in ...`.
void apply_variant(YamlNode& root, const YamlEntry& variant, Diagnostics& found);

// Applies each variant to a copy of `root` and reads the copy with `read_tree`; each mistake is
// reported as `variants.NAME: ...`, at its own place when that lies inside the variant, else at
// the variant's name (e.g. outcome probabilities that no longer sum to 1).
void check_variants(const YamlNode& root, const std::string& file,
                    const std::function<void(const YamlNode&, Reader&)>& read_tree,
                    Diagnostics& found);

}  // namespace parley
