#pragma once
// The short human summary `parley run` prints on stdout: per table the outcome shares, amount
// and change_pct p05/p50/p95, and a small text histogram of the amount.
//
//   write_text_report(std::cout, run_scenario(scenario));
#include <ostream>

#include "analysis/statistics/run_scenario.hpp"

namespace parley {

// At most this many rows of bars in the amount histogram.
inline constexpr int kTextHistogramRows = 16;

void write_text_report(std::ostream& out, const RunResult& result);

}  // namespace parley
