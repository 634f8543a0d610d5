#include "analysis/studies/backtest/backtest.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "analysis/results/number_format.hpp"
#include "analysis/studies/backtest/backtest_scores.hpp"

namespace parley {
namespace {

// The run's fine histogram of (table, metric) in group `all`, with its exact extremes.
BinnedDistribution binned_metric(const RunStatistics& stats, int table, int slot) {
  const auto& histogram = stats.histogram(table, slot, 0);
  const FineAxis& axis = stats.layout().axis(table, slot);
  const int bins = axis.size();
  std::vector<double> edges, counts;
  edges.reserve(static_cast<std::size_t>(bins) + 1);
  counts.reserve(static_cast<std::size_t>(bins));
  for (int j = 0; j <= bins; ++j)
    edges.push_back(axis.value(j));
  for (int j = 0; j < bins; ++j)
    counts.push_back(static_cast<double>(histogram.at(j)));
  const RunningMoments& moments = stats.moments(table, slot, 0);
  return BinnedDistribution::from_bins(
      std::move(edges), std::move(counts), static_cast<double>(histogram.at(-1)),
      static_cast<double>(histogram.at(bins)), moments.min(), moments.max());
}

// The settlement months of the run as a discrete distribution: each fine bin of the month axis
// holds one whole month (backtest_scenario makes the axis so), a point mass at its centre.
// Under- and overflow, which the automatic month axis avoids, sit at the exact extremes.
BinnedDistribution month_distribution(const RunStatistics& stats, int table, int slot) {
  const auto& histogram = stats.histogram(table, slot, 0);
  const FineAxis& axis = stats.layout().axis(table, slot);
  if (!axis.single_integer_bins())
    throw std::invalid_argument("backtest: the month axis must have one whole month per bin");
  const RunningMoments& moments = stats.moments(table, slot, 0);
  std::vector<double> months, counts;
  auto add = [&](double month, double count) {
    if (count <= 0) return;
    if (!months.empty() && month <= months.back()) {
      counts.back() += count;  // an extreme inside the range joins its bin
      return;
    }
    months.push_back(month);
    counts.push_back(count);
  };
  add(moments.min(), static_cast<double>(histogram.at(-1)));
  for (int j = 0; j < axis.size(); ++j)
    add(std::round((axis.value(j) + axis.value(j + 1)) / 2), static_cast<double>(histogram.at(j)));
  add(moments.max(), static_cast<double>(histogram.at(axis.size())));
  if (months.empty()) return BinnedDistribution::from_bins({0.0, 0.0}, {0.0});
  return BinnedDistribution::point_masses(months, counts);
}

Outcome outcome_named(const std::string& name) {
  for (Outcome o : {Outcome::agreed, Outcome::extended, Outcome::no_deal}) {
    if (name == to_string(o)) return o;
  }
  throw std::invalid_argument("backtest: unknown observed outcome '" + name + "'");
}

std::string optional_field(const std::optional<double>& v) {
  return format_optional(v);
}
std::string optional_field(const std::optional<bool>& v) {
  return v ? (*v ? "true" : "false") : "";
}
std::string optional_field(const std::optional<int>& v) {
  return v ? std::to_string(*v) : "";
}

const char* interval_words(bool inside_50, bool inside_90) {
  return inside_90 ? (inside_50 ? " (in 50%)" : " (in 90%)") : " (outside 90%)";
}

}  // namespace

void score_month(const BinnedDistribution& months, int observed_month, BacktestCase& row) {
  const double pit = probability_integral_transform(months, observed_month);
  row.month_pit = pit;
  row.month_inside_50 = inside_central_interval(pit, 0.5);
  row.month_inside_90 = inside_central_interval(pit, 0.9);
  row.month_crps = crps(months, observed_month);
  row.month_p05 = quantile(months, 0.05);
  row.month_p50 = quantile(months, 0.5);
  row.month_p95 = quantile(months, 0.95);
}

std::vector<BacktestCase> score_observations(const RunResult& run) {
  const Scenario& scenario = run.scenario;
  const RunStatistics& stats = run.statistics;
  const int amount_slot = stats.layout().slot_of(Metric::amount);
  const int month_slot = stats.layout().slot_of(Metric::month);
  if (amount_slot < 0 || month_slot < 0)
    throw std::invalid_argument("backtest: the run must report the amount and month metrics");

  std::vector<BacktestCase> rows;
  for (const ObservedOutcome& observed : scenario.observed) {
    const Table& table = scenario.tables.at(observed.table);
    BacktestCase row;
    row.scenario = scenario.name;
    row.table = table.name;
    row.currency = table.currency;
    row.baseline = table.baseline;
    row.trials = stats.trials();
    row.observed_outcome = observed.outcome;
    const std::int64_t hits =
        stats.outcome_count(observed.table, 0, outcome_named(observed.outcome));
    row.p_observed_outcome =
        row.trials > 0 ? static_cast<double>(hits) / static_cast<double>(row.trials) : 0.0;
    row.settled = stats.outcome_count(observed.table, 0, Outcome::agreed) +
                  stats.outcome_count(observed.table, 0, Outcome::extended);

    row.observed_amount = observed.amount;
    const BinnedDistribution amounts = binned_metric(stats, observed.table, amount_slot);
    if (observed.amount && amounts.total() > 0) {
      const double pit = probability_integral_transform(amounts, *observed.amount);
      row.amount_pit = pit;
      row.inside_50 = inside_central_interval(pit, 0.5);
      row.inside_90 = inside_central_interval(pit, 0.9);
      row.crps = crps(amounts, *observed.amount);
      row.crps_pct = 100.0 * *row.crps / table.baseline;
      const MetricSummary summary = summarize(stats, observed.table, amount_slot, 0);
      row.amount_p05 = summary.quantile[0];
      row.amount_p50 = summary.quantile[2];
      row.amount_p95 = summary.quantile[4];
    }

    row.observed_month = observed.month;
    const BinnedDistribution months = month_distribution(stats, observed.table, month_slot);
    if (observed.month && months.total() > 0) score_month(months, *observed.month, row);
    rows.push_back(std::move(row));
  }
  return rows;
}

RunResult run_for_backtest(const Scenario& scenario, const RunOptions& options) {
  Scenario scored = scenario;
  scored.outputs.group_by.clear();  // groups are not scored; they only cost memory and time
  for (Metric needed : {Metric::amount, Metric::month}) {
    auto& metrics = scored.outputs.metrics;
    if (std::find(metrics.begin(), metrics.end(), needed) == metrics.end())
      metrics.push_back(needed);
  }
  // Whole-month bins centred on integers, so that the month PIT is the exact mid-PIT.
  HistogramSpec& month_spec = scored.outputs.histogram[static_cast<int>(Metric::month)];
  month_spec.min.reset();
  month_spec.max.reset();
  return run_scenario(scored, options);
}

std::vector<BacktestCase> backtest_scenario(const Scenario& scenario, const RunOptions& options) {
  if (scenario.observed.empty()) return {};
  return score_observations(run_for_backtest(scenario, options));
}

BacktestSummary summarize_backtest(const std::vector<BacktestCase>& rows) {
  BacktestSummary s;
  s.cases = static_cast<int>(rows.size());
  double crps_sum = 0, outcome_sum = 0, month_crps_sum = 0;
  for (const BacktestCase& row : rows) {
    outcome_sum += row.p_observed_outcome;
    if (row.amount_pit) {
      ++s.scored;
      s.inside_50 += *row.inside_50 ? 1 : 0;
      s.inside_90 += *row.inside_90 ? 1 : 0;
      crps_sum += *row.crps_pct;
    }
    if (row.month_pit) {
      ++s.month_scored;
      s.month_inside_50 += inside_central_interval(*row.month_pit, 0.5) ? 1 : 0;
      s.month_inside_90 += inside_central_interval(*row.month_pit, 0.9) ? 1 : 0;
      month_crps_sum += row.month_crps.value_or(0);
    }
  }
  if (s.month_scored > 0) {
    s.month_coverage_50 = static_cast<double>(s.month_inside_50) / s.month_scored;
    s.month_coverage_90 = static_cast<double>(s.month_inside_90) / s.month_scored;
    s.mean_month_crps = month_crps_sum / s.month_scored;
  }
  if (s.cases > 0) s.mean_p_observed_outcome = outcome_sum / s.cases;
  if (s.scored > 0) {
    s.coverage_50 = static_cast<double>(s.inside_50) / s.scored;
    s.coverage_90 = static_cast<double>(s.inside_90) / s.scored;
    s.mean_crps_pct = crps_sum / s.scored;
  }
  return s;
}

void write_backtest_csv(std::ostream& out, const std::vector<BacktestCase>& rows) {
  out << "scenario,table,currency,trials,observed_outcome,p_observed_outcome,settled,"
         "observed_amount,amount_pit,inside_50,inside_90,crps,crps_pct,amount_p05,amount_p50,"
         "amount_p95,observed_month,month_pit,month_inside_50,month_inside_90,month_crps,"
         "month_p05,month_p50,month_p95\n";
  for (const BacktestCase& r : rows) {
    out << csv_field(r.scenario) << ',' << csv_field(r.table) << ',' << csv_field(r.currency) << ','
        << r.trials << ',' << r.observed_outcome << ',' << format_number(r.p_observed_outcome)
        << ',' << r.settled << ',' << optional_field(r.observed_amount) << ','
        << optional_field(r.amount_pit) << ',' << optional_field(r.inside_50) << ','
        << optional_field(r.inside_90) << ',' << optional_field(r.crps) << ','
        << optional_field(r.crps_pct) << ',' << optional_field(r.amount_p05) << ','
        << optional_field(r.amount_p50) << ',' << optional_field(r.amount_p95) << ','
        << optional_field(r.observed_month) << ',' << optional_field(r.month_pit) << ','
        << optional_field(r.month_inside_50) << ',' << optional_field(r.month_inside_90) << ','
        << optional_field(r.month_crps) << ',' << optional_field(r.month_p05) << ','
        << optional_field(r.month_p50) << ',' << optional_field(r.month_p95) << '\n';
  }
}

void print_backtest_summary(std::ostream& out, const std::vector<BacktestCase>& rows) {
  for (const BacktestCase& r : rows) {
    out << r.scenario << '/' << r.table << ": observed " << r.observed_outcome
        << " (simulated share " << format_fixed(r.p_observed_outcome, 3) << ')';
    if (r.observed_amount) out << ", amount " << format_number(*r.observed_amount);
    if (r.amount_pit) {
      out << " PIT " << format_fixed(*r.amount_pit, 3) << interval_words(*r.inside_50, *r.inside_90)
          << " CRPS " << format_fixed(*r.crps_pct, 2) << "% of baseline";
    }
    if (r.month_pit) {
      out << ", month " << *r.observed_month << " PIT " << format_fixed(*r.month_pit, 3)
          << interval_words(*r.month_inside_50, *r.month_inside_90) << " CRPS "
          << format_fixed(*r.month_crps, 2) << " months";
    }
    out << '\n';
  }
  const BacktestSummary s = summarize_backtest(rows);
  out << "cases: " << s.cases << ", scored amounts: " << s.scored << '\n';
  if (s.scored > 0) {
    out << "coverage of the 50% central interval: " << s.inside_50 << '/' << s.scored << " = "
        << format_fixed(*s.coverage_50, 2) << " (nominal 0.50)\n"
        << "coverage of the 90% central interval: " << s.inside_90 << '/' << s.scored << " = "
        << format_fixed(*s.coverage_90, 2) << " (nominal 0.90)\n"
        << "mean CRPS: " << format_fixed(*s.mean_crps_pct, 2) << "% of baseline\n";
  }
  if (s.month_scored > 0) {
    out << "months: coverage of the 50% central interval: " << s.month_inside_50 << '/'
        << s.month_scored << " = " << format_fixed(*s.month_coverage_50, 2) << " (nominal 0.50)\n"
        << "months: coverage of the 90% central interval: " << s.month_inside_90 << '/'
        << s.month_scored << " = " << format_fixed(*s.month_coverage_90, 2) << " (nominal 0.90)\n"
        << "months: mean CRPS: " << format_fixed(*s.mean_month_crps, 2) << " months\n";
  }
}

}  // namespace parley
