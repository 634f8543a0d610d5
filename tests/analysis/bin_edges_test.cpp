#include "analysis/statistics/bin_edges.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "analysis/results/number_format.hpp"
#include "analysis/statistics/histogram_range.hpp"
#include "hand_built_scenario.hpp"

namespace parley {
namespace {

// Every value must land in the bin whose edges contain it, including values exactly on an edge
// and one ulp either side of it.
void expect_consistent(const BinEdges& e) {
  for (int i = 0; i <= e.bins(); ++i) {
    const double edge = e.edge(i);
    for (double x : {std::nextafter(edge, -HUGE_VAL), edge, std::nextafter(edge, HUGE_VAL)}) {
      const int bin = e.bin_of(x);
      if (bin < 0) {
        EXPECT_LT(x, e.lower());
      } else if (bin >= e.bins()) {
        EXPECT_GE(x, e.upper());
      } else {
        EXPECT_LE(e.edge(bin), x) << e.describe() << " x=" << x;
        EXPECT_LT(x, e.edge(bin + 1)) << e.describe() << " x=" << x;
      }
    }
  }
}

TEST(BinEdges, DecimalEdgesPrintAsWritten) {
  const BinEdges e = BinEdges::decimal(-3, 1, -1, 10);  // -0.3, -0.2, ..., 0.7
  EXPECT_EQ(format_number(e.edge(0)), "-0.3");
  EXPECT_EQ(format_number(e.edge(6)), "0.3");  // 3 * 0.1 would print 0.30000000000000004
  EXPECT_EQ(format_number(e.upper()), "0.7");
  expect_consistent(e);
}

TEST(BinEdges, UniformEdgesAreConsistentWithBinOf) {
  expect_consistent(BinEdges::uniform(0.1, 0.7, 7));
  expect_consistent(BinEdges::uniform(-1e6, 3.3e6, 97));
  const BinEdges e = BinEdges::uniform(900, 2000, 110);
  EXPECT_EQ(e.edge(0), 900);
  EXPECT_EQ(e.edge(110), 2000);
  EXPECT_EQ(e.bin_of(2000), 110);  // [min, max): max itself is overflow
  EXPECT_EQ(e.bin_of(899.999), -1);
  EXPECT_EQ(e.bin_of(NAN), -1);
}

TEST(BinEdges, IntegerCentredBinsHoldWholeNumbers) {
  const BinEdges e = BinEdges::integer_centred(0, 3, 5);  // [-0.5, 2.5), [2.5, 5.5), ...
  EXPECT_TRUE(e.integer_centred());
  EXPECT_EQ(e.edge(0), -0.5);
  EXPECT_EQ(e.edge(1), 2.5);
  EXPECT_EQ(e.bin_of(2), 0);
  EXPECT_EQ(e.bin_of(3), 1);
  EXPECT_EQ(e.bin_of(14), 4);
  EXPECT_EQ(e.bin_of(15), 5);
}

TEST(BinEdges, RejectsInvalidRanges) {
  EXPECT_THROW(BinEdges::uniform(1, 1, 10), std::invalid_argument);
  EXPECT_THROW(BinEdges::uniform(0, 1, 0), std::invalid_argument);
  EXPECT_THROW(BinEdges::uniform(0, HUGE_VAL, 3), std::invalid_argument);
}

TEST(FineAxis, FineIndexAgreesWithFineAndCoarseEdges) {
  const FineAxis axis(BinEdges::uniform(0.1, 0.7, 7), 13);
  std::mt19937_64 g(3);
  std::uniform_real_distribution<double> u(0.0, 0.8);
  for (int i = 0; i < 20000; ++i) {
    const double x = u(g);
    const int j = axis.index(x);
    if (j < 0) {
      EXPECT_LT(x, 0.1);
    } else if (j >= axis.size()) {
      EXPECT_GE(x, 0.7);
    } else {
      EXPECT_LE(axis.value(j), x);
      EXPECT_LT(x, axis.value(j + 1));
      EXPECT_EQ(j / axis.subdivision(), axis.coarse().bin_of(x));
    }
  }
  // Fine edges on the boundaries of coarse bins are the coarse edges themselves.
  for (int c = 0; c <= 7; ++c)
    EXPECT_EQ(axis.value(c * 13), axis.coarse().edge(c));
}

// Exactly on every fine edge and one ulp below it, on the axes a run builds (decimal edges cut
// into fine bins): a value on edge j is in bin j, just below it in bin j - 1 (or underflow).
TEST(FineAxis, EveryEdgeAndTheDoubleBelowItLandInTheirBins) {
  for (auto [lo, hi, bins] : {std::tuple{1012.3, 1877.9, 60}, std::tuple{-3.2, 0.04, 7},
                              std::tuple{0.0011, 0.0013, 25}}) {
    const FineAxis axis = fine_axis_for(nice_edges_covering(lo, hi, bins));
    for (int j = 0; j <= axis.size(); ++j) {
      const double edge = axis.value(j);
      const double below = std::nextafter(edge, -HUGE_VAL);
      EXPECT_EQ(axis.index(edge), j) << lo << " edge " << j;
      // Equal neighbouring edges (none expected) would make the bin below start lower.
      if (j > 0 && axis.value(j - 1) < edge) {
        EXPECT_EQ(axis.index(below), j - 1) << j;
      }
      if (j == 0) {
        EXPECT_EQ(axis.index(below), -1);
      }
    }
  }
}

TEST(HistogramRange, NiceEdgesCoverTheRangeWithExactlyTheBinsAsked) {
  for (auto [lo, hi, bins] : {std::tuple{1012.3, 1877.9, 60}, std::tuple{-3.2, 0.04, 7},
                              std::tuple{0.0011, 0.0013, 25}, std::tuple{5e7, 9e8, 100}}) {
    const BinEdges e = nice_edges_covering(lo, hi, bins);
    EXPECT_EQ(e.bins(), bins);
    EXPECT_LE(e.lower(), lo);
    EXPECT_GT(e.upper(), hi);
    // The width is a nice mantissa times a power of ten, at most 25 % above the raw width
    // (plus the one step the range may need to start on a multiple of the width).
    const double width = e.edge(1) - e.edge(0);
    const double mantissa = width / std::pow(10.0, std::floor(std::log10(width)));
    bool nice = false;
    for (double m : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0})
      nice = nice || std::abs(mantissa - m) < 1e-9;
    EXPECT_TRUE(nice) << "width " << width;
    EXPECT_LE(width, 1.25 * (hi - lo) / (bins - 1) * (1 + 1e-12)) << "width " << width;
    if (lo >= 0) {
      EXPECT_GE(e.lower(), 0);
    }
    expect_consistent(e);
  }
}

TEST(HistogramRange, ScenarioRangeAndBinsOverrideWin) {
  Scenario s = testing::hand_built_scenario();
  s.outputs.histogram[static_cast<int>(Metric::amount)] = HistogramSpec{900.0, 2000.0, 110};
  const std::vector<double> pilot = {1200, 1300};
  EXPECT_EQ(choose_bin_edges(s, 0, Metric::amount, std::nullopt, pilot),
            BinEdges::uniform(900, 2000, 110));
  EXPECT_EQ(choose_bin_edges(s, 0, Metric::amount, 11, pilot), BinEdges::uniform(900, 2000, 11));
  // Automatic: the pilot's range plus margins, with the bins of the scenario (default 60).
  const BinEdges automatic = choose_bin_edges(s, 0, Metric::total, std::nullopt, pilot);
  EXPECT_EQ(automatic.bins(), 60);
  EXPECT_LE(automatic.lower(), 1200 - 0.1 * 100);
  EXPECT_GT(automatic.upper(), 1300 + 0.1 * 100);
}

TEST(HistogramRange, MonthBinsAreWholeMonthsUpToTheHorizon) {
  const Scenario s =
      testing::hand_built_scenario();  // opens 2019-09, horizon 2021-06: rounds 0..21
  const std::vector<double> pilot = {0, 3, 4};
  const BinEdges e = choose_bin_edges(s, 0, Metric::month, std::nullopt, pilot);
  EXPECT_TRUE(e.integer_centred());
  EXPECT_EQ(e.integer_width(), 1);
  EXPECT_EQ(e.lower(), -0.5);
  EXPECT_EQ(e.upper(), 21.5);
  const BinEdges coarse =
      choose_bin_edges(s, 0, Metric::month, 5, pilot);  // 22 months in <= 5 bins
  EXPECT_EQ(coarse.integer_width(), 5);
  EXPECT_EQ(coarse.bins(), 5);
  EXPECT_GT(coarse.upper(), 21);
  const FineAxis fine = fine_axis_for(coarse);
  EXPECT_TRUE(fine.single_integer_bins());
}

TEST(HistogramRange, PilotWithoutValuesFallsBackToTheBaseline) {
  const Scenario s = testing::hand_built_scenario();
  const BinEdges e = choose_bin_edges(s, 0, Metric::amount, std::nullopt, {});
  EXPECT_LE(e.lower(), 0);
  EXPECT_GE(e.upper(), 2000);
  const std::vector<double> constant = {1000, 1000};
  const BinEdges single = choose_bin_edges(s, 0, Metric::amount, std::nullopt, constant);
  EXPECT_LT(single.lower(), 1000);
  EXPECT_GT(single.upper(), 1000);
}

}  // namespace
}  // namespace parley
