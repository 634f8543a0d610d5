#pragma once
// The JSON answer of POST /api/run: per table, for the requested group, each metric's
// distribution as a figure series (analysis/results/report/figures.js draws them) for the
// what-if and the baseline, their summaries and outcome shares.
//
//   {"scenario": "korea_sma11", "seed": 2019, "trials": 100000, "group": "all",
//    "groups": ["all", "election=trump", ...], "elapsed_ms": 61.2,
//    "tables": [{"name": "seoul", "currency": "KRW_bn", "baseline": 1038.9,
//                "metrics": [{"metric": "amount", "series": [WHAT_IF, BASELINE]}, ...],
//                "outcomes": [{"name": "what-if", "shares": {"agreed": {...}, ...}}, ...]}]}
//
// A series: {"name", "role": "variant"|"baseline", "n", "mean", "bins": [{lo, hi, density,
// cdf, count}], "quantiles": {"p05", "p25", "p50", "p75", "p95"}, "quantile_error"}; numbers
// that are undefined (no trials in the group) are null.
#include <nlohmann/json.hpp>

#include "sim/serve/run_request.hpp"
#include "sim/serve/what_if_run.hpp"

namespace parley::serve {

nlohmann::json what_if_json(const WhatIf& run, const RunRequest& request, double elapsed_ms);

}  // namespace parley::serve
