// --param PATH=SPEC parsing: lists, counted and plain ranges, log spacing, and located errors.
#include "analysis/studies/sweep/sweep_param.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "sim/io/input_error.hpp"

namespace parley::sweep {
namespace {

std::string error_of(const std::string& argument, int index = 1) {
  try {
    parse_sweep_param(argument, index);
  } catch (const InputError& e) {
    return e.diagnostics().front().str();
  }
  return "no error";
}

TEST(SweepParam, ListKeepsValuesAsWritten) {
  const SweepParam p = parse_sweep_param("shocks.election.at=2020-11, 2021-03", 1);
  EXPECT_EQ(p.path, "shocks.election.at");
  EXPECT_EQ(p.kind, SweepParam::Kind::list);
  EXPECT_EQ(p.grid_values(), (std::vector<std::string>{"2020-11", "2021-03"}));
  EXPECT_EQ(p.value_at(0.0), "2020-11");
  EXPECT_EQ(p.value_at(0.49), "2020-11");
  EXPECT_EQ(p.value_at(0.5), "2021-03");
  EXPECT_EQ(p.value_at(0.999), "2021-03");
}

TEST(SweepParam, CountedRangeIncludesBothEnds) {
  const SweepParam p = parse_sweep_param("actors.us.opening.median=3000:6000:7", 1);
  EXPECT_EQ(p.grid_values(),
            (std::vector<std::string>{"3000", "3500", "4000", "4500", "5000", "5500", "6000"}));
  // Sampling a counted range picks one of its points, each with probability 1/7.
  EXPECT_EQ(p.value_at(0.0), "3000");
  EXPECT_EQ(p.value_at(3.5 / 7), "4500");
  EXPECT_EQ(p.value_at(0.9999), "6000");
}

TEST(SweepParam, LogGridIsGeometric) {
  const SweepParam p = parse_sweep_param("shocks.covid.p=log:0.01:1:5", 1);
  const auto values = p.grid_values();
  ASSERT_EQ(values.size(), 5u);
  EXPECT_EQ(values.front(), "0.01");
  EXPECT_EQ(values.back(), "1");
  for (int k = 0; k < 5; ++k)
    EXPECT_NEAR(std::stod(values[k]), std::pow(10.0, -2.0 + 0.5 * k), 1e-12) << k;
}

TEST(SweepParam, RangeSamplesLinearlyOrInLogSpace) {
  const SweepParam linear = parse_sweep_param("a.b=3000:6000", 1);
  EXPECT_EQ(linear.value_at(0.25), "3750");
  EXPECT_EQ(linear.value_at(0.0), "3000");
  const SweepParam log = parse_sweep_param("a.b=log:0.01:1", 1);
  EXPECT_NEAR(std::stod(log.value_at(0.5)), 0.1, 1e-15);
  // A plain range has no grid unless --samples gives the count.
  EXPECT_EQ(linear.grid_values(3), (std::vector<std::string>{"3000", "4500", "6000"}));
  EXPECT_THROW(linear.grid_values(0), InputError);
}

// LO + u (HI - LO) rounds past HI when HI - LO rounds up (found by tests/fuzz): values stay in
// [LO, HI], with both ends exact.
TEST(SweepParam, RangeValuesStayWithinTheRange) {
  const SweepParam wide = parse_sweep_param("a.b=-2e8:0.5308", 1);
  EXPECT_EQ(wide.value_at(1.0), "0.5308");
  EXPECT_LE(std::stod(wide.value_at(std::nextafter(1.0, 0.0))), 0.5308);
  EXPECT_EQ(wide.value_at(0.0), "-2e+08");
  const SweepParam log = parse_sweep_param("a.b=log:0.05:0.8", 1);
  EXPECT_EQ(log.value_at(0.0), "0.05");
  EXPECT_EQ(log.value_at(1.0), "0.8");
  for (double u = 0; u < 1; u += 1.0 / 64) {
    const double x = std::stod(log.value_at(u));
    EXPECT_GE(x, 0.05) << u;
    EXPECT_LE(x, 0.8) << u;
  }
}

TEST(SweepParam, FormatNumberRoundTrips) {
  for (double x : {0.1, 3000.0, 1e-7, 1.0 / 3.0, -2.5, 6.02214076e23})
    EXPECT_EQ(std::stod(format_number(x)), x) << format_number(x);
  EXPECT_EQ(format_number(3000), "3000");
  EXPECT_EQ(format_number(-std::nan("")), "nan");
  EXPECT_EQ(format_number(-HUGE_VAL), "-inf");
}

TEST(SweepParam, ErrorsNameArgumentPathAndColumn) {
  EXPECT_EQ(error_of("actors.us.opening", 2),
            "--param:2:1: error: expected PATH=SPEC, got 'actors.us.opening'");
  EXPECT_EQ(error_of("a.b=6000:3000"),
            "--param:1:5: error: a.b: range needs LO < HI, got '6000:3000'");
  EXPECT_EQ(error_of("a.b=-1e308:1e308"),
            "--param:1:5: error: a.b: range is too wide: HI - LO must be a finite number, got "
            "'-1e308:1e308'");
  EXPECT_EQ(error_of("a.b=log:0:1"),
            "--param:1:9: error: a.b: a log: range needs LO > 0, got '0:1'");
  EXPECT_EQ(error_of("a.b=1:x"),
            "--param:1:5: error: a.b: range bounds must be numbers, got '1:x'");
  EXPECT_EQ(error_of("a.b=1:2:1.5"),
            "--param:1:9: error: a.b: range point count must be an integer >= 2, got '1.5'");
  EXPECT_EQ(error_of("a.b=1:2:3:4"),
            "--param:1:5: error: a.b: expected a range LO:HI or LO:HI:COUNT, got '1:2:3:4'");
  EXPECT_EQ(error_of("a.b=1,,3"), "--param:1:7: error: a.b: empty value in list '1,,3'");
  EXPECT_EQ(error_of("=1,2"),
            "--param:1:1: error: expected a dotted scenario path before '=', got ''");
}

}  // namespace
}  // namespace parley::sweep
