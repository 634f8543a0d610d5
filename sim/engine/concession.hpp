#pragma once
// Time-dependent concession (Faratin, Sierra and Jennings 1998, with k = 0).
//
//   double a = concession_level(/*clock=*/6, /*patience=*/24, /*beta=*/0.5);  // (6/24)^(1/0.5)
//   double x = concession_offer(opening, reservation, a);
//
// The same expressions serve the month-by-month reference and the fast path, so both give
// bitwise-identical offers.
#include <cmath>

namespace parley {

// alpha(c; b, T) = min(1, c / T)^(1 / b); patience T = 0 means alpha = 1 at once.
// Runs in the hot loop: the linear case (b = 1) and saturation skip pow().
inline double concession_level(int clock, double patience, double beta) {
  const double c = clock;
  if (c >= patience) return 1.0;
  const double x = c / patience;
  if (beta == 1.0) return x;
  return std::pow(x, 1.0 / beta);
}

// D(c) = o - (o - r) alpha for a demander, P(c) = o + (r - o) alpha for a payer: one formula.
inline double concession_offer(double opening, double reservation, double level) {
  return opening + (reservation - opening) * level;
}

}  // namespace parley
