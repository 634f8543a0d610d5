#include "analysis/studies/backtest/forecast_comparison.hpp"

#include <algorithm>
#include <stdexcept>

#include "analysis/results/number_format.hpp"
#include "analysis/studies/backtest/naive_forecast.hpp"

namespace parley {
namespace {

const BacktestCase* find_row(const std::vector<BacktestCase>& rows, const std::string& scenario) {
  for (const BacktestCase& r : rows)
    if (r.scenario == scenario) return &r;
  return nullptr;
}

const ReferenceCase* find_case(const std::vector<ReferenceCase>& cases,
                               const std::string& scenario) {
  for (const ReferenceCase& c : cases)
    if (!c.scenario.empty() && c.scenario == scenario) return &c;
  return nullptr;
}

std::string field(const std::optional<double>& v) {
  return format_optional(v);
}
std::string field(const std::optional<bool>& v) {
  return v ? (*v ? "true" : "false") : "";
}
std::string field(const std::optional<int>& v) {
  return v ? std::to_string(*v) : "";
}

std::string fixed_or_dash(const std::optional<double>& v, int decimals) {
  return v ? format_fixed(*v, decimals) : std::string("-");
}

std::string count_of(int inside, int scored) {
  return std::to_string(inside) + "/" + std::to_string(scored);
}

// A row of the summary table: forecast, cases | amount coverage, CRPS | month coverage, CRPS.
std::string summary_row(const std::string& forecast, const std::string& cases,
                        const std::string& amount_inside, const std::string& amount_crps,
                        const std::string& month_inside, const std::string& month_crps) {
  return left_aligned(forecast, 8) + " " + right_aligned(cases, 5) + " | " +
         left_aligned(amount_inside, 23) + " " + right_aligned(amount_crps, 9) + " | " +
         left_aligned(month_inside, 23) + " " + right_aligned(month_crps, 11) + "\n";
}

}  // namespace

std::vector<ForecastColumn> compare_forecasts(const std::vector<ForecastColumn>& simulated,
                                              const std::vector<ReferenceCase>& cases) {
  if (simulated.empty()) throw std::invalid_argument("compare_forecasts: no simulated column");
  std::vector<ForecastColumn> columns;
  for (const ForecastColumn& c : simulated)
    columns.push_back({c.name, {}});
  columns.push_back({"naive", {}});
  for (const BacktestCase& first : simulated.front().rows) {
    const ReferenceCase* reference = find_case(cases, first.scenario);
    if (!reference) continue;
    std::vector<const BacktestCase*> found;
    for (const ForecastColumn& c : simulated)
      found.push_back(find_row(c.rows, first.scenario));
    if (std::find(found.begin(), found.end(), nullptr) != found.end()) continue;
    for (std::size_t i = 0; i < found.size(); ++i)
      columns[i].rows.push_back(*found[i]);
    columns.back().rows.push_back(naive_forecast(cases, reference->name));
  }
  return columns;
}

void write_comparison_csv(std::ostream& out, const std::vector<ForecastColumn>& columns) {
  out << "forecast,scenario,observed_amount,amount_pit,amount_inside_50,amount_inside_90,"
         "amount_crps_pct,amount_p05,amount_p50,amount_p95,observed_month,month_pit,"
         "month_inside_50,month_inside_90,month_crps,month_p05,month_p50,month_p95\n";
  for (const ForecastColumn& c : columns) {
    for (const BacktestCase& r : c.rows) {
      out << csv_field(c.name) << ',' << csv_field(r.scenario) << ',' << field(r.observed_amount)
          << ',' << field(r.amount_pit) << ',' << field(r.inside_50) << ',' << field(r.inside_90)
          << ',' << field(r.crps_pct) << ',' << field(r.amount_p05) << ',' << field(r.amount_p50)
          << ',' << field(r.amount_p95) << ',' << field(r.observed_month) << ','
          << field(r.month_pit) << ',' << field(r.month_inside_50) << ','
          << field(r.month_inside_90) << ',' << field(r.month_crps) << ',' << field(r.month_p05)
          << ',' << field(r.month_p50) << ',' << field(r.month_p95) << '\n';
    }
  }
}

void print_comparison(std::ostream& out, const std::vector<ForecastColumn>& columns) {
  const std::size_t cases = columns.empty() ? 0 : columns.front().rows.size();
  out << "case: amount PIT / CRPS % of baseline, month PIT / CRPS in months, per forecast ("
      << columns.size() << " forecasts, " << cases << " cases)\n";
  for (std::size_t i = 0; i < cases; ++i) {
    out << "  " << columns.front().rows[i].scenario << '\n';
    for (const ForecastColumn& c : columns) {
      const BacktestCase& r = c.rows[i];
      const std::string month = r.observed_month ? std::to_string(*r.observed_month) : "-";
      out << "    " << left_aligned(c.name, 6) << " amount PIT "
          << right_aligned(fixed_or_dash(r.amount_pit, 3), 5) << " CRPS "
          << right_aligned(fixed_or_dash(r.crps_pct, 2), 5) << "%   month "
          << right_aligned(month, 3) << " PIT " << right_aligned(fixed_or_dash(r.month_pit, 3), 5)
          << " CRPS " << right_aligned(fixed_or_dash(r.month_crps, 2), 5) << "\n";
    }
  }
  out << summary_row("forecast", "cases", "amount in 50% / in 90%", "CRPS %",
                     "month in 50% / in 90%", "CRPS months");
  for (const ForecastColumn& c : columns) {
    const BacktestSummary s = summarize_backtest(c.rows);
    out << summary_row(c.name, std::to_string(s.cases),
                       count_of(s.inside_50, s.scored) + " / " + count_of(s.inside_90, s.scored),
                       fixed_or_dash(s.mean_crps_pct, 2),
                       count_of(s.month_inside_50, s.month_scored) + " / " +
                           count_of(s.month_inside_90, s.month_scored),
                       fixed_or_dash(s.mean_month_crps, 2));
  }
}

}  // namespace parley
