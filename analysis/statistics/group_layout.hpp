#pragma once
// The groups results are reported for: `all`, then for each `group_by` shock (in the order
// given) one group per declared outcome, `SHOCK=OUTCOME`, and `SHOCK=none` for the trials in
// which it did not happen. Every group exists even when no trial falls into it.
//
//   GroupLayout groups = GroupLayout::for_scenario(scenario);
//   int g = groups.group_of(/*by=*/0, trial.shocks[groups.shock(0)].outcome);
//   std::cout << groups.label(g);   // "us_election_2020=biden"
#include <string>
#include <vector>

#include "sim/engine/trial_result.hpp"
#include "sim/model/scenario.hpp"

namespace parley {

class GroupLayout {
 public:
  static GroupLayout for_scenario(const Scenario& scenario);

  int size() const { return static_cast<int>(labels_.size()); }
  const std::string& label(int group) const { return labels_.at(group); }
  // Index of a label, -1 when absent.
  int find(const std::string& label) const;

  // The group_by shocks, in order.
  int grouping_count() const { return static_cast<int>(groupings_.size()); }
  int shock(int grouping) const { return groupings_[grouping].shock; }
  // The group of a trial in which grouping shock `grouping` ended in `outcome` (or kShockNone).
  int group_of(int grouping, int outcome) const {
    const Grouping& g = groupings_[grouping];
    return g.first_group + (outcome == kShockNone ? g.outcomes : outcome);
  }

  // Every group trial `r` belongs to, `all` (0) first; writes grouping_count() + 1 entries.
  void groups_of(const TrialResult& r, int* out) const {
    out[0] = 0;
    for (std::size_t i = 0; i < groupings_.size(); ++i)
      out[i + 1] = group_of(static_cast<int>(i), r.shocks[groupings_[i].shock].outcome);
  }

 private:
  struct Grouping {
    int shock = -1;
    int first_group = 0;
    int outcomes = 0;  // declared outcomes; the `none` group comes right after them
  };
  std::vector<std::string> labels_;
  std::vector<Grouping> groupings_;
};

}  // namespace parley
