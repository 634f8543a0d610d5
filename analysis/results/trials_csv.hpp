#pragma once
// trials.csv (`parley run --dump-trials N`): one row per trial and table, written while the
// run goes on, in trial order.
//
//   TrialsCsvWriter writer(scenario, folder.open("trials.csv"));   // writes the header
//   options.on_trial = [&](std::int64_t i, const TrialResult& r) { writer.write(i, r); };
//
// Columns: trial,table,outcome,amount,change_pct,month,total, then one per shock (its name)
// holding the shock's outcome name or `none`. Undefined metrics are empty fields.
#include <cstdint>
#include <ostream>

#include "sim/engine/trial_result.hpp"
#include "sim/model/scenario.hpp"

namespace parley {

class TrialsCsvWriter {
 public:
  TrialsCsvWriter(const Scenario& scenario, std::ostream& out);
  void write(std::int64_t trial, const TrialResult& result);

 private:
  const Scenario& scenario_;
  std::ostream& out_;
};

}  // namespace parley
