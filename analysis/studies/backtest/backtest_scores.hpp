#pragma once
// Scores of one observed value against a simulated distribution given as a histogram: the PIT
// (probability integral transform) and the CRPS (continuous ranked probability score).
//
//   BinnedDistribution d = BinnedDistribution::from_bins({0.0, 0.5, 1.0}, {30, 70});
//   double u = probability_integral_transform(d, 0.8);   // 0.3 + 0.7 * 0.6 = 0.72
//   double s = crps(d, 0.8);                              // in the units of the values
//
// Mass inside a bin is taken as spread evenly over it (a piecewise-linear CDF); a bin of zero
// width is a point mass. Under- and overflow counts are spread evenly between the exact
// extremes and the histogram's range (a point mass at the edge when the extreme is unknown or
// inside the range). Memory and time depend on the number of bins, never on the trials.
#include <cstdint>
#include <vector>

namespace parley {

struct BinnedDistribution {
  std::vector<double> edges;   // bins + 1 values, non-decreasing; bin i is [edges[i], edges[i+1])
  std::vector<double> counts;  // bins values >= 0
  double underflow = 0;        // values below edges.front()
  double overflow = 0;         // values at or above edges.back()
  double min = 0, max = 0;     // exact extremes; used only for the tails

  // Validates the shapes and signs (std::invalid_argument). `min`/`max` default to the range.
  static BinnedDistribution from_bins(std::vector<double> edges, std::vector<double> counts,
                                      double underflow = 0, double overflow = 0);
  static BinnedDistribution from_bins(std::vector<double> edges, std::vector<double> counts,
                                      double underflow, double overflow, double min, double max);
  // A discrete distribution: weight `weights[i]` at `values[i]` (strictly increasing), built
  // as zero-width bins joined by empty ones, so the CDF is a step function. For integer
  // months this is the exact discrete CRPS, sum over k of (F(k) - 1{k >= y})^2.
  static BinnedDistribution point_masses(const std::vector<double>& values,
                                         const std::vector<double>& weights);
  double total() const;
};

// P(X < x) and P(X <= x) under the piecewise-linear reading; they differ only at point masses.
double cdf_below(const BinnedDistribution& d, double x);
double cdf_at_or_below(const BinnedDistribution& d, double x);

// The mid-PIT (P(X < x) + P(X <= x)) / 2: uniform on [0, 1] for a calibrated forecast, and the
// expectation of the randomised PIT at ties (integer months, point masses). Throws
// std::invalid_argument for an empty distribution.
double probability_integral_transform(const BinnedDistribution& d, double x);

// CRPS(F, y) = integral of (F(x) - 1{x >= y})^2 dx, exact for the piecewise-linear F; equals
// E|X - y| - E|X - X'| / 2. For a point mass at a: |a - y|. Throws for an empty distribution.
double crps(const BinnedDistribution& d, double y);

// Inverse of the piecewise-linear CDF, p in [0, 1].
double quantile(const BinnedDistribution& d, double p);

// Whether a PIT lies in the central interval holding `level` of the probability, e.g.
// inside_central_interval(u, 0.9) <=> 0.05 <= u <= 0.95.
bool inside_central_interval(double pit, double level);

}  // namespace parley
