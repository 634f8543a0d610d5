#pragma once
// The JSON description of one scenario that the page turns into a form
// (GET /api/scenarios/NAME): its tables, actors and shocks; every scalar `--set` can reach, with
// the kind and range the validator accepts there (sim/io/scalar_fields.hpp); the variants; the
// groups a run can be conditioned on (`group_by` shocks and their outcomes); and the file's
// own mistakes, when it has any.
//
//   {"name": "korea_sma11", "file": "scenarios/korea_sma11.yaml", "description": "...",
//    "trials": 100000, "seed": 2019, "tables": [...], "actors": [...], "shocks": [...],
//    "variants": [{"name", "description", "set": [{"path", "value"}]}],
//    "groups": [{"label": "all"}, {"label": "election=trump", "shock": "election",
//                "outcome": "trump"}, ...],
//    "fields": [{"path": "actors.us_trump.opening.median", "value": "5900", "kind": "number",
//                "min": 0, "min_open": true, "max": null, "line": 14, "section": "actors"}],
//    "errors": []}
//
// `scenario`, `trials`, `seed` and the `variants:` block are not fields: the page has its own
// seed and trials controls (they act like --seed and --trials) and shows variants as toggles.
#include <nlohmann/json.hpp>
#include <string>

#include "sim/serve/scenario_folder.hpp"

namespace parley::serve {

// Reads the file; throws InputError only when it cannot be read at all.
nlohmann::json scenario_form_json(const ScenarioFile& file);

// The library entry of a file: name, description, tables, or the first error.
nlohmann::json scenario_entry_json(const ScenarioFile& file);

}  // namespace parley::serve
