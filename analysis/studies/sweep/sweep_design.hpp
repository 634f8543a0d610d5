#pragma once
// Where a sweep evaluates the scenario: the design points, each a value per swept parameter.
//
//   Design d = make_design(params, Method::lhs, /*samples=*/64, /*seed=*/2019);
//   d.values[17][0];   // text of parameter 0 at point 17, handed to the scenario loader
//
// grid:   cartesian product of every parameter's grid values; the FIRST parameter varies
//         slowest (nested loops in --param order).
// lhs:    Latin hypercube of `samples` points: each of the `samples` equal strata of every
//         dimension holds exactly one point; strata permutations and in-stratum jitter come
//         from a std::mt19937_64 seeded by the sweep seed.
// random: `samples` independent uniform points (same generator).
// sobol:  Saltelli's scheme for Sobol indices on the unscrambled Sobol sequence (Joe-Kuo
//         direction numbers, Boost.Random; the all-zero first point is skipped) of dimension
//         2d: A = its first d coordinates, B = the last d. For each base row j < samples the
//         design holds d + 2 consecutive points: A_j, AB^1_j ... AB^d_j, B_j, where AB^i is A
//         with column i taken from B. Total samples * (d + 2) points.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/studies/sweep/sweep_param.hpp"

namespace parley::sweep {

enum class Method { grid, lhs, sobol, random };
const char* to_string(Method method);
// Throws InputError (--method) for an unknown name.
Method method_from_string(std::string_view name);

struct Design {
  Method method = Method::grid;
  int samples = 0;                               // N as asked (sobol: the base size)
  std::vector<std::vector<std::string>> values;  // [point][parameter]

  std::size_t points() const { return values.size(); }
};

// `samples` is required (>= 1) for lhs, random and sobol; for grid it is the point count of
// ranges written without one (0: none). Throws InputError for an impossible request.
Design make_design(const std::vector<SweepParam>& params, Method method, int samples,
                   std::uint64_t seed);

// The unit-cube layers, exposed for tests. Each returns [point][dimension] in [0, 1).
std::vector<std::vector<double>> latin_hypercube(int points, int dims, std::uint64_t seed);
std::vector<std::vector<double>> uniform_random_points(int points, int dims, std::uint64_t seed);
std::vector<std::vector<double>> sobol_sequence(int points, int dims);
// Saltelli layout (see above) in the unit cube: samples * (dims + 2) rows.
std::vector<std::vector<double>> saltelli_points(int samples, int dims);

}  // namespace parley::sweep
