#include "analysis/statistics/group_layout.hpp"

namespace parley {

GroupLayout GroupLayout::for_scenario(const Scenario& scenario) {
  GroupLayout layout;
  layout.labels_.push_back("all");
  for (int shock_index : scenario.outputs.group_by) {
    const Shock& shock = scenario.shocks.at(shock_index);
    Grouping g;
    g.shock = shock_index;
    g.first_group = static_cast<int>(layout.labels_.size());
    g.outcomes = static_cast<int>(shock.outcomes.size());
    for (const ShockOutcome& outcome : shock.outcomes)
      layout.labels_.push_back(shock.name + "=" + outcome.name);
    layout.labels_.push_back(shock.name + "=none");
    layout.groupings_.push_back(g);
  }
  return layout;
}

int GroupLayout::find(const std::string& label) const {
  for (std::size_t i = 0; i < labels_.size(); ++i)
    if (labels_[i] == label) return static_cast<int>(i);
  return -1;
}

}  // namespace parley
