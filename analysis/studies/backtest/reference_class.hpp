#pragma once
// The reference class of the calibration rule (scenarios/CALIBRATION.md): every agreement of
// the record in the table currency, one row of scenarios/calibration/reference_class.csv each.
//
//   std::vector<ReferenceCase> cases =
//       read_reference_class("scenarios/calibration/reference_class.csv");
//   LogRatioFit fit = fit_log_ratio(cases, "korea_sma11");   // leave-one-out: m, s
//
// Mistakes in the file are InputErrors at FILE:LINE:COL naming the column and the value.
#include <string>
#include <vector>

#include "sim/model/year_month.hpp"

namespace parley {

struct ReferenceCase {
  std::string name;       // column `case`
  std::string host;       // korea | japan
  double status_quo = 0;  // the amount before the agreement, table currency
  double first_year = 0;  // the agreement's first-year amount (or yearly average)
  std::string unit;
  std::string scenario;  // the historical scenario file of the case (without .yaml), or empty
  YearMonth opens, deadline, settled;  // first month of talks, expiry, month of the deal
  // ln(first_year / status_quo)
  double log_ratio() const;
  // Months from the expiry to the deal (negative: settled before the expiry).
  int settled_after_deadline() const { return deadline.months_until(settled); }
};

// Reads the CSV (header naming at least: case, host, status_quo, first_year, unit, scenario,
// opens, deadline, settled; other columns are ignored). Throws InputError on any mistake.
std::vector<ReferenceCase> read_reference_class(const std::string& path);

// Mean m and sample standard deviation s (n - 1) of the log ratios of the cases other than
// `left_out` (all cases when it names none): rule R1's fit.
struct LogRatioFit {
  double m = 0, s = 0;
  int cases = 0;
};
LogRatioFit fit_log_ratio(const std::vector<ReferenceCase>& cases, const std::string& left_out);

}  // namespace parley
