#include "analysis/studies/sweep/sobol_indices.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

#include "sim/model/distribution.hpp"

namespace parley::sweep {
namespace {

// Point estimates on the base rows `rows` (a bootstrap resample, or 0..N-1).
struct Estimates {
  double variance = 0;
  std::vector<double> first, total;
};

Estimates estimate(const std::vector<double>& y, int dims, const std::vector<std::size_t>& rows) {
  const std::size_t stride = static_cast<std::size_t>(dims) + 2;
  const double n = static_cast<double>(rows.size());
  double sum = 0;
  for (std::size_t j : rows)
    sum += y[j * stride] + y[j * stride + dims + 1];
  const double mean = sum / (2 * n);
  double squares = 0;
  for (std::size_t j : rows) {
    const double a = y[j * stride] - mean, b = y[j * stride + dims + 1] - mean;
    squares += a * a + b * b;
  }
  const double variance = squares / (2 * n);
  Estimates out{variance, std::vector<double>(dims), std::vector<double>(dims)};
  for (int i = 0; i < dims; ++i) {
    double first = 0, total = 0;
    for (std::size_t j : rows) {
      // Centred outputs: the indices are shift-invariant, the estimator's variance is not.
      const double fa = y[j * stride] - mean, fb = y[j * stride + dims + 1] - mean;
      const double fab = y[j * stride + 1 + i] - mean;
      first += fb * (fab - fa);
      total += (fa - fab) * (fa - fab);
    }
    out.first[i] = variance > 0 ? first / n / variance : NAN;
    out.total[i] = variance > 0 ? total / (2 * n) / variance : NAN;
  }
  return out;
}

double percentile(std::vector<double>& sorted_values, double q) {
  const double at = q * static_cast<double>(sorted_values.size() - 1);
  const std::size_t below = static_cast<std::size_t>(std::floor(at));
  const std::size_t above = std::min(sorted_values.size() - 1, below + 1);
  const double t = at - static_cast<double>(below);
  return sorted_values[below] + t * (sorted_values[above] - sorted_values[below]);
}

}  // namespace

bool is_power_of_two(long long n) {
  return n > 0 && (n & (n - 1)) == 0;
}

SobolIndices sobol_indices(const std::vector<double>& y, int dims, int resamples,
                           std::uint64_t seed) {
  const std::size_t stride = static_cast<std::size_t>(dims) + 2;
  if (dims < 1 || y.empty() || y.size() % stride != 0 || resamples < 1)
    throw std::invalid_argument("sobol_indices: need samples * (dims + 2) outputs, got " +
                                std::to_string(y.size()) + " for dims " + std::to_string(dims));
  const std::size_t samples = y.size() / stride;
  SobolIndices out;
  out.first.resize(dims);
  out.total.resize(dims);
  if (std::any_of(y.begin(), y.end(), [](double v) { return std::isnan(v); })) {
    out.variance = NAN;
    for (auto* list : {&out.first, &out.total})
      for (SobolEstimate& e : *list)
        e = {NAN, NAN, NAN};
    return out;
  }
  std::vector<std::size_t> rows(samples);
  for (std::size_t j = 0; j < samples; ++j)
    rows[j] = j;
  const Estimates point = estimate(y, dims, rows);

  std::mt19937_64 g(seed);
  std::vector<std::vector<double>> first(dims), total(dims);
  for (int r = 0; r < resamples; ++r) {
    for (std::size_t& j : rows)
      j = std::min(samples - 1,
                   static_cast<std::size_t>(open_unit_interval(g) * static_cast<double>(samples)));
    const Estimates again = estimate(y, dims, rows);
    for (int i = 0; i < dims; ++i) {
      first[i].push_back(again.first[i]);
      total[i].push_back(again.total[i]);
    }
  }
  out.variance = point.variance;
  const auto interval = [](double value, std::vector<double>& draws) {
    if (std::isnan(value)) return SobolEstimate{NAN, NAN, NAN};
    std::sort(draws.begin(), draws.end(), [](double a, double b) {
      return std::isnan(b) ? !std::isnan(a) : a < b;  // NaNs (V = 0 in a resample) last
    });
    while (!draws.empty() && std::isnan(draws.back()))
      draws.pop_back();
    if (draws.empty()) return SobolEstimate{value, NAN, NAN};
    return SobolEstimate{value, percentile(draws, 0.025), percentile(draws, 0.975)};
  };
  for (int i = 0; i < dims; ++i) {
    out.first[i] = interval(point.first[i], first[i]);
    out.total[i] = interval(point.total[i], total[i]);
  }
  return out;
}

}  // namespace parley::sweep
