// Distribution: the factories (validation), truncation, the at_least clamp, and what each query
// asks of the family's law (distribution_families.hpp).
#include "sim/model/distribution.hpp"

#include <algorithm>
#include <boost/math/quadrature/tanh_sinh.hpp>
#include <numeric>
#include <sstream>
#include <stdexcept>

namespace parley {
namespace {

// Errors from the factories: "sd must be >= 0, got -1".
[[noreturn]] void reject(const std::string& what, double got) {
  std::ostringstream out;
  out << what << ", got " << got;
  throw std::invalid_argument(out.str());
}

void require_finite(const char* name, double value) {
  if (!std::isfinite(value)) reject(std::string(name) + " must be a finite number", value);
}

std::string number(double x) {
  std::ostringstream out;
  out.precision(12);
  out << x;
  return out.str();
}

// 2^-53: tail mass below which an inverse-CDF draw from a 53-bit uniform cannot land.
constexpr double kNegligibleMass = 0x1.0p-53;

}  // namespace

Distribution Distribution::constant(double value) {
  require_finite("value", value);
  Distribution d;
  d.law_ = family::Constant{value};
  return d;
}

Distribution Distribution::uniform(double min, double max) {
  require_finite("min", min);
  require_finite("max", max);
  if (min > max) reject("min must be <= max (" + number(max) + ")", min);
  Distribution d;
  d.law_ = family::Uniform{min, max};
  return d;
}

Distribution Distribution::normal(double mean, double sd) {
  require_finite("mean", mean);
  require_finite("sd", sd);
  if (sd < 0) reject("sd must be >= 0", sd);
  if (sd == 0) return constant(mean);
  Distribution d;
  d.law_ = family::Normal{mean, sd};
  return d;
}

Distribution Distribution::lognormal(double median, double sigma) {
  require_finite("median", median);
  require_finite("sigma", sigma);
  if (median <= 0) reject("median must be > 0", median);
  if (sigma < 0) reject("sigma must be >= 0", sigma);
  if (sigma == 0) return constant(median);
  Distribution d;
  d.law_ = family::Lognormal::of(median, sigma);
  return d;
}

Distribution Distribution::triangular(double min, double mode, double max) {
  require_finite("min", min);
  require_finite("mode", mode);
  require_finite("max", max);
  if (min > mode) reject("min must be <= mode (" + number(mode) + ")", min);
  if (mode > max) reject("mode must be <= max (" + number(max) + ")", mode);
  if (min == max) return constant(min);
  Distribution d;
  d.law_ = family::Triangular::of(min, mode, max);
  return d;
}

Distribution Distribution::pert(double min, double mode, double max, double lambda) {
  require_finite("min", min);
  require_finite("mode", mode);
  require_finite("max", max);
  require_finite("lambda", lambda);
  if (min > mode) reject("min must be <= mode (" + number(mode) + ")", min);
  if (mode > max) reject("mode must be <= max (" + number(max) + ")", mode);
  if (lambda <= 0) reject("lambda must be > 0", lambda);
  if (min == max) return constant(min);
  Distribution d;
  d.law_ = family::Pert::of(min, mode, max, lambda);
  return d;
}

Distribution Distribution::beta(double a, double b, double min, double max) {
  require_finite("a", a);
  require_finite("b", b);
  require_finite("min", min);
  require_finite("max", max);
  if (a <= 0) reject("a must be > 0", a);
  if (b <= 0) reject("b must be > 0", b);
  if (min >= max) reject("min must be < max (" + number(max) + ")", min);
  Distribution d;
  d.law_ = family::Beta::of(a, b, min, max);
  return d;
}

Distribution Distribution::discrete(std::vector<double> values, std::vector<double> weights) {
  if (values.empty()) throw std::invalid_argument("values must not be empty");
  if (values.size() != weights.size()) {
    throw std::invalid_argument("values and weights must have the same length, got " +
                                std::to_string(values.size()) + " values and " +
                                std::to_string(weights.size()) + " weights");
  }
  double total = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    require_finite("values", values[i]);
    require_finite("weights", weights[i]);
    if (weights[i] < 0) reject("weights must be >= 0", weights[i]);
    total += weights[i];
  }
  if (!(total > 0)) reject("weights must sum to a positive number", total);
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  family::Discrete law;
  double running = 0;
  for (std::size_t i : order) {
    if (weights[i] == 0) continue;
    running += weights[i];
    law.values.push_back(values[i]);
    law.cumulative.push_back(running / total);
  }
  law.cumulative.back() = 1.0;
  Distribution d;
  d.law_ = std::move(law);
  return d;
}

Distribution Distribution::truncated(double lo, double hi) const {
  if (std::isnan(lo) || std::isnan(hi)) reject("truncation bounds must be numbers", lo);
  if (lo > hi) reject("truncate lower bound must be <= upper bound (" + number(hi) + ")", lo);
  Distribution d = *this;
  d.lo_ = std::max(lo, lo_);
  d.hi_ = std::min(hi, hi_);
  d.truncated_ = true;
  const auto* discrete = std::get_if<family::Discrete>(&law_);
  // A discrete law keeps the mass strictly below lo and at or below hi.
  d.cdf_lo_ = discrete ? discrete->mass_below(d.lo_) : raw_cdf(d.lo_);
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
  d.by_rejection_ = !discrete && d.cdf_hi_ - d.cdf_lo_ >= kRejectionMass;
  return d;
}

Distribution Distribution::at_least(double lo) const {
  if (support_lower() >= lo) return *this;
  const bool discrete = family() == DistributionFamily::discrete;
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
  return family() == DistributionFamily::constant || support_lower() == support_upper();
}

double Distribution::raw_cdf(double x) const {
  return std::visit([x](const auto& f) { return f.cdf(x); }, law_);
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

double Distribution::mean() const {
  const bool point = family() == DistributionFamily::constant;
  if (!truncated_ || point) return std::visit([](const auto& f) { return f.mean(); }, law_);
  if (const auto* discrete = std::get_if<family::Discrete>(&law_))
    return discrete->mean_within(lo_, hi_, cdf_lo_, cdf_hi_);
  boost::math::quadrature::tanh_sinh<double> integrator;
  return integrator.integrate([this](double u) { return quantile(u); }, 0.0, 1.0);
}

double Distribution::variance() const {
  const bool point = family() == DistributionFamily::constant;
  if (!truncated_ || point) return std::visit([](const auto& f) { return f.variance(); }, law_);
  if (const auto* discrete = std::get_if<family::Discrete>(&law_))
    return discrete->variance_within(lo_, hi_, cdf_lo_, cdf_hi_);
  const double m = mean();
  boost::math::quadrature::tanh_sinh<double> integrator;
  return integrator.integrate(
      [this, m](double u) {
        const double d = quantile(u) - m;
        return d * d;
      },
      0.0, 1.0);
}

std::string Distribution::describe() const {
  std::ostringstream out;
  out.precision(10);
  std::visit([&out](const auto& f) { f.describe(out); }, law_);
  if (truncated_) out << " truncated to [" << lo_ << ", " << hi_ << "]";
  return out.str();
}

}  // namespace parley
