#pragma once
// `--set PATH=VALUE` overrides applied to the parsed YAML tree before validation, so an
// override is checked exactly like the file. Override number k (1-based) is located as
// `--set:k:COL`, COL a column of the `PATH=VALUE` text: 1 for a bad path, the column after '='
// for the value (the value's own line and column when it spans several lines).
//
//   apply_overrides(root, {{"actors.us_trump.opening.median", "5000"}}, found);
#include <vector>

#include "sim/io/scenario_loader.hpp"
#include "sim/io/yaml_tree.hpp"

namespace parley {

inline constexpr const char* kOverrideFile = "--set";

void apply_overrides(YamlNode& root, const std::vector<ScalarOverride>& overrides,
                     Diagnostics& found);

// Replaces the node at the dotted `path` of `root` by `value` (which keeps its own location).
// A path that does not exist is reported at `path_where` ("PATH: no 'x' in 'a.b' (keys
// there: ...)") and leaves `root` unchanged; returns whether the value was placed.
bool replace_at_path(YamlNode& root, const std::string& path, YamlNode value,
                     const SourceLocation& path_where, Diagnostics& found);

}  // namespace parley
