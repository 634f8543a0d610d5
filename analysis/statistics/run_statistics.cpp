#include "analysis/statistics/run_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace parley {

int StatisticsLayout::slot_of(Metric metric) const {
  for (std::size_t i = 0; i < metrics.size(); ++i)
    if (metrics[i] == metric) return static_cast<int>(i);
  return -1;
}

template <class Count>
StatisticsCells<Count>::StatisticsCells(std::shared_ptr<const StatisticsLayout> layout)
    : layout_(std::move(layout)), groups_(static_cast<std::size_t>(layout_->groups.size())) {
  if (layout_->axes.size() != static_cast<std::size_t>(layout_->tables) * layout_->metrics.size())
    throw std::invalid_argument("StatisticsLayout: one axis per (table, metric) expected");
  cells_.reserve(static_cast<std::size_t>(layout_->tables) * layout_->metrics.size() * groups_);
  for (int t = 0; t < layout_->tables; ++t)
    for (int m = 0; m < layout_->metric_count(); ++m)
      for (std::size_t g = 0; g < groups_; ++g)
        cells_.push_back(Cell{boost::histogram::make_histogram_with(
                                  boost::histogram::dense_storage<Count>(), layout_->axis(t, m)),
                              RunningMoments()});
  outcome_counts_.assign(static_cast<std::size_t>(layout_->tables) * groups_ * kOutcomeCount, 0);
  group_trials_.assign(groups_, 0);
  scratch_groups_.assign(static_cast<std::size_t>(layout_->groups.grouping_count()) + 1, 0);
}

template <class Count>
void StatisticsCells<Count>::add(const TrialResult& r) {
  ++trials_;
  layout_->groups.groups_of(r, scratch_groups_.data());
  for (int g : scratch_groups_)
    ++group_trials_[g];
  const int metric_count = layout_->metric_count();
  for (int t = 0; t < layout_->tables; ++t) {
    const TableResult& table = r.tables[t];
    for (int g : scratch_groups_)
      ++outcome_counts_[outcome_index(t, g, table.outcome)];
    for (int m = 0; m < metric_count; ++m) {
      const double value = table.metric(layout_->metrics[m]);
      if (std::isnan(value)) continue;  // undefined for this outcome (e.g. amount of no_deal)
      // One bin for all of the trial's groups (they share the axis): what fill would find.
      const int bin = layout_->axis(t, m).index(value);
      for (int g : scratch_groups_) {
        Cell& cell = cells_[cell_index(t, m, g)];
        ++cell.histogram.at(bin);
        cell.moments.add(value);
      }
    }
  }
}

template <class Count>
template <class OtherCount>
void StatisticsCells<Count>::merge(const StatisticsCells<OtherCount>& other) {
  if (other.cells_.size() != cells_.size())
    throw std::invalid_argument("StatisticsCells::merge: different layouts");
  trials_ += other.trials_;
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    cells_[i].histogram += other.cells_[i].histogram;  // throws when the axes differ
    cells_[i].moments.merge(other.cells_[i].moments);
  }
  for (std::size_t i = 0; i < outcome_counts_.size(); ++i)
    outcome_counts_[i] += other.outcome_counts_[i];
  for (std::size_t i = 0; i < group_trials_.size(); ++i)
    group_trials_[i] += other.group_trials_[i];
}

template <class Count>
void StatisticsCells<Count>::clear() {
  trials_ = 0;
  for (Cell& cell : cells_) {
    cell.histogram.reset();
    cell.moments.clear();
  }
  std::fill(outcome_counts_.begin(), outcome_counts_.end(), 0);
  std::fill(group_trials_.begin(), group_trials_.end(), 0);
}

template class StatisticsCells<std::int64_t>;
template class StatisticsCells<std::uint32_t>;
template void StatisticsCells<std::int64_t>::merge(const StatisticsCells<std::uint32_t>&);
template void StatisticsCells<std::int64_t>::merge(const StatisticsCells<std::int64_t>&);

}  // namespace parley
