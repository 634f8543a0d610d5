#pragma once
// What `parley compare` counts beyond each run's own statistics: for every variant and table,
// paired differences against the baseline over the same trials (common random numbers).
// Memory depends on the scenario, never on the number of trials.
//
//   PairedStatistics block(variants, tables);
//   block.add(runs);                 // runs[0]: the baseline's TrialResult, runs[1 + v]: variant v
//   BlockQuantiles q(runs.size(), tables);  q.add(runs);  q.finish();    // per 4096-trial block
//   total.merge(block);  total.add_block(q);                           // strictly in block order
//
// Outcome shares: the difference d_i = [B_i = o] - [A_i = o] is counted exactly in integers.
// Means: PairedMoments (delta method). Quantile shifts: batch means over the fixed blocks of
// kTrialsPerBlock trials: each full block's type-1 quantile of the variant minus the baseline's,
// whose standard deviation / sqrt(blocks) estimates the standard error of the shift. The blocks
// do not depend on the thread count, so neither does any number here.
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/statistics/running_moments.hpp"
#include "analysis/studies/compare/paired_moments.hpp"
#include "sim/engine/trial_result.hpp"

namespace parley {

// The metrics compared, and the quantiles whose shift is reported.
inline constexpr std::array<Metric, 2> kPairedMetrics = {Metric::amount, Metric::month};
inline constexpr std::array<int, 3> kShiftPercents = {5, 50, 95};

// One (variant, table).
struct PairedCell {
  std::int64_t trials = 0;
  std::array<std::int64_t, kOutcomeCount> outcome_difference{};  // sum of d_i per outcome
  std::array<std::int64_t, kOutcomeCount> outcome_disagree{};    // sum of d_i^2
  std::int64_t outcome_changed = 0;                              // trials whose outcome differs
  std::int64_t amount_changed = 0;  // trials whose amount differs (or exists in one run only)
  std::array<PairedMoments, kPairedMetrics.size()> metrics;
  // Per metric and shift percent: moments of the full blocks' quantile differences.
  std::array<std::array<RunningMoments, kShiftPercents.size()>, kPairedMetrics.size()> block_shift;
  // A full block in which a quantile was undefined in one run (no defined value): no batch
  // means for that metric.
  std::array<bool, kPairedMetrics.size()> block_shift_broken{};
};

// The type-1 quantiles of one block's values, per run, table, paired metric and shift percent.
class BlockQuantiles {
 public:
  BlockQuantiles(int runs, int tables);
  void add(const std::vector<TrialResult>& runs);
  // Computes the quantiles of the values added since clear().
  void finish();
  void clear();
  std::int64_t trials() const { return trials_; }
  std::optional<double> quantile(int run, int table, int metric, int shift) const;

 private:
  std::size_t index(int run, int table, int metric) const {
    return (static_cast<std::size_t>(run) * tables_ + table) * kPairedMetrics.size() + metric;
  }
  int runs_ = 0, tables_ = 0;
  std::int64_t trials_ = 0;
  std::vector<std::vector<double>> values_;
  std::vector<std::array<std::optional<double>, kShiftPercents.size()>> quantiles_;
};

class PairedStatistics {
 public:
  PairedStatistics(int variants, int tables);
  // One trial of every run: runs[0] the baseline, runs[1 + v] variant v.
  void add(const std::vector<TrialResult>& runs);
  void merge(const PairedStatistics& other);
  // A block's quantiles; only full blocks (kTrialsPerBlock trials) enter the batch means.
  void add_block(const BlockQuantiles& block);
  void clear();

  int variants() const { return variants_; }
  int tables() const { return tables_; }
  const PairedCell& cell(int variant, int table) const {
    return cells_.at(static_cast<std::size_t>(variant) * tables_ + table);
  }

 private:
  PairedCell& cell(int variant, int table) {
    return cells_[static_cast<std::size_t>(variant) * tables_ + table];
  }
  int variants_ = 0, tables_ = 0;
  std::vector<PairedCell> cells_;
};

// The type-1 quantile (k-th smallest, k = ceil(percent n / 100)) of `values` (reordered).
std::optional<double> type1_quantile(std::vector<double>& values, int percent);

}  // namespace parley
