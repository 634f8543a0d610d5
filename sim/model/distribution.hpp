#pragma once
// A univariate probability distribution over one scenario parameter.
//
//   Distribution d = Distribution::normal(1250, 50).truncated(1100, 1400);
//   double x = d.sample(stream);        // stream: a 64-bit uniform random bit generator
//   double q = d.quantile(0.95);        // inverse CDF, used by the copula
//
// Factories validate their parameters and throw std::invalid_argument with a message that names
// the offending parameter and value, e.g. "sd must be >= 0, got -1".
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/triangle_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/model/gamma_variate.hpp"
#include "sim/model/unit_interval.hpp"

namespace parley {

enum class DistributionFamily {
  constant,
  uniform,
  normal,
  lognormal,
  triangular,
  pert,
  beta,
  discrete
};

const char* to_string(DistributionFamily family);

class Distribution {
 public:
  Distribution() = default;  // the constant 0
  static Distribution constant(double value);
  static Distribution uniform(double min, double max);
  static Distribution normal(double mean, double sd);
  static Distribution lognormal(double median, double sigma);
  static Distribution triangular(double min, double mode, double max);
  // PERT: a beta on [min, max] with mean (min + lambda * mode + max) / (lambda + 2).
  static Distribution pert(double min, double mode, double max, double lambda = 4.0);
  static Distribution beta(double a, double b, double min = 0.0, double max = 1.0);
  static Distribution discrete(std::vector<double> values, std::vector<double> weights);

  // Restricts to [lo, hi]. Draws are exact either way: by rejection from the untruncated
  // sampler when [lo, hi] keeps at least kRejectionMass of the probability (at most 10 tries on
  // average, where an inverse beta CDF alone costs tens of microseconds), by inverse CDF
  // otherwise. Throws when lo > hi or the interval carries no probability.
  Distribution truncated(double lo, double hi) const;
  // Truncates from below only where it matters at double precision: a bound whose tail mass is
  // under 2^-53 changes no inverse-CDF draw, so it is recorded as a clamp instead.
  Distribution at_least(double lo) const;
  // The distribution of k * X for k > 0 (relative amounts times a baseline).
  Distribution scaled(double k) const;

  DistributionFamily family() const { return family_; }
  bool is_truncated() const { return truncated_; }
  bool is_constant() const;
  // An untruncated uniform that no clamp can move: sample() is then exactly min + (max - min) *
  // u for the unit u of the stream's first word, which the engine computes from a word it holds.
  bool is_plain_uniform() const {
    return family_ == DistributionFamily::uniform && !truncated_ && !(p_[0] < floor_);
  }
  double truncation_lower() const { return lo_; }
  double truncation_upper() const { return hi_; }

  double cdf(double x) const;
  double quantile(double u) const;
  // Exact moments of the (possibly truncated) distribution; truncated ones by quadrature.
  double mean() const;
  double variance() const;
  // Smallest and largest value a draw can take (may be infinite).
  double support_lower() const;
  double support_upper() const;
  // "normal(mean=1250, sd=50) truncated to [1100, 1400]"
  std::string describe() const;

  // How many 64-bit words a draw usually takes (a beta or PERT four: two gammas of a normal and
  // a uniform each; rejections take more), so that callers can compute them ahead.
  int usual_words() const {
    if (is_constant()) return 0;
    const bool by_gammas =
        family_ == DistributionFamily::pert || family_ == DistributionFamily::beta;
    return by_gammas && (!truncated_ || by_rejection_) ? 4 : 1;
  }

  static constexpr double kRejectionMass = 0.1;

  // Hot path: one or a few 64-bit words from `g`, no allocation.
  template <class Urng>
  double sample(Urng& g) const {
    if (!truncated_) return clamp(sample_untruncated(g));  // discrete: clamp(quantile(u))
    if (by_rejection_) {
      for (;;) {
        const double x = sample_untruncated(g);
        if (lo_ <= x && x <= hi_) return x;
      }
    }
    return quantile(open_unit_interval(g));
  }

 private:
  template <class Urng>
  double sample_untruncated(Urng& g) const {
    switch (family_) {
      case DistributionFamily::constant:
        return p_[0];
      case DistributionFamily::uniform:
        return p_[0] + (p_[1] - p_[0]) * open_unit_interval(g);
      case DistributionFamily::normal:
        return boost::random::normal_distribution<double>(p_[0], p_[1])(g);
      case DistributionFamily::lognormal:
        return boost::random::lognormal_distribution<double>(log_median_, p_[1])(g);
      case DistributionFamily::triangular: {
        auto sampler = triangle_;  // Boost's operator() is not const; it changes no state
        return sampler(g);
      }
      case DistributionFamily::pert:
      case DistributionFamily::beta:
        return p_[2] + (p_[3] - p_[2]) * beta_variate(gamma_[0], gamma_[1], g);
      case DistributionFamily::discrete:
        break;
    }
    return quantile(open_unit_interval(g));
  }
  double clamp(double x) const { return x < floor_ ? floor_ : x; }
  double raw_cdf(double x) const;
  double raw_quantile(double u) const;
  double raw_mean() const;
  double raw_variance() const;

  DistributionFamily family_ = DistributionFamily::constant;
  // constant: value; uniform: min, max; normal: mean, sd; lognormal: median, sigma;
  // triangular: min, mode, max; pert and beta: shape a, shape b, min, max (pert keeps mode and
  // lambda in extra_ for describe()).
  double p_[4] = {0, 0, 0, 0};
  double extra_[2] = {0, 0};
  double log_median_ = 0;
  GammaShape gamma_[2];  // pert and beta: the sampler's constants for shapes a and b
  // triangular: Boost's sampler, whose constructor takes two square roots: built once here.
  boost::random::triangle_distribution<double> triangle_;
  std::vector<double> values_;      // discrete, ascending
  std::vector<double> cumulative_;  // discrete, normalised cumulative weights
  bool truncated_ = false;
  bool by_rejection_ = false;  // truncated, continuous, keeping >= kRejectionMass
  double lo_ = -HUGE_VAL, hi_ = HUGE_VAL;
  double cdf_lo_ = 0, cdf_hi_ = 1;  // raw CDF at the truncation bounds
  double floor_ = -HUGE_VAL;        // clamp for negligible lower tails, see at_least()
};

}  // namespace parley
