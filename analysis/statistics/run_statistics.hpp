#pragma once
// The streaming statistics of a run: per (table, metric, group) an integer-count histogram on
// a fine axis plus moments and exact extremes, and per (table, group) the outcome counts.
// Memory depends on the scenario and the bins, never on the number of trials.
//
//   auto layout = std::make_shared<const StatisticsLayout>(layout_for(scenario, axes));
//   BlockStatistics block(layout);   block.add(trial_result);      // per block, in parallel
//   RunStatistics total(layout);     total.merge(block);           // strictly in block order
#include <boost/histogram/histogram.hpp>
#include <boost/histogram/make_histogram.hpp>
#include <boost/histogram/storage_adaptor.hpp>
#include <cstdint>
#include <memory>
#include <tuple>
#include <vector>

#include "analysis/statistics/bin_edges.hpp"
#include "analysis/statistics/group_layout.hpp"
#include "analysis/statistics/running_moments.hpp"
#include "sim/engine/trial_result.hpp"

namespace parley {

// What is counted: the tables, the reported metrics, the groups and the axis of each
// (table, metric), shared by every accumulator of one run.
struct StatisticsLayout {
  int tables = 0;
  std::vector<Metric> metrics;  // the scenario's outputs.metrics, in order ("metric slots")
  GroupLayout groups;
  std::vector<FineAxis> axes;  // [table * metrics.size() + slot]

  int metric_count() const { return static_cast<int>(metrics.size()); }
  const FineAxis& axis(int table, int slot) const { return axes.at(table * metric_count() + slot); }
  // The slot of `metric`, -1 when the scenario does not report it.
  int slot_of(Metric metric) const;
};

template <class Count>
class StatisticsCells {
 public:
  using Histogram =
      boost::histogram::histogram<std::tuple<FineAxis>, boost::histogram::dense_storage<Count>>;

  explicit StatisticsCells(std::shared_ptr<const StatisticsLayout> layout);

  // Counts one trial in every group it belongs to. Runs in the hot loop of every trial.
  void add(const TrialResult& r);
  // Adds the counts and moments of `other` (same layout), e.g. one finished block.
  template <class OtherCount>
  void merge(const StatisticsCells<OtherCount>& other);
  void clear();

  const StatisticsLayout& layout() const { return *layout_; }
  std::shared_ptr<const StatisticsLayout> shared_layout() const { return layout_; }
  std::int64_t trials() const { return trials_; }
  std::int64_t group_trials(int group) const { return group_trials_.at(group); }
  std::int64_t outcome_count(int table, int group, Outcome outcome) const {
    return outcome_counts_.at(outcome_index(table, group, outcome));
  }
  const Histogram& histogram(int table, int slot, int group) const {
    return cells_.at(cell_index(table, slot, group)).histogram;
  }
  const RunningMoments& moments(int table, int slot, int group) const {
    return cells_.at(cell_index(table, slot, group)).moments;
  }

 private:
  template <class>
  friend class StatisticsCells;
  struct Cell {
    Histogram histogram;
    RunningMoments moments;
  };
  std::size_t cell_index(int table, int slot, int group) const {
    return (static_cast<std::size_t>(table) * layout_->metrics.size() + slot) * groups_ + group;
  }
  std::size_t outcome_index(int table, int group, Outcome outcome) const {
    return (static_cast<std::size_t>(table) * groups_ + group) * kOutcomeCount +
           static_cast<std::size_t>(outcome);
  }

  std::shared_ptr<const StatisticsLayout> layout_;
  std::size_t groups_ = 0;
  std::vector<Cell> cells_;
  std::vector<std::int64_t> outcome_counts_;
  std::vector<std::int64_t> group_trials_;
  std::int64_t trials_ = 0;
  std::vector<int> scratch_groups_;  // the groups of the trial being added
};

// A whole run's totals (64-bit counts) and one block's partial counts (a block holds at most
// kTrialsPerBlock trials, so 32-bit counts halve the memory of the partials in flight).
using RunStatistics = StatisticsCells<std::int64_t>;
using BlockStatistics = StatisticsCells<std::uint32_t>;

extern template class StatisticsCells<std::int64_t>;
extern template class StatisticsCells<std::uint32_t>;
extern template void StatisticsCells<std::int64_t>::merge(const StatisticsCells<std::uint32_t>&);
extern template void StatisticsCells<std::int64_t>::merge(const StatisticsCells<std::int64_t>&);

}  // namespace parley
