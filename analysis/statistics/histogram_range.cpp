#include "analysis/statistics/histogram_range.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace parley {
namespace {

// Share of the pilot's span added on each side, so that the tails beyond the pilot's extremes
// mostly stay inside the binned range.
constexpr double kPilotMargin = 0.1;

// Last round index a table can reach: its horizon, or a later one a shock or lapse may set.
int last_round(const Scenario& scenario, int table) {
  const Table& t = scenario.tables.at(table);
  YearMonth horizon = t.horizon;
  auto consider = [&](const Effect& e) {
    if (e.kind == Effect::Kind::table_horizon && e.table == table)
      horizon = std::max(horizon, e.month);
  };
  for (const Shock& shock : scenario.shocks)
    for (const ShockOutcome& outcome : shock.outcomes)
      for (const Effect& e : outcome.effects)
        consider(e);
  for (const Table& other : scenario.tables)
    for (const Effect& e : other.on_deadline.lapse_effects)
      consider(e);
  return std::max(0, t.opens.months_until(horizon));
}

// A range to bin when the pilot has no defined value at all (e.g. every pilot trial no_deal).
void fallback_range(const Scenario& scenario, int table, Metric metric, double& lo, double& hi) {
  const Table& t = scenario.tables.at(table);
  switch (metric) {
    case Metric::amount:
      lo = 0, hi = 2 * t.baseline;
      return;
    case Metric::total:
      lo = 0, hi = 2 * t.baseline * t.years;
      return;
    case Metric::change_pct:
    case Metric::month:
      lo = -100, hi = 100;
      return;
  }
}

}  // namespace

BinEdges nice_edges_covering(double lo, double hi, int bins) {
  const double raw = (hi - lo) / bins;
  if (!(raw > 0) || !std::isfinite(raw)) return BinEdges::uniform(lo, hi, bins);
  int exponent = static_cast<int>(std::floor(std::log10(raw)));
  // Candidate steps in units of 10^(exponent - 1), then the next decade. Consecutive steps
  // differ by at most 25 %, so at most about a fifth of the bins are wasted by rounding.
  constexpr std::int64_t kMantissas[] = {10, 12, 15, 20, 25, 30, 40, 50, 60, 80};
  for (int attempt = 0; attempt < 8; ++attempt) {
    for (std::int64_t mantissa : kMantissas) {
      const int unit_exponent = exponent - 1;
      if (unit_exponent < -22 || unit_exponent > 22) return BinEdges::uniform(lo, hi, bins);
      const double unit = std::pow(10.0, unit_exponent);
      const double step = static_cast<double>(mantissa) * unit;
      if (step < raw) continue;
      const double first_steps = std::floor(lo / step);
      if (std::abs(first_steps) * static_cast<double>(mantissa) > 1e15)
        return BinEdges::uniform(lo, hi, bins);
      const auto first = static_cast<std::int64_t>(first_steps) * mantissa;
      const BinEdges edges = BinEdges::decimal(first, mantissa, unit_exponent, bins);
      if (edges.upper() <= hi) continue;  // does not reach hi: try a wider step
      // Keep exactly `bins` bins; centre [lo, hi] in them by moving whole steps to the left.
      const auto spare_steps = static_cast<std::int64_t>(std::floor((edges.upper() - hi) / step));
      std::int64_t shift = spare_steps / 2;
      // Non-negative data keep a non-negative range (no bins of negative amounts).
      if (lo >= 0) shift = std::min(shift, std::max<std::int64_t>(0, first / mantissa));
      return BinEdges::decimal(first - shift * mantissa, mantissa, unit_exponent, bins);
    }
    ++exponent;
  }
  return BinEdges::uniform(lo, hi, bins);
}

BinEdges choose_bin_edges(const Scenario& scenario, int table, Metric metric,
                          std::optional<int> bins_override, std::span<const double> pilot_values) {
  const HistogramSpec& spec = scenario.outputs.histogram[static_cast<int>(metric)];
  const int bins = bins_override.value_or(spec.bins);
  if (spec.min && spec.max) return BinEdges::uniform(*spec.min, *spec.max, bins);

  double lo = HUGE_VAL, hi = -HUGE_VAL;
  for (double v : pilot_values) {
    if (!std::isfinite(v)) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }

  if (metric == Metric::month) {
    // Whole months 0 .. last round, bins of whole months centred on integers.
    std::int64_t first = 0;
    std::int64_t last = last_round(scenario, table);
    if (lo <= hi) {
      first = std::min<std::int64_t>(first, static_cast<std::int64_t>(std::floor(lo)));
      last = std::max<std::int64_t>(last, static_cast<std::int64_t>(std::ceil(hi)));
    }
    const std::int64_t span = last - first + 1;
    const std::int64_t width = (span + bins - 1) / bins;
    return BinEdges::integer_centred(first, width, static_cast<int>((span + width - 1) / width));
  }

  if (!(lo <= hi)) {
    fallback_range(scenario, table, metric, lo, hi);
  } else if (lo == hi) {
    const double pad = lo == 0 ? 1.0 : 0.05 * std::abs(lo);
    lo -= pad;
    hi += pad;
  } else {
    const double margin = kPilotMargin * (hi - lo);
    // Non-negative data (amounts) keep a non-negative range.
    lo = lo >= 0 ? std::max(0.0, lo - margin) : lo - margin;
    hi += margin;
  }
  return nice_edges_covering(lo, hi, bins);
}

FineAxis fine_axis_for(const BinEdges& edges) {
  if (edges.integer_centred()) return FineAxis(edges, static_cast<int>(edges.integer_width()));
  const int subdivision = (kQuantileFineBins + edges.bins() - 1) / edges.bins();
  return FineAxis(edges, subdivision);
}

}  // namespace parley
