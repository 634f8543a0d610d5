#include "analysis/studies/backtest/backtest_scores.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace parley {
namespace {

// A stretch [a, b] of the support holding `mass`, spread evenly (a point mass when a == b).
struct Piece {
  double a, b, mass;
};

// The pieces in ascending order: underflow tail, bins, overflow tail. They are contiguous,
// so the CDF is continuous except at point masses.
std::vector<Piece> pieces_of(const BinnedDistribution& d) {
  std::vector<Piece> pieces;
  pieces.reserve(d.counts.size() + 2);
  const double lo = d.edges.front();
  const double hi = d.edges.back();
  if (d.underflow > 0) {
    const double from = std::isfinite(d.min) && d.min < lo ? d.min : lo;
    pieces.push_back({from, lo, d.underflow});
  }
  for (std::size_t i = 0; i < d.counts.size(); ++i)
    pieces.push_back({d.edges[i], d.edges[i + 1], d.counts[i]});
  if (d.overflow > 0) {
    const double to = std::isfinite(d.max) && d.max > hi ? d.max : hi;
    pieces.push_back({hi, to, d.overflow});
  }
  return pieces;
}

double checked_total(const BinnedDistribution& d) {
  const double total = d.total();
  if (!(total > 0)) throw std::invalid_argument("backtest: the simulated distribution is empty");
  return total;
}

// Integral over a stretch of length 1 of the square of a linear function from u to v.
double mean_square_of_linear(double u, double v) {
  return (u * u + u * v + v * v) / 3.0;
}

// Mass of the pieces below x; points exactly at x count when `include_x`.
double mass_below(const BinnedDistribution& d, double x, bool include_x) {
  double mass = 0;
  for (const Piece& p : pieces_of(d)) {
    if (p.a == p.b) {
      if (p.a < x || (include_x && p.a == x)) mass += p.mass;
    } else if (x >= p.b) {
      mass += p.mass;
    } else if (x > p.a) {
      mass += p.mass * (x - p.a) / (p.b - p.a);
    }
  }
  return mass;
}

}  // namespace

BinnedDistribution BinnedDistribution::from_bins(std::vector<double> edges,
                                                 std::vector<double> counts, double underflow,
                                                 double overflow) {
  const double lo = edges.empty() ? 0.0 : edges.front();
  const double hi = edges.empty() ? 0.0 : edges.back();
  return from_bins(std::move(edges), std::move(counts), underflow, overflow, lo, hi);
}

BinnedDistribution BinnedDistribution::from_bins(std::vector<double> edges,
                                                 std::vector<double> counts, double underflow,
                                                 double overflow, double min, double max) {
  if (edges.size() < 2 || counts.size() + 1 != edges.size())
    throw std::invalid_argument("backtest: a histogram needs bins + 1 edges, got " +
                                std::to_string(edges.size()) + " edges for " +
                                std::to_string(counts.size()) + " bins");
  for (std::size_t i = 0; i < edges.size(); ++i) {
    if (!std::isfinite(edges[i]) || (i > 0 && edges[i] < edges[i - 1]))
      throw std::invalid_argument("backtest: histogram edges must be finite and non-decreasing");
  }
  for (double c : counts) {
    if (!(c >= 0)) throw std::invalid_argument("backtest: bin counts must be >= 0");
  }
  if (!(underflow >= 0) || !(overflow >= 0))
    throw std::invalid_argument("backtest: underflow and overflow must be >= 0");
  BinnedDistribution d;
  d.edges = std::move(edges);
  d.counts = std::move(counts);
  d.underflow = underflow;
  d.overflow = overflow;
  d.min = min;
  d.max = max;
  return d;
}

BinnedDistribution BinnedDistribution::point_masses(const std::vector<double>& values,
                                                    const std::vector<double>& weights) {
  if (values.empty() || values.size() != weights.size())
    throw std::invalid_argument("backtest: point masses need one weight per value, got " +
                                std::to_string(weights.size()) + " weights for " +
                                std::to_string(values.size()) + " values");
  std::vector<double> edges, counts;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0 && !(values[i] > values[i - 1]))
      throw std::invalid_argument("backtest: point-mass values must be strictly increasing");
    if (i > 0) counts.push_back(0);  // the empty stretch between two values
    edges.push_back(values[i]);
    edges.push_back(values[i]);
    counts.push_back(weights[i]);
  }
  return from_bins(std::move(edges), std::move(counts));
}

double BinnedDistribution::total() const {
  double sum = underflow + overflow;
  for (double c : counts)
    sum += c;
  return sum;
}

double cdf_below(const BinnedDistribution& d, double x) {
  return mass_below(d, x, false) / checked_total(d);
}

double cdf_at_or_below(const BinnedDistribution& d, double x) {
  return mass_below(d, x, true) / checked_total(d);
}

double probability_integral_transform(const BinnedDistribution& d, double x) {
  const double total = checked_total(d);
  return (mass_below(d, x, false) + mass_below(d, x, true)) / (2 * total);
}

double crps(const BinnedDistribution& d, double y) {
  const double total = checked_total(d);
  const std::vector<Piece> pieces = pieces_of(d);
  double score = 0;
  // Left of the support F = 0: only [y, start) contributes, where 1{x >= y} = 1.
  const double start = pieces.front().a;
  const double end = pieces.back().b;
  if (y < start) score += start - y;
  double cumulative = 0;
  for (const Piece& p : pieces) {
    const double f0 = cumulative / total;
    cumulative += p.mass;
    const double f1 = cumulative / total;
    const double width = p.b - p.a;
    if (width <= 0) continue;  // a point mass: a jump, no length
    if (y <= p.a) {
      score += width * mean_square_of_linear(f0 - 1, f1 - 1);
    } else if (y >= p.b) {
      score += width * mean_square_of_linear(f0, f1);
    } else {
      const double fy = f0 + (f1 - f0) * (y - p.a) / width;
      score += (y - p.a) * mean_square_of_linear(f0, fy) +
               (p.b - y) * mean_square_of_linear(fy - 1, f1 - 1);
    }
  }
  // Right of the support F = 1: only [end, y) contributes, where 1{x >= y} = 0.
  if (y > end) score += y - end;
  return score;
}

double quantile(const BinnedDistribution& d, double p) {
  if (!(p >= 0 && p <= 1))
    throw std::invalid_argument("backtest: quantile level must be in [0, 1], got " +
                                std::to_string(p));
  const double target = p * checked_total(d);
  const std::vector<Piece> pieces = pieces_of(d);
  double cumulative = 0;
  for (const Piece& piece : pieces) {
    if (piece.mass > 0 && cumulative + piece.mass >= target) {
      if (piece.a == piece.b) return piece.a;
      const double share = std::clamp((target - cumulative) / piece.mass, 0.0, 1.0);
      return piece.a + share * (piece.b - piece.a);
    }
    cumulative += piece.mass;
  }
  return pieces.back().b;
}

bool inside_central_interval(double pit, double level) {
  const double tail = (1 - level) / 2;
  return pit >= tail && pit <= 1 - tail;
}

}  // namespace parley
