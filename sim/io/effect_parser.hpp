#pragma once
// Lists of effects (shock effects, outcome effects, on_deadline.lapse_effects) -> parley::Effect.
// Needs every actor and table name of the draft (tables register their names before reading).
//
//   std::vector<Effect> e = read_effects(node, "shocks.covid.effects", draft);
#include <string>
#include <vector>

#include "sim/io/scenario_draft.hpp"

namespace parley {

std::vector<Effect> read_effects(const YamlNode& list, const std::string& path,
                                 ScenarioDraft& draft);

}  // namespace parley
