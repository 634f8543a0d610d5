#include "analysis/statistics/metric_summary.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace parley {

QuantileEstimate estimate_quantile(const RunStatistics& stats, int table, int slot, int group,
                                   int percent) {
  const auto& histogram = stats.histogram(table, slot, group);
  const RunningMoments& moments = stats.moments(table, slot, group);
  const FineAxis& axis = stats.layout().axis(table, slot);
  const std::int64_t n = moments.count();
  if (n < 1) throw std::invalid_argument("estimate_quantile: no values in this cell");
  // k-th smallest value, k = ceil(p n), in integer arithmetic so that p n never rounds.
  const std::int64_t k = std::max<std::int64_t>(1, (percent * n + 99) / 100);

  std::int64_t below = 0;
  const int size = axis.size();
  for (int j = -1; j <= size; ++j) {
    const auto count = static_cast<std::int64_t>(histogram.at(j));
    if (count == 0 || below + count < k) {
      below += count;
      continue;
    }
    const double lower = j < 0 ? -HUGE_VAL : axis.value(j);
    const double upper = j >= size ? HUGE_VAL : axis.value(j + 1);
    if (j >= 0 && j < size && axis.single_integer_bins())
      return {std::round(0.5 * (lower + upper)), 0.0};  // the bin holds one whole number
    // The k-th value lies in this bin and within the exact extremes of all values.
    const double a = std::max(lower, moments.min());
    const double b = std::min(upper, moments.max());
    const double fraction = (static_cast<double>(k - below) - 0.5) / static_cast<double>(count);
    return {a + (b - a) * fraction, b - a};
  }
  throw std::logic_error("estimate_quantile: histogram holds fewer values than its moments");
}

MetricSummary summarize(const RunStatistics& stats, int table, int slot, int group) {
  const RunningMoments& moments = stats.moments(table, slot, group);
  MetricSummary s;
  s.n = moments.count();
  if (s.n == 0) return s;
  s.mean = moments.mean();
  s.min = moments.min();
  s.max = moments.max();
  if (s.n > 1) {
    s.sd = std::sqrt(moments.variance());
    s.se_mean = *s.sd / std::sqrt(static_cast<double>(s.n));
  }
  double worst = 0;
  for (std::size_t i = 0; i < kSummaryPercents.size(); ++i) {
    const QuantileEstimate q = estimate_quantile(stats, table, slot, group, kSummaryPercents[i]);
    s.quantile[i] = q.value;
    s.quantile_bound[i] = q.error_bound;
    worst = std::max(worst, q.error_bound);
  }
  s.quantile_error = worst;
  return s;
}

std::vector<HistogramRow> histogram_rows(const RunStatistics& stats, int table, int slot,
                                         int group) {
  const auto& histogram = stats.histogram(table, slot, group);
  const FineAxis& axis = stats.layout().axis(table, slot);
  const BinEdges& edges = axis.coarse();
  const std::int64_t group_trials = stats.group_trials(group);
  const std::int64_t defined = stats.moments(table, slot, group).count();

  std::vector<HistogramRow> rows;
  rows.reserve(static_cast<std::size_t>(edges.bins()) + 2);
  std::int64_t cumulative = 0;
  auto add_row = [&](double lower, double upper, std::int64_t count) {
    HistogramRow row{lower, upper, count, std::nullopt, std::nullopt};
    cumulative += count;
    if (group_trials > 0 && std::isfinite(lower) && std::isfinite(upper))
      row.density =
          static_cast<double>(count) / (static_cast<double>(group_trials) * (upper - lower));
    if (defined > 0) row.cdf = static_cast<double>(cumulative) / static_cast<double>(defined);
    rows.push_back(row);
  };

  add_row(-HUGE_VAL, edges.lower(), static_cast<std::int64_t>(histogram.at(-1)));
  const int parts = axis.subdivision();
  for (int c = 0; c < edges.bins(); ++c) {
    std::int64_t count = 0;
    for (int s = 0; s < parts; ++s)
      count += static_cast<std::int64_t>(histogram.at(c * parts + s));
    add_row(edges.edge(c), edges.edge(c + 1), count);
  }
  add_row(edges.upper(), HUGE_VAL, static_cast<std::int64_t>(histogram.at(axis.size())));
  return rows;
}

OutcomeShare outcome_share(const RunStatistics& stats, int table, int group, Outcome outcome) {
  OutcomeShare s;
  s.count = stats.outcome_count(table, group, outcome);
  const std::int64_t n = stats.group_trials(group);
  if (n == 0) return s;
  const double p = static_cast<double>(s.count) / static_cast<double>(n);
  s.share = p;
  s.se = std::sqrt(p * (1 - p) / static_cast<double>(n));
  return s;
}

}  // namespace parley
