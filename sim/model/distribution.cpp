// Distribution: truncation, the at_least clamp, and what each query asks of the family's law
// (sim/model/families/).
#include "sim/model/distribution.hpp"

#include <algorithm>
#include <boost/math/quadrature/tanh_sinh.hpp>
#include <stdexcept>

#include "sim/model/number_text.hpp"

namespace parley {
namespace {

// "truncation bounds must be numbers, got nan": the value as a default std::ostream prints it.
[[noreturn]] void reject(const std::string& what, double got) {
  throw std::invalid_argument(what + ", got " + format_significant(got, 6));
}

std::string number(double x) {
  return format_significant(x, 12);
}

// 2^-53: tail mass below which an inverse-CDF draw from a 53-bit uniform cannot land.
constexpr double kNegligibleMass = 0x1.0p-53;

}  // namespace

Distribution Distribution::truncated(double lo, double hi) const {
  if (std::isnan(lo) || std::isnan(hi)) reject("truncation bounds must be numbers", lo);
  if (lo > hi) reject("truncate lower bound must be <= upper bound (" + number(hi) + ")", lo);
  Distribution d = *this;
  d.lo_ = std::max(lo, lo_);
  d.hi_ = std::min(hi, hi_);
  d.truncated_ = true;
  // A discrete law keeps the mass at lo: the mass strictly below it is cut.
  d.cdf_lo_ = raw_mass_below(d.lo_);
  d.cdf_hi_ = raw_cdf(d.hi_);
  if (const auto* point = std::get_if<family::Constant>(&law_)) {
    // A point mass: kept whole when inside the bounds, an error otherwise.
    if (!(d.lo_ <= point->value && point->value <= d.hi_)) {
      throw std::invalid_argument("truncate [" + number(lo) + ", " + number(hi) +
                                  "] excludes the constant " + number(point->value));
    }
    d.truncated_ = false;
    return d;
  }
  if (!(d.cdf_hi_ - d.cdf_lo_ > 0)) {
    throw std::invalid_argument("truncate [" + number(lo) + ", " + number(hi) +
                                "] leaves no probability under " + describe());
  }
  d.by_rejection_ = !is_discrete() && d.cdf_hi_ - d.cdf_lo_ >= kRejectionMass;
  return d;
}

Distribution Distribution::at_least(double lo) const {
  if (support_lower() >= lo) return *this;
  const bool discrete = is_discrete();
  const double below = discrete ? 1.0 : raw_cdf(lo);
  if (!truncated_ && !discrete && below < kNegligibleMass) {
    Distribution d = *this;
    d.floor_ = std::max(floor_, lo);
    return d;
  }
  return truncated(lo, hi_);
}

Distribution Distribution::scaled(double k) const {
  if (!(k > 0) || !std::isfinite(k)) reject("scale must be a positive finite number", k);
  Distribution d = *this;
  d.law_ = std::visit([k](const auto& f) -> FamilyLaw { return f.scaled(k); }, law_);
  d.lo_ *= k;
  d.hi_ *= k;
  d.floor_ *= k;
  return d;
}

bool Distribution::is_constant() const {
  return holds<family::Constant>() || support_lower() == support_upper();
}

bool Distribution::is_discrete() const {
  return std::visit([](const auto& f) { return f.kDiscrete; }, law_);
}

double Distribution::raw_cdf(double x) const {
  return std::visit([x](const auto& f) { return f.cdf(x); }, law_);
}

double Distribution::raw_mass_below(double x) const {
  return std::visit(
      [x](const auto& f) {
        if constexpr (std::decay_t<decltype(f)>::kDiscrete)
          return f.mass_below(x);
        else
          return f.cdf(x);  // no atoms: the mass below x is the mass at or below it
      },
      law_);
}

double Distribution::raw_quantile(double u) const {
  return std::visit([u](const auto& f) { return f.quantile(u); }, law_);
}

double Distribution::cdf(double x) const {
  if (!truncated_) return raw_cdf(x);
  if (x < lo_) return 0.0;
  if (x >= hi_) return 1.0;
  return (raw_cdf(x) - cdf_lo_) / (cdf_hi_ - cdf_lo_);
}

double Distribution::quantile(double u) const {
  if (!(u >= 0 && u <= 1)) reject("quantile needs a probability in [0, 1]", u);
  if (!truncated_) return clamp(raw_quantile(u));
  const double x = raw_quantile(cdf_lo_ + u * (cdf_hi_ - cdf_lo_));
  return std::clamp(x, lo_, hi_);
}

double Distribution::support_lower() const {
  if (truncated_) return lo_;
  return std::visit([this](const auto& f) { return f.lower(floor_); }, law_);
}

double Distribution::support_upper() const {
  if (truncated_) return hi_;
  return std::visit([](const auto& f) { return f.upper(); }, law_);
}

// A truncated law's moments: sums over the values of a discrete one, quadrature of the
// quantile otherwise. (A point mass is never truncated: see truncated().)
double Distribution::mean() const {
  return std::visit(
      [this](const auto& f) {
        if (!truncated_) return f.mean();
        if constexpr (std::decay_t<decltype(f)>::kDiscrete) {
          return f.mean_within(lo_, hi_, cdf_lo_, cdf_hi_);
        } else {
          boost::math::quadrature::tanh_sinh<double> integrator;
          return integrator.integrate([this](double u) { return quantile(u); }, 0.0, 1.0);
        }
      },
      law_);
}

double Distribution::variance() const {
  return std::visit(
      [this](const auto& f) {
        if (!truncated_) return f.variance();
        if constexpr (std::decay_t<decltype(f)>::kDiscrete) {
          return f.variance_within(lo_, hi_, cdf_lo_, cdf_hi_);
        } else {
          const double m = mean();
          boost::math::quadrature::tanh_sinh<double> integrator;
          return integrator.integrate(
              [this, m](double u) {
                const double d = quantile(u) - m;
                return d * d;
              },
              0.0, 1.0);
        }
      },
      law_);
}

std::string Distribution::describe() const {
  std::string text = std::visit([](const auto& f) { return f.describe(); }, law_);
  if (truncated_) {
    text +=
        " truncated to [" + format_significant(lo_, 10) + ", " + format_significant(hi_, 10) + "]";
  }
  return text;
}

}  // namespace parley
