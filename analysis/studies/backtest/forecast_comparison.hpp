#pragma once
// Forecasts side by side over the same cases: the model without look-ahead (v1), the model as
// the files are written (v2) and the naive reference-class forecast. Behind
// `parley backtest --compare`.
//
//   std::vector<ForecastColumn> table = compare_forecasts(
//       {{"v1", v1_rows}, {"v2", v2_rows}}, read_reference_class(path));
//   print_comparison(std::cout, table);        // per-case PITs, then one line per forecast
//   write_comparison_csv(out, table);          // compare.csv
#include <ostream>
#include <string>
#include <vector>

#include "analysis/studies/backtest/backtest.hpp"
#include "analysis/studies/backtest/reference_class.hpp"

namespace parley {

struct ForecastColumn {
  std::string name;                // v1, v2, naive
  std::vector<BacktestCase> rows;  // one per case, the same cases in the same order in each
};

// Keeps the cases that every simulated column scored and the reference class names (by its
// `scenario` column), in the order of the first column, and appends the naive column for
// them. A scenario missing from the reference class is left out of every column.
std::vector<ForecastColumn> compare_forecasts(const std::vector<ForecastColumn>& simulated,
                                              const std::vector<ReferenceCase>& cases);

// compare.csv: forecast,scenario,observed_amount,amount_pit,amount_inside_50,amount_inside_90,
// amount_crps_pct,amount_p05,amount_p50,amount_p95,observed_month,month_pit,month_inside_50,
// month_inside_90,month_crps,month_p05,month_p50,month_p95 (one row per forecast and case).
void write_comparison_csv(std::ostream& out, const std::vector<ForecastColumn>& columns);

// The amount and month PIT and CRPS of each case for each forecast, then the table of
// coverage and mean CRPS, one line per forecast.
void print_comparison(std::ostream& out, const std::vector<ForecastColumn>& columns);

}  // namespace parley
