#pragma once
// A univariate probability distribution over one scenario parameter: one family's law
// (sim/model/families/, listed in family_list.hpp) with, optionally, a truncation or a clamp
// around it.
//
//   Distribution d = Distribution::normal(1250, 50).truncated(1100, 1400);
//   double x = d.sample(stream);        // stream: a 64-bit uniform random bit generator
//   double q = d.quantile(0.95);        // inverse CDF, used by the copula
//
// Factories validate their parameters and throw std::invalid_argument with a message that names
// the offending parameter and value, e.g. "sd must be >= 0, got -1".
#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "sim/model/families/family_list.hpp"
#include "sim/model/unit_interval.hpp"

namespace parley {

class Distribution {
 public:
  Distribution() = default;  // the constant 0
  // A family's law as its factory checked it (family::Normal::make, say).
  static Distribution of(FamilyLaw law) {
    Distribution d;
    d.law_ = std::move(law);
    return d;
  }
  // Shorthands for the families' factories.
  static Distribution constant(double value) { return family::Constant::make(value); }
  static Distribution uniform(double min, double max) { return family::Uniform::make(min, max); }
  static Distribution normal(double mean, double sd) { return family::Normal::make(mean, sd); }
  static Distribution lognormal(double median, double sigma) {
    return family::Lognormal::make(median, sigma);
  }
  static Distribution triangular(double min, double mode, double max) {
    return family::Triangular::make(min, mode, max);
  }
  static Distribution pert(double min, double mode, double max, double lambda = 4.0) {
    return family::Pert::make(min, mode, max, lambda);
  }
  static Distribution beta(double a, double b, double min = 0.0, double max = 1.0) {
    return family::Beta::make(a, b, min, max);
  }
  static Distribution discrete(std::vector<double> values, std::vector<double> weights) {
    return family::Discrete::make(std::move(values), std::move(weights));
  }

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

  // The family's law: std::get<family::Normal>(d.law()).sd, say.
  const FamilyLaw& law() const { return law_; }
  template <class Family>
  bool holds() const {
    return std::holds_alternative<Family>(law_);
  }
  std::string_view family_name() const {
    return std::visit([](const auto& f) -> std::string_view { return f.kName; }, law_);
  }
  bool is_truncated() const { return truncated_; }
  bool is_constant() const;
  // An untruncated uniform that no clamp can move: sample() is then exactly min + (max - min) *
  // u for the unit u of the stream's first word, which the engine computes from a word it holds.
  bool is_plain_uniform() const {
    const auto* u = std::get_if<family::Uniform>(&law_);
    return u && !truncated_ && !(u->min < floor_);
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
    if (truncated_ && !by_rejection_) return 1;  // one uniform for the inverse CDF
    return std::visit([](const auto& f) { return f.kUsualWords; }, law_);
  }

  static constexpr double kRejectionMass = 0.1;

  // Hot path: one or a few 64-bit words from `g`, no allocation.
  template <class Urng>
  double sample(Urng& g) const {
    if (!truncated_) return clamp(sample_untruncated(g));
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
    return std::visit([&g](const auto& f) { return f.sample(g); }, law_);
  }
  double clamp(double x) const { return x < floor_ ? floor_ : x; }
  bool is_discrete() const;
  double raw_cdf(double x) const;
  double raw_mass_below(double x) const;
  double raw_quantile(double u) const;

  FamilyLaw law_;
  // Truncation to [lo_, hi_], whose raw CDF values are cdf_lo_ and cdf_hi_.
  bool truncated_ = false;
  bool by_rejection_ = false;  // truncated, continuous, keeping >= kRejectionMass
  double lo_ = -HUGE_VAL, hi_ = HUGE_VAL;
  double cdf_lo_ = 0, cdf_hi_ = 1;
  double floor_ = -HUGE_VAL;  // clamp for negligible lower tails, see at_least()
};

}  // namespace parley
