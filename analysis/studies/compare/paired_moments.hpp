#pragma once
// Streaming moments of one metric observed in two runs of the same trials (a baseline and a
// variant on common random numbers), for the paired standard error of the difference of means.
//
//   PairedMoments m;
//   m.add(baseline.tables[0].amount, variant.tables[0].amount);   // NaN: undefined in that run
//   total.merge(m);                                              // in block order
//   std::optional<double> se = total.se_of_difference();
//
// The mean of a run is over the trials where the metric is defined (an amount over the settled
// trials), a ratio estimator; its difference's variance is estimated by the delta method:
//   Var(mean_B - mean_A) ~ M2_B / N_B^2 + M2_A / N_A^2 - 2 C_AB / (N_A N_B),
// where M2 are the sums of squared deviations of each run, and C_AB the sum over the trials where
// both are defined of (b - mean_B)(a - mean_A). With C_AB = 0 it is the unpaired formula
// se_A^2 + se_B^2 (up to n versus n - 1). Identical runs give exactly 0.
#include <cstdint>
#include <optional>

#include "analysis/statistics/running_moments.hpp"

namespace parley {

class PairedMoments {
 public:
  void add(double baseline, double variant) {
    const bool has_a = !std::isnan(baseline), has_b = !std::isnan(variant);
    if (has_a) a_.add(baseline);
    if (has_b) b_.add(variant);
    if (has_a && has_b) {
      // Bivariate Welford, in the same arithmetic as RunningMoments (so that identical
      // streams give a co-moment equal to each M2, bit for bit).
      ++both_;
      const double delta_a = baseline - both_mean_a_;
      both_mean_a_ += delta_a / static_cast<double>(both_);
      const double delta_b = variant - both_mean_b_;
      both_mean_b_ += delta_b / static_cast<double>(both_);
      comoment_ += delta_a * (variant - both_mean_b_);
    }
  }
  void merge(const PairedMoments& other);

  const RunningMoments& baseline() const { return a_; }
  const RunningMoments& variant() const { return b_; }
  std::int64_t both_defined() const { return both_; }
  // Empty when either run has no defined value.
  std::optional<double> difference() const;
  // Paired standard error of difference(); empty when either run has fewer than two values.
  std::optional<double> se_of_difference() const;
  // What the standard error would be for two independent runs: sqrt(se_A^2 + se_B^2).
  std::optional<double> unpaired_se() const;

 private:
  RunningMoments a_, b_;
  std::int64_t both_ = 0;
  double both_mean_a_ = 0, both_mean_b_ = 0;
  double comoment_ = 0;  // sum over both-defined trials of (a - mean a)(b - mean b)
};

}  // namespace parley
