#include "analysis/studies/compare/paired_moments.hpp"

#include <algorithm>
#include <cmath>

namespace parley {

void PairedMoments::merge(const PairedMoments& other) {
  a_.merge(other.a_);
  b_.merge(other.b_);
  if (other.both_ == 0) return;
  if (both_ == 0) {
    both_ = other.both_;
    both_mean_a_ = other.both_mean_a_;
    both_mean_b_ = other.both_mean_b_;
    comoment_ = other.comoment_;
    return;
  }
  // Chan et al.'s pairwise update, for the co-moment (as RunningMoments::merge for M2).
  const auto n1 = static_cast<double>(both_);
  const auto n2 = static_cast<double>(other.both_);
  const double n = n1 + n2;
  const double delta_a = other.both_mean_a_ - both_mean_a_;
  const double delta_b = other.both_mean_b_ - both_mean_b_;
  both_mean_a_ += delta_a * (n2 / n);
  both_mean_b_ += delta_b * (n2 / n);
  comoment_ += other.comoment_ + delta_a * delta_b * (n1 * n2 / n);
  both_ += other.both_;
}

std::optional<double> PairedMoments::difference() const {
  if (a_.count() == 0 || b_.count() == 0) return std::nullopt;
  return b_.mean() - a_.mean();
}

std::optional<double> PairedMoments::se_of_difference() const {
  if (a_.count() < 2 || b_.count() < 2) return std::nullopt;
  const auto na = static_cast<double>(a_.count());
  const auto nb = static_cast<double>(b_.count());
  // Sums of squared deviations from each run's own mean.
  const double m2_a = a_.m2();
  const double m2_b = b_.m2();
  // The co-moment about the both-defined means, moved to each run's own mean.
  const double cross = comoment_ + static_cast<double>(both_) * (both_mean_a_ - a_.mean()) *
                                       (both_mean_b_ - b_.mean());
  const double variance = (m2_b / (nb * nb) + m2_a / (na * na)) - 2 * cross / (na * nb);
  return std::sqrt(std::max(0.0, variance));
}

std::optional<double> PairedMoments::unpaired_se() const {
  if (a_.count() < 2 || b_.count() < 2) return std::nullopt;
  return std::sqrt(a_.variance() / static_cast<double>(a_.count()) +
                   b_.variance() / static_cast<double>(b_.count()));
}

}  // namespace parley
