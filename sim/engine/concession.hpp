#pragma once
// Time-dependent concession (Faratin, Sierra and Jennings 1998, with k = 0).
//
//   ConcessionShape s = ConcessionShape::of(/*patience=*/24, /*beta=*/0.5);
//   double a = concession_level(/*clock=*/6, s);           // (6/24)^(1/0.5) = 0.0625
//   double x = concession_offer(opening, reservation, a);
//
// The same expressions serve the month-by-month reference and the fast path, so both give
// bitwise-identical offers.
#include <array>
#include <cmath>

namespace parley {

// What the level needs of an actor, with the logarithm and reciprocal computed once per change
// of parameters rather than once per round.
struct ConcessionShape {
  double patience = 0, beta = 1, inv_beta = 1, log_patience = 0;
  static ConcessionShape of(double patience, double beta) {
    return {patience, beta, 1.0 / beta, patience > 0 ? std::log(patience) : 0.0};
  }
};

namespace detail {
inline constexpr int kLogTableSize = 4096;
// log(k) for clocks 0 < k < kLogTableSize (entry 0 unused), built once.
inline const std::array<double, kLogTableSize>& clock_logs() {
  static const std::array<double, kLogTableSize> table = [] {
    std::array<double, kLogTableSize> t{};
    for (int k = 1; k < kLogTableSize; ++k)
      t[k] = std::log(static_cast<double>(k));
    return t;
  }();
  return table;
}
}  // namespace detail

// alpha(c; b, T) = min(1, c / T)^(1 / b); patience T = 0 means alpha = 1 at once.
// Runs in the hot loop: saturation, c = 0 and the linear case (b = 1, exact) skip the
// transcendental; otherwise exp((log c - log T) / b), a few ulp from pow(c / T, 1 / b) and about
// four times cheaper.
inline double concession_level(int clock, const ConcessionShape& s) {
  const double c = clock;
  if (c >= s.patience) return 1.0;
  if (clock <= 0) return 0.0;
  if (s.beta == 1.0) return c / s.patience;
  const double log_c = clock < detail::kLogTableSize ? detail::clock_logs()[clock] : std::log(c);
  return std::exp((log_c - s.log_patience) * s.inv_beta);
}

inline double concession_level(int clock, double patience, double beta) {
  return concession_level(clock, ConcessionShape::of(patience, beta));
}

// D(c) = o - (o - r) alpha for a demander, P(c) = o + (r - o) alpha for a payer: one formula.
inline double concession_offer(double opening, double reservation, double level) {
  return opening + (reservation - opening) * level;
}

}  // namespace parley
