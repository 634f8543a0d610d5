#include "analysis/studies/sweep/sweep_design.hpp"

#include <boost/random/sobol.hpp>
#include <random>

#include "sim/io/input_error.hpp"
#include "sim/model/distribution.hpp"

namespace parley::sweep {
namespace {

// Separates the design's generator from the simulation streams keyed by the same seed.
constexpr std::uint64_t kDesignSalt = 0x5eedde5167ULL;

[[noreturn]] void fail(const std::string& option, const std::string& message) {
  throw InputError({option, 0, 0}, message);
}

// Unbiased enough for design permutations: floor(u * n) with u from 53 random bits.
std::size_t below(std::mt19937_64& g, std::size_t n) {
  return std::min(n - 1, static_cast<std::size_t>(open_unit_interval(g) * static_cast<double>(n)));
}

}  // namespace

const char* to_string(Method method) {
  switch (method) {
    case Method::grid:
      return "grid";
    case Method::lhs:
      return "lhs";
    case Method::sobol:
      return "sobol";
    case Method::random:
      return "random";
  }
  return "?";
}

Method method_from_string(std::string_view name) {
  for (Method m : {Method::grid, Method::lhs, Method::sobol, Method::random})
    if (name == to_string(m)) return m;
  fail("--method",
       "unknown method '" + std::string(name) + "', expected grid, lhs, sobol or random");
}

std::vector<std::vector<double>> latin_hypercube(int points, int dims, std::uint64_t seed) {
  std::mt19937_64 g(seed ^ kDesignSalt);
  std::vector<std::vector<double>> out(points, std::vector<double>(dims));
  std::vector<std::size_t> strata(points);
  for (int d = 0; d < dims; ++d) {
    for (int i = 0; i < points; ++i)
      strata[i] = static_cast<std::size_t>(i);
    for (std::size_t i = strata.size(); i > 1; --i)
      std::swap(strata[i - 1], strata[below(g, i)]);
    for (int i = 0; i < points; ++i)
      out[i][d] = (static_cast<double>(strata[i]) + open_unit_interval(g)) / points;
  }
  return out;
}

std::vector<std::vector<double>> uniform_random_points(int points, int dims, std::uint64_t seed) {
  std::mt19937_64 g(seed ^ kDesignSalt);
  std::vector<std::vector<double>> out(points, std::vector<double>(dims));
  for (auto& row : out)
    for (double& u : row)
      u = open_unit_interval(g);
  return out;
}

std::vector<std::vector<double>> sobol_sequence(int points, int dims) {
  boost::random::sobol engine(static_cast<std::size_t>(dims));
  // Boost yields 64-bit integers; 2^-64 scaling gives the dyadic fractions exactly.
  std::vector<std::vector<double>> out(points, std::vector<double>(dims));
  for (auto& row : out)
    for (double& u : row)
      u = static_cast<double>(engine()) * 0x1.0p-64;
  return out;
}

std::vector<std::vector<double>> saltelli_points(int samples, int dims) {
  const auto base = sobol_sequence(samples, 2 * dims);
  std::vector<std::vector<double>> out;
  out.reserve(static_cast<std::size_t>(samples) * (dims + 2));
  for (const auto& row : base) {
    const std::vector<double> a(row.begin(), row.begin() + dims);
    const std::vector<double> b(row.begin() + dims, row.end());
    out.push_back(a);
    for (int i = 0; i < dims; ++i) {
      std::vector<double> ab = a;
      ab[i] = b[i];
      out.push_back(std::move(ab));
    }
    out.push_back(b);
  }
  return out;
}

Design make_design(const std::vector<SweepParam>& params, Method method, int samples,
                   std::uint64_t seed) {
  if (params.empty()) fail("--param", "a sweep needs at least one --param PATH=SPEC");
  Design design;
  design.method = method;
  design.samples = samples;
  const int dims = static_cast<int>(params.size());
  if (method == Method::grid) {
    std::vector<std::vector<std::string>> axes;
    std::size_t total = 1;
    for (const SweepParam& p : params) {
      axes.push_back(p.grid_values(samples));
      total *= axes.back().size();
      if (total > 10'000'000) fail("--param", "the grid has more than 10,000,000 points");
    }
    design.values.assign(total, std::vector<std::string>(dims));
    for (std::size_t point = 0; point < total; ++point) {
      std::size_t rest = point;
      for (int d = dims - 1; d >= 0; --d) {  // last parameter varies fastest
        design.values[point][d] = axes[d][rest % axes[d].size()];
        rest /= axes[d].size();
      }
    }
    return design;
  }
  if (samples < 1)
    fail("--samples", std::string("--method ") + to_string(method) + " needs --samples N >= 1");
  std::vector<std::vector<double>> unit;
  if (method == Method::lhs) unit = latin_hypercube(samples, dims, seed);
  if (method == Method::random) unit = uniform_random_points(samples, dims, seed);
  if (method == Method::sobol) unit = saltelli_points(samples, dims);
  for (const auto& row : unit) {
    std::vector<std::string> values;
    for (int d = 0; d < dims; ++d)
      values.push_back(params[d].value_at(row[d]));
    design.values.push_back(std::move(values));
  }
  return design;
}

}  // namespace parley::sweep
