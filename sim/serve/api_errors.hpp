#pragma once
// Mistakes as the API answers them: a status and a JSON body the page can show at the field.
//
//   {"error": "--set:1:32: error: actors.us_trump.opening.median: must be > 0, got -5",
//    "field": "actors.us_trump.opening.median",
//    "errors": [{"text": ..., "message": ..., "field": ..., "file": "--set", "line": 1,
//                "column": 32}]}
//
// `text` is what `parley run` prints for the same mistake; `field` is the dotted path the
// mistake concerns (for a `--set` mistake, the path of that override), "" when none.
#include <nlohmann/json.hpp>
#include <vector>

#include "sim/io/input_error.hpp"
#include "sim/io/scenario_loader.hpp"
#include "sim/serve/run_request.hpp"

namespace parley::serve {

struct ApiError {
  int status = 400;
  nlohmann::json body;
};

// `overrides` are those of the request, to name the field of a `--set:N` mistake.
ApiError input_error(const InputError& e, const std::vector<ScalarOverride>& overrides);
ApiError request_error(const RequestError& e);
ApiError plain_error(int status, const std::string& message);

}  // namespace parley::serve
