#pragma once
// YAML scenario files -> validated parley::Scenario values. The only entry point to sim/io.
//
//   Scenario s = load_scenario_file("scenarios/korea_sma11.yaml",
//                                   {{"actors.us_trump.opening.median", "5000"}});
//
// Every mistake in the file or in an override is collected and thrown together as one
// parley::InputError (FILE:LINE:COL: error: ...), in file order.
#include <string>
#include <string_view>
#include <vector>

#include "sim/model/scenario.hpp"

namespace parley {

// `--set PATH=VALUE`: replaces the scalar at a dotted PATH (e.g. "shocks.covid.p") before
// validation, so an override is checked exactly like the file. VALUE is read as YAML.
struct ScalarOverride {
  std::string path;
  std::string value;
};

Scenario load_scenario_file(const std::string& path,
                            const std::vector<ScalarOverride>& overrides = {});

// The text of a scenario file; InputError when it is missing, not a regular file, unreadable
// or implausibly large. For callers that keep the text (a sweep hashes and re-parses it).
//   std::string yaml = read_scenario_text("scenarios/korea_sma11.yaml");
std::string read_scenario_text(const std::string& path);

// Same as load_scenario_file, from text in memory; `file_name` is used in error locations.
Scenario load_scenario_text(std::string_view yaml, const std::string& file_name,
                            const std::vector<ScalarOverride>& overrides = {});

// The scenario with one variant of its `variants:` block applied: the file, then `overrides`
// (--set, shared by the baseline and every variant), then the variant's settings. Every
// variant of the file is checked too, as by load_scenario_file. An unknown `variant` is an
// InputError at FILE:0:0 naming the file's variants.
//   Scenario trump = load_variant_file("scenarios/korea_sma12.yaml", "trump_wins");
Scenario load_variant_file(const std::string& path, const std::string& variant,
                           const std::vector<ScalarOverride>& overrides = {});
Scenario load_variant_text(std::string_view yaml, const std::string& file_name,
                           const std::string& variant,
                           const std::vector<ScalarOverride>& overrides = {});

// Parses "PATH=VALUE" as given to --set; throws InputError naming the argument when malformed.
ScalarOverride parse_override(std::string_view argument);

}  // namespace parley
