#pragma once
// Count, mean, variance and exact extremes of a stream of values, mergeable.
//
//   RunningMoments m;  m.add(3.0);  m.add(5.0);      // Welford, one value at a time
//   total.merge(m);                                  // Chan et al., one block at a time
//   double sd = std::sqrt(total.variance());         // sample variance (n - 1)
//
// Merging blocks in a fixed order gives the same bits for any thread count: the run merges
// per-block moments strictly in block order.
#include <cmath>
#include <cstdint>

namespace parley {

class RunningMoments {
 public:
  // Runs in the hot loop of every trial.
  void add(double x) {
    ++n_;
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(n_);
    m2_ += delta * (x - mean_);
    if (x < min_) min_ = x;
    if (x > max_) max_ = x;
  }
  void merge(const RunningMoments& other);
  void clear() { *this = RunningMoments(); }

  std::int64_t count() const { return n_; }
  double mean() const { return n_ > 0 ? mean_ : NAN; }
  // Sample variance with n - 1; NaN for fewer than two values.
  double variance() const { return n_ > 1 ? m2_ / static_cast<double>(n_ - 1) : NAN; }
  // Sum of squared deviations from the mean (0 for no value).
  double m2() const { return m2_; }
  double min() const { return n_ > 0 ? min_ : NAN; }
  double max() const { return n_ > 0 ? max_ : NAN; }

 private:
  std::int64_t n_ = 0;
  double mean_ = 0;
  double m2_ = 0;  // sum of squared deviations from the mean
  double min_ = HUGE_VAL;
  double max_ = -HUGE_VAL;
};

}  // namespace parley
