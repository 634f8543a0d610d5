// compare_forecasts: the same cases in every column, the naive column appended, the table.
#include "analysis/studies/backtest/forecast_comparison.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>

#include "analysis/studies/backtest/backtest_scores.hpp"

namespace parley {
namespace {

ReferenceCase reference_case(std::string name, std::string scenario, double first_year,
                             const char* settled) {
  ReferenceCase c;
  c.name = std::move(name);
  c.scenario = std::move(scenario);
  c.status_quo = 100;
  c.first_year = first_year;
  c.opens = *YearMonth::parse("2020-01");
  c.deadline = *YearMonth::parse("2020-06");
  c.settled = *YearMonth::parse(settled);
  return c;
}

// Case c has no scenario file.
std::vector<ReferenceCase> two_cases() {
  return {reference_case("case_a", "a", 104, "2020-06"),
          reference_case("case_b", "b", 101, "2020-08"),
          reference_case("case_c", std::string(), 106, "2020-05")};
}

BacktestCase scored(const std::string& scenario, double amount_pit, double crps_pct,
                    double month_pit, double month_crps) {
  BacktestCase r;
  r.scenario = scenario;
  r.amount_pit = amount_pit;
  r.inside_50 = inside_central_interval(amount_pit, 0.5);
  r.inside_90 = inside_central_interval(amount_pit, 0.9);
  r.crps_pct = crps_pct;
  r.month_pit = month_pit;
  r.month_crps = month_crps;
  return r;
}

TEST(ForecastComparison, KeepsTheCasesEveryColumnHasAndAppendsTheNaiveOne) {
  // v1 lacks b; x is not in the reference class: only a is compared.
  const ForecastColumn v1{"v1", {scored("a", 0.5, 1, 0.5, 1), scored("x", 0.5, 1, 0.5, 1)}};
  const ForecastColumn v2{
      "v2",
      {scored("x", 0.5, 1, 0.5, 1), scored("a", 0.97, 3, 0.2, 2), scored("b", 0.5, 1, 0.5, 1)}};
  const auto columns = compare_forecasts({v1, v2}, two_cases());
  ASSERT_EQ(columns.size(), 3u);
  EXPECT_EQ(columns[2].name, "naive");
  for (const ForecastColumn& c : columns) {
    ASSERT_EQ(c.rows.size(), 1u) << c.name;
    EXPECT_EQ(c.rows[0].scenario, "a") << c.name;
  }
  EXPECT_DOUBLE_EQ(*columns[1].rows[0].amount_pit, 0.97);  // v2's own row for a
  EXPECT_EQ(*columns[2].rows[0].observed_month, 5);        // 2020-06 minus 2020-01

  std::ostringstream table;
  print_comparison(table, columns);
  EXPECT_NE(table.str().find("v1           1 | 1/1 / 1/1"), std::string::npos) << table.str();
  EXPECT_NE(table.str().find("v2           1 | 0/1 / 0/1"), std::string::npos) << table.str();
  std::ostringstream csv;
  write_comparison_csv(csv, columns);
  EXPECT_EQ(csv.str().rfind("forecast,scenario,observed_amount,amount_pit,", 0), 0u);
  EXPECT_NE(csv.str().find("\nv2,a,,0.97,false,false,3,"), std::string::npos) << csv.str();
  EXPECT_NE(csv.str().find("\nnaive,a,104,"), std::string::npos) << csv.str();
}

TEST(ForecastComparison, NeedsASimulatedColumn) {
  EXPECT_THROW(compare_forecasts({}, two_cases()), std::invalid_argument);
}

}  // namespace
}  // namespace parley
