// Design points: each design checked for its defining property.
#include "analysis/studies/sweep/sweep_design.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "sim/io/input_error.hpp"

namespace parley::sweep {
namespace {

TEST(SweepDesign, GridIsCartesianProductFirstParameterSlowest) {
  const std::vector<SweepParam> params = {parse_sweep_param("a=1,2,3", 1),
                                          parse_sweep_param("b=10:20:3", 2)};
  const Design d = make_design(params, Method::grid, 0, 1);
  const std::vector<std::vector<std::string>> expected = {{"1", "10"}, {"1", "15"}, {"1", "20"},
                                                          {"2", "10"}, {"2", "15"}, {"2", "20"},
                                                          {"3", "10"}, {"3", "15"}, {"3", "20"}};
  EXPECT_EQ(d.values, expected);
}

TEST(SweepDesign, LatinHypercubeHitsEveryStratumOncePerDimension) {
  for (int n : {1, 7, 50, 333}) {
    const auto points = latin_hypercube(n, 4, 2019);
    ASSERT_EQ(points.size(), static_cast<std::size_t>(n));
    for (int d = 0; d < 4; ++d) {
      std::vector<int> strata;
      for (const auto& p : points) {
        ASSERT_GE(p[d], 0.0);
        ASSERT_LT(p[d], 1.0);
        strata.push_back(static_cast<int>(p[d] * n));
      }
      std::sort(strata.begin(), strata.end());
      for (int i = 0; i < n; ++i)
        EXPECT_EQ(strata[i], i) << "n=" << n << " dim=" << d;
    }
  }
  // Reproducible from the seed, different across seeds.
  EXPECT_EQ(latin_hypercube(20, 2, 5), latin_hypercube(20, 2, 5));
  EXPECT_NE(latin_hypercube(20, 2, 5), latin_hypercube(20, 2, 6));
}

TEST(SweepDesign, SobolSequenceMatchesJoeKuoFirstPoints) {
  // The unscrambled Sobol sequence with Joe-Kuo direction numbers (as tabulated by e.g.
  // scipy.stats.qmc.Sobol(scramble=False)), points 1..7 (point 0, the origin, is skipped).
  const std::vector<std::vector<double>> expected = {
      {0.5, 0.5, 0.5},       {0.75, 0.25, 0.25},    {0.25, 0.75, 0.75},   {0.375, 0.375, 0.625},
      {0.875, 0.875, 0.125}, {0.625, 0.125, 0.875}, {0.125, 0.625, 0.375}};
  EXPECT_EQ(sobol_sequence(7, 3), expected);
}

TEST(SweepDesign, SobolPointsFormANetWithTheOrigin) {
  // Low discrepancy, exactly: with the origin, the first 2^8 points of dimensions 1-2 are a
  // (0,8,2)-net: every elementary box of area 2^-8 (2^a x 2^(8-a) cells) holds one point; and
  // each single dimension puts one point in each of the 256 strata.
  auto points = sobol_sequence(255, 5);
  points.insert(points.begin(), std::vector<double>(5, 0.0));
  for (int a = 0; a <= 8; ++a) {
    std::set<std::pair<int, int>> cells;
    for (const auto& p : points)
      cells.insert({static_cast<int>(p[0] * (1 << a)), static_cast<int>(p[1] * (1 << (8 - a)))});
    EXPECT_EQ(cells.size(), 256u) << "boxes 2^-" << a << " x 2^-" << 8 - a;
  }
  for (int d = 0; d < 5; ++d) {
    std::set<int> strata;
    for (const auto& p : points)
      strata.insert(static_cast<int>(p[d] * 256));
    EXPECT_EQ(strata.size(), 256u) << "dim " << d;
  }
}

TEST(SweepDesign, SaltelliLayoutSwapsOneColumnPerBlockRow) {
  const int n = 16, dims = 3;
  const auto base = sobol_sequence(n, 2 * dims);
  const auto rows = saltelli_points(n, dims);
  ASSERT_EQ(rows.size(), static_cast<std::size_t>(n * (dims + 2)));
  for (int j = 0; j < n; ++j) {
    const std::vector<double> a(base[j].begin(), base[j].begin() + dims);
    const std::vector<double> b(base[j].begin() + dims, base[j].end());
    EXPECT_EQ(rows[j * (dims + 2)], a);
    EXPECT_EQ(rows[j * (dims + 2) + dims + 1], b);
    for (int i = 0; i < dims; ++i) {
      std::vector<double> ab = a;
      ab[i] = b[i];
      EXPECT_EQ(rows[j * (dims + 2) + 1 + i], ab) << "row " << j << " column " << i;
    }
  }
}

TEST(SweepDesign, SamplingMethodsMapUnitPointsThroughSpecs) {
  const std::vector<SweepParam> params = {parse_sweep_param("a=0:1", 1),
                                          parse_sweep_param("b=x,y", 2)};
  const Design sobol = make_design(params, Method::sobol, 8, 1);
  EXPECT_EQ(sobol.points(), 8u * 4u);
  EXPECT_EQ(sobol.values[0], (std::vector<std::string>{"0.5", "y"}));  // A_0 = (0.5, 0.5)
  const Design random = make_design(params, Method::random, 10, 3);
  EXPECT_EQ(random.points(), 10u);
  for (const auto& v : random.values) {
    EXPECT_TRUE(v[1] == "x" || v[1] == "y");
    EXPECT_GE(std::stod(v[0]), 0.0);
    EXPECT_LT(std::stod(v[0]), 1.0);
  }
  EXPECT_THROW(make_design(params, Method::lhs, 0, 1), InputError);
  EXPECT_THROW(make_design({}, Method::grid, 0, 1), InputError);
  EXPECT_THROW(method_from_string("halton"), InputError);
}

}  // namespace
}  // namespace parley::sweep
