#include "sim/engine/trial_result.hpp"

namespace parley {

const char* to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::agreed:
      return "agreed";
    case Outcome::extended:
      return "extended";
    case Outcome::no_deal:
      return "no_deal";
  }
  return "?";
}

double TableResult::metric(Metric m) const {
  if (outcome == Outcome::no_deal) return NAN;
  switch (m) {
    case Metric::amount:
      return amount;
    case Metric::change_pct:
      return change_pct;
    case Metric::total:
      return total;
    case Metric::month:
      return outcome == Outcome::agreed ? static_cast<double>(month) : NAN;
  }
  return NAN;
}

TrialResult TrialResult::for_scenario(const Scenario& scenario) {
  TrialResult r;
  r.tables.resize(scenario.tables.size());
  r.shocks.resize(scenario.shocks.size());
  return r;
}

}  // namespace parley
