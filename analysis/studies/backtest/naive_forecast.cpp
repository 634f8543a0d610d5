#include "analysis/studies/backtest/naive_forecast.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <stdexcept>

#include "analysis/studies/backtest/backtest_scores.hpp"

namespace parley {
namespace {

double normal_cdf(double z) {
  return 0.5 * std::erfc(-z / std::numbers::sqrt2);
}

// Phi^-1 at the three levels reported (p05, p50, p95).
constexpr double kZ95 = 1.6448536269514722;

const ReferenceCase& case_named(const std::vector<ReferenceCase>& cases, const std::string& name) {
  for (const ReferenceCase& c : cases)
    if (c.name == name) return c;
  throw std::invalid_argument("naive forecast: no case '" + name + "' in the reference class");
}

void score_amount(const ReferenceCase& held_out, const LogRatioFit& fit, BacktestCase& row) {
  const double y = held_out.first_year;
  const double mu = std::log(held_out.status_quo) + fit.m;
  const double pit = normal_cdf((std::log(y) - mu) / fit.s);
  row.observed_amount = y;
  row.amount_pit = pit;
  row.inside_50 = inside_central_interval(pit, 0.5);
  row.inside_90 = inside_central_interval(pit, 0.9);
  row.crps = lognormal_crps(mu, fit.s, y);
  row.crps_pct = 100.0 * *row.crps / held_out.status_quo;
  row.amount_p05 = std::exp(mu - kZ95 * fit.s);
  row.amount_p50 = std::exp(mu);
  row.amount_p95 = std::exp(mu + kZ95 * fit.s);
}

// The other cases' delays after the expiry, shifted to this case's calendar.
BinnedDistribution naive_months(const std::vector<ReferenceCase>& cases,
                                const ReferenceCase& held_out) {
  const int to_deadline = held_out.opens.months_until(held_out.deadline);
  std::map<int, double> weight;
  for (const ReferenceCase& c : cases)
    if (c.name != held_out.name) weight[std::max(0, to_deadline + c.settled_after_deadline())] += 1;
  std::vector<double> months, weights;
  for (const auto& [month, w] : weight) {
    months.push_back(month);
    weights.push_back(w);
  }
  return BinnedDistribution::point_masses(months, weights);
}

}  // namespace

double lognormal_crps(double mu, double sigma, double y) {
  if (!(sigma > 0) || !(y > 0))
    throw std::invalid_argument("lognormal_crps: needs sigma > 0 and y > 0");
  const double z = (std::log(y) - mu) / sigma;
  return y * (2 * normal_cdf(z) - 1) -
         2 * std::exp(mu + sigma * sigma / 2) *
             (normal_cdf(z - sigma) + normal_cdf(sigma / std::numbers::sqrt2) - 1);
}

BacktestCase naive_forecast(const std::vector<ReferenceCase>& cases, const std::string& name) {
  const ReferenceCase& held_out = case_named(cases, name);
  BacktestCase row;
  row.scenario = held_out.scenario.empty() ? held_out.name : held_out.scenario;
  // Copied from std::strings: GCC 12 warns (falsely, -Wrestrict) on assigning these literals.
  static const std::string kNoTable = "-", kAgreed = "agreed";
  row.table = kNoTable;
  row.currency = held_out.unit;
  row.baseline = held_out.status_quo;
  row.observed_outcome = kAgreed;
  score_amount(held_out, fit_log_ratio(cases, name), row);
  row.observed_month = held_out.opens.months_until(held_out.settled);
  score_month(naive_months(cases, held_out), *row.observed_month, row);
  return row;
}

}  // namespace parley
