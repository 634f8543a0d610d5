#pragma once
// Variance-based (Sobol) sensitivity indices from a Saltelli design, with bootstrap CIs.
//
//   // y[j * (d + 2) + k]: the output at A_j (k = 0), AB^i_j (k = i + 1), B_j (k = d + 1),
//   // the layout of saltelli_points() / Method::sobol.
//   SobolIndices s = sobol_indices(y, /*dims=*/3, /*resamples=*/1000, /*seed=*/1);
//   s.first[0].estimate; s.total[0].ci_high;
//
// Estimators (Saltelli et al. 2010, Comput. Phys. Commun. 181, table 2):
//   V    = variance of the 2N outputs f(A) and f(B) (divisor 2N)
//   S_i  = (1/N) sum_j f(B)_j (f(AB^i)_j - f(A)_j) / V          (Saltelli 2010, first order)
//   ST_i = (1/2N) sum_j (f(A)_j - f(AB^i)_j)^2 / V             (Jansen 1999, total)
// Outputs are first centred by the mean of f(A) and f(B): the indices are shift-invariant but
// the estimators' variance grows with the squared mean (SALib centres as well).
// The 95% intervals are bootstrap percentiles: base rows j resampled with replacement (the
// same resample for every index, std::mt19937_64 seeded by `seed`), estimators recomputed.
// A NaN output anywhere, or V == 0, makes the indices NaN (undefined), never a guess.
#include <cstdint>
#include <vector>

namespace parley::sweep {

struct SobolEstimate {
  double estimate = 0;
  double ci_low = 0;   // 2.5% bootstrap percentile
  double ci_high = 0;  // 97.5% bootstrap percentile
};

struct SobolIndices {
  double variance = 0;               // V, the output variance the indices divide
  std::vector<SobolEstimate> first;  // per parameter
  std::vector<SobolEstimate> total;  // per parameter
};

SobolIndices sobol_indices(const std::vector<double>& y, int dims, int resamples = 1000,
                           std::uint64_t seed = 1);

// True when n is a power of two (the Sobol sequence's balance properties hold at such N).
bool is_power_of_two(long long n);

}  // namespace parley::sweep
