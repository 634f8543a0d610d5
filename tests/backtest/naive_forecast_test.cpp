// The naive reference-class forecast and the reference class file: closed forms on small
// classes, the published held-out positions of the calibration document, and input errors.
#include "analysis/studies/backtest/naive_forecast.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <string>

#include "analysis/studies/backtest/backtest_scores.hpp"
#include "sim/io/input_error.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

double normal_cdf(double z) {
  return 0.5 * std::erfc(-z / std::numbers::sqrt2);
}

// A reference class file in the temporary directory, removed at the end of the test.
class ReferenceClassFile : public ::testing::Test {
 protected:
  void TearDown() override { fs::remove(path_); }
  std::string write(const std::string& text) {
    path_ = fs::temp_directory_path() /
            ("parley_reference_class_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".csv");
    std::ofstream(path_) << text;
    return path_.string();
  }
  fs::path path_;
};

constexpr const char* kHeader =
    "case,host,status_quo,first_year,unit,scenario,opens,deadline,"
    "settled,source\n";

TEST(NaiveForecast, LognormalCrpsMatchesAFinelyBinnedLognormal) {
  // The piecewise-linear CDF of 20,000 bins over exp(mu +- 9 sigma) is off by O(width^2).
  const double mu = std::log(200.0), sigma = 0.06;
  std::vector<double> edges, counts;
  const int bins = 20000;
  for (int i = 0; i <= bins; ++i)
    edges.push_back(std::exp(mu - 9 * sigma + 18 * sigma * i / bins));
  for (int i = 0; i < bins; ++i)
    counts.push_back(normal_cdf((std::log(edges[i + 1]) - mu) / sigma) -
                     normal_cdf((std::log(edges[i]) - mu) / sigma));
  const auto d = BinnedDistribution::from_bins(edges, counts);
  for (double y : {170.0, 189.3, 200.0, 211.0, 260.0})
    EXPECT_NEAR(lognormal_crps(mu, sigma, y), crps(d, y), 1e-5) << "y = " << y;
  EXPECT_THROW(lognormal_crps(mu, 0.0, 1.0), std::invalid_argument);
}

TEST_F(ReferenceClassFile, NaiveForecastOfASmallClass) {
  // Log ratios of a, b, c, d: ln 1.1, 0, ln 1.05, ln 0.95. Case a held out: m and s of the
  // other three; settled - deadline of b, c, d: +2, 0, -1; a opens 4 months before its
  // deadline, so its month is 6, 4 or 3 with weight 1/3 each, observed 5.
  const std::string path = write(std::string(kHeader) +
                                 "a,x,100,110,U,sa,2020-01,2020-05,2020-06,s\n"
                                 "b,x,200,200,U,,2021-01,2021-03,2021-05,s\n"
                                 "c,x,100,105,U,sc,2022-01,2022-12,2022-12,s\n"
                                 "d,x,100,95,U,,2023-01,2023-06,2023-05,s\n");
  const auto cases = read_reference_class(path);
  ASSERT_EQ(cases.size(), 4u);
  EXPECT_EQ(cases[1].settled_after_deadline(), 2);
  const double l[] = {0.0, std::log(1.05), std::log(0.95)};
  const double m = (l[0] + l[1] + l[2]) / 3;
  double ss = 0;
  for (double x : l)
    ss += (x - m) * (x - m);
  const double s = std::sqrt(ss / 2);
  const LogRatioFit fit = fit_log_ratio(cases, "a");
  EXPECT_NEAR(fit.m, m, 1e-15);
  EXPECT_NEAR(fit.s, s, 1e-15);
  EXPECT_EQ(fit.cases, 3);

  const BacktestCase r = naive_forecast(cases, "a");
  EXPECT_EQ(r.scenario, "sa");
  EXPECT_DOUBLE_EQ(*r.observed_amount, 110);
  EXPECT_NEAR(*r.amount_pit, normal_cdf((std::log(1.1) - m) / s), 1e-12);
  EXPECT_NEAR(*r.crps, lognormal_crps(std::log(100) + m, s, 110), 1e-12);
  EXPECT_NEAR(*r.crps_pct, *r.crps, 1e-12);  // status quo 100
  EXPECT_NEAR(*r.amount_p50, 100 * std::exp(m), 1e-9);
  EXPECT_EQ(*r.observed_month, 5);
  // Months 3, 4, 6 (1/3 each), observed 5: PIT 2/3; CRPS (1/3)^2 + (2/3)^2 + (2/3 - 1)^2.
  EXPECT_NEAR(*r.month_pit, 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(*r.month_crps, 1.0 / 9 + 4.0 / 9 + 1.0 / 9, 1e-12);
  EXPECT_DOUBLE_EQ(*r.month_p50, 4.0);
  EXPECT_THROW(naive_forecast(cases, "zz"), std::invalid_argument);
}

TEST_F(ReferenceClassFile, NaiveMonthsNeverPrecedeTheOpening) {
  // Case c opens in its deadline month; b settled 3 months before its deadline: month 0.
  const std::string path = write(std::string(kHeader) +
                                 "a,x,100,102,U,,2020-01,2020-05,2020-05,s\n"
                                 "b,x,100,100,U,,2021-01,2021-06,2021-03,s\n"
                                 "c,x,100,101,U,,2022-12,2022-12,2023-01,s\n");
  const BacktestCase r = naive_forecast(read_reference_class(path), "c");
  // Months max(0, 0 + 0) = 0 and max(0, 0 - 3) = 0: a point mass at 0, observed 1.
  EXPECT_DOUBLE_EQ(*r.month_pit, 1.0);
  EXPECT_NEAR(*r.month_crps, 1.0, 1e-12);
}

TEST(NaiveForecast, ReproducesTheHeldOutPositionsOfTheCalibrationDocument) {
  // scenarios/CALIBRATION.md tabulates z = (l - m) / s for each case; the PIT is Phi(z).
  const auto cases = read_reference_class(std::string(PARLEY_SOURCE_DIR) +
                                          "/scenarios/calibration/reference_class.csv");
  ASSERT_EQ(cases.size(), 11u);
  const std::pair<const char*, double> z[] = {
      {"korea_sma9", 0.37},   {"korea_sma10", 0.79},    {"korea_sma11", 1.99},
      {"korea_sma12", 0.81},  {"japan_sma2016", -0.71}, {"japan_extension2021", -0.43},
      {"japan_sma2022", 0.16}};
  for (const auto& [name, z_doc] : z) {
    const BacktestCase r = naive_forecast(cases, name);
    // The document rounds z to 2 decimals: the PIT agrees within phi(0) x 0.005.
    EXPECT_NEAR(*r.amount_pit, normal_cdf(z_doc), 0.4 * 0.005) << name;
  }
}

TEST_F(ReferenceClassFile, MistakesAreReportedWithTheirPlace) {
  const std::string path = write(std::string(kHeader) +
                                 "a,x,100,110,U,,2020-13,2020-05,2020-06,s\n"
                                 "b,x,-5,200,U,,2021-01,2021-03,2021-05,s\n"
                                 "c,x,100\n");
  try {
    read_reference_class(path);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 3u);
    EXPECT_EQ(e.diagnostics()[0].str(),
              path + ":2:16: error: opens: '2020-13': expected a month YYYY-MM");
    EXPECT_EQ(e.diagnostics()[1].str(),
              path + ":3:5: error: status_quo: '-5': expected a positive number");
    EXPECT_EQ(e.diagnostics()[2].str(),
              path + ":4:1: error: expected 10 comma-separated fields, got 3");
  }
  EXPECT_THROW(read_reference_class(write("case,host\n")), InputError);
}

}  // namespace
}  // namespace parley
