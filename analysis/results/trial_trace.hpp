#pragma once
// The text of `parley trace`: one trial round by round, with the scenario's names. The parameters
// drawn, the shock calendar, every proposal with the other side's threshold, stalls, deadline
// events, effects, links and each table's settlement; the result printed is run_trial's.
//
//   std::cout << trial_trace(scenario, /*seed=*/2019, /*trial=*/17);
//
// Numbers are printed with 6 significant digits (format_significant), an undefined one as "-".
#include <cstdint>
#include <string>

#include "sim/model/scenario.hpp"

namespace parley {

std::string trial_trace(const Scenario& scenario, std::uint64_t seed, std::int64_t trial);

}  // namespace parley
