#include "sim/model/families/discrete.hpp"

#include <algorithm>
#include <numeric>

#include "sim/model/distribution.hpp"
#include "sim/model/families/family_math.hpp"

namespace parley::family {

Distribution Discrete::make(std::vector<double> values, std::vector<double> weights) {
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
    check_minimum(kParams[1], weights[i]);
    total += weights[i];
  }
  if (!(total > 0)) reject("weights must sum to a positive number", total);
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  Discrete law;
  double running = 0;
  for (std::size_t i : order) {
    if (weights[i] == 0) continue;
    running += weights[i];
    law.values.push_back(values[i]);
    law.cumulative.push_back(running / total);
  }
  law.cumulative.back() = 1.0;
  return Distribution::of(std::move(law));
}

Distribution Discrete::from(const FamilyArgs& a) {
  return make(a.list(0), a.list(1));
}

double Discrete::cdf(double x) const {
  auto it = std::upper_bound(values.begin(), values.end(), x);
  return it == values.begin() ? 0.0 : cumulative[it - values.begin() - 1];
}

double Discrete::mass_below(double x) const {
  auto it = std::lower_bound(values.begin(), values.end(), x);
  return it == values.begin() ? 0.0 : cumulative[it - values.begin() - 1];
}

double Discrete::quantile(double u) const {
  auto it = std::lower_bound(cumulative.begin(), cumulative.end(), u);
  if (it == cumulative.end()) --it;
  return values[it - cumulative.begin()];
}

double Discrete::mean() const {
  return mean_within(-HUGE_VAL, HUGE_VAL, 0.0, 1.0);
}

double Discrete::variance() const {
  return variance_within(-HUGE_VAL, HUGE_VAL, 0.0, 1.0);
}

double Discrete::mean_within(double lo, double hi, double cdf_lo, double cdf_hi) const {
  double m = 0, previous = cdf_lo;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i] < lo || values[i] > hi) continue;
    m += values[i] * (cumulative[i] - previous);
    previous = cumulative[i];
  }
  return m / (cdf_hi - cdf_lo);
}

double Discrete::variance_within(double lo, double hi, double cdf_lo, double cdf_hi) const {
  const double m = mean_within(lo, hi, cdf_lo, cdf_hi);
  double v = 0, previous = cdf_lo;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i] < lo || values[i] > hi) continue;
    v += (values[i] - m) * (values[i] - m) * (cumulative[i] - previous);
    previous = cumulative[i];
  }
  return v / (cdf_hi - cdf_lo);
}

std::string Discrete::describe() const {
  std::string text = "discrete(values=[";
  for (std::size_t i = 0; i < values.size(); ++i)
    text += (i ? ", " : "") + describe_number(values[i]);
  return text + "])";
}

Discrete Discrete::scaled(double k) const {
  Discrete d = *this;
  for (double& v : d.values)
    v *= k;
  return d;
}

}  // namespace parley::family
