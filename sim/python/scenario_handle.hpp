#pragma once
// A validated scenario as the Python package holds it: the file's text and the overrides it
// was loaded with (a run, sweep or evaluation re-applies them to the same text), and the
// Scenario they give.
//
//   ScenarioHandle s = ScenarioHandle::load("scenarios/korea_sma11.yaml", {{"seed", "7"}});
//   ScenarioHandle t = s.with_overrides({{"tables.seoul.stall_p", "0.2"}});
#include <string>
#include <vector>

#include "sim/io/scenario_loader.hpp"

namespace parley::python {

struct ScenarioHandle {
  std::string file;  // as given to load()
  std::string yaml;  // the file's bytes
  std::vector<ScalarOverride> overrides;
  Scenario scenario;

  // Throws InputError, located in the file or as --set:K:COL for override K.
  static ScenarioHandle load(const std::string& file, std::vector<ScalarOverride> overrides);
  // The same text with `more` overrides after the existing ones (a later one wins).
  ScenarioHandle with_overrides(const std::vector<ScalarOverride>& more) const;
};

}  // namespace parley::python
