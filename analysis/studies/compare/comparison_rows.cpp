#include "analysis/studies/compare/comparison_rows.hpp"

#include <cmath>

namespace parley {
namespace {

// The standard error of a share estimated from n trials.
std::optional<double> share_se(std::int64_t count, std::int64_t n) {
  if (n < 1) return std::nullopt;
  const double p = static_cast<double>(count) / static_cast<double>(n);
  return std::sqrt(p * (1 - p) / static_cast<double>(n));
}

std::optional<double> minus(const std::optional<double>& b, const std::optional<double>& a) {
  if (!a || !b) return std::nullopt;
  return *b - *a;
}

// Paired se of a share difference from the exact integer sums of d_i and d_i^2 over n trials.
std::optional<double> paired_share_se(std::int64_t sum, std::int64_t sum_squares, std::int64_t n) {
  if (n < 2) return std::nullopt;
  const auto nd = static_cast<double>(n);
  const double s = static_cast<double>(sum);
  const double ss = static_cast<double>(sum_squares) - s * s / nd;  // sum of squared deviations
  return std::sqrt(std::max(0.0, ss) / (nd - 1) / nd);
}

// Batch-means se of a quantile shift: sd of the full blocks' shifts / sqrt(blocks).
std::optional<double> batch_se(const RunningMoments& blocks, bool broken) {
  if (broken || blocks.count() < 2) return std::nullopt;
  return std::sqrt(blocks.variance() / static_cast<double>(blocks.count()));
}

class RowWriter {
 public:
  RowWriter(const ComparisonResult& result, int table, int variant,
            std::vector<ComparisonRow>& rows)
      : result_(result), table_(table), variant_(variant), rows_(rows) {}

  void add(const char* metric, const std::string& statistic, std::optional<double> a,
           std::optional<double> b, std::optional<double> difference, std::optional<double> se) {
    rows_.push_back({result_.runs[0].scenario.tables[table_].name, metric, statistic,
                     result_.names[1 + variant_], a, b, difference, se, std::nullopt});
  }

  void outcomes(const PairedCell& c) {
    for (Outcome o : {Outcome::agreed, Outcome::extended, Outcome::no_deal}) {
      const int k = static_cast<int>(o);
      const auto a = result_.runs[0].outcome(table_, o).share;
      const auto b = result_.runs[1 + variant_].outcome(table_, o).share;
      add("outcome", to_string(o), a, b, minus(b, a),
          paired_share_se(c.outcome_difference[k], c.outcome_disagree[k], c.trials));
    }
    changed("outcome", c.outcome_changed, c.trials);
  }

  void changed(const char* metric, std::int64_t count, std::int64_t n) {
    const double share = n > 0 ? static_cast<double>(count) / static_cast<double>(n) : NAN;
    add(metric, "changed", 0.0, share, share, share_se(count, n));
  }

  void metric(const PairedCell& c, std::size_t m) {
    const Metric which = kPairedMetrics[m];
    if (result_.runs[0].layout().slot_of(which) < 0 ||
        result_.runs[1 + variant_].layout().slot_of(which) < 0)
      return;  // not among the scenario's outputs.metrics
    const PairedMoments& moments = c.metrics[m];
    const MetricSummary a = result_.runs[0].summary(table_, which);
    const MetricSummary b = result_.runs[1 + variant_].summary(table_, which);
    add(to_string(which), "mean", a.mean, b.mean, moments.difference(), moments.se_of_difference());
    for (std::size_t q = 0; q < kShiftPercents.size(); ++q) {
      const std::size_t summary_index = q == 0 ? 0 : q == 1 ? 2 : 4;  // p05, p50, p95
      static constexpr std::array<const char*, kShiftPercents.size()> kNames = {"p05", "p50",
                                                                                "p95"};
      const std::string name = kNames[q];
      add(to_string(which), name, a.quantile[summary_index], b.quantile[summary_index],
          minus(b.quantile[summary_index], a.quantile[summary_index]),
          batch_se(c.block_shift[m][q], c.block_shift_broken[m]));
      const auto& bound_a = a.quantile_bound[summary_index];
      const auto& bound_b = b.quantile_bound[summary_index];
      if (bound_a && bound_b) rows_.back().resolution = *bound_a + *bound_b;
    }
    if (which == Metric::amount) changed("amount", c.amount_changed, c.trials);
  }

 private:
  const ComparisonResult& result_;
  int table_, variant_;
  std::vector<ComparisonRow>& rows_;
};

}  // namespace

bool ComparisonRow::is_noise() const {
  if (!difference || *difference == 0) return false;
  if (!se) return false;
  // se 0: every block's exact quantile moved by the same amount, and what remains of the
  // difference may be the histogram's resolution.
  if (*se == 0) return resolution && std::abs(*difference) <= *resolution;
  return std::abs(*difference) < 2 * *se;
}

std::vector<ComparisonRow> comparison_rows(const ComparisonResult& result) {
  std::vector<ComparisonRow> rows;
  const PairedStatistics& paired = result.paired;
  for (int t = 0; t < paired.tables(); ++t) {
    for (int v = 0; v < paired.variants(); ++v) {
      RowWriter writer(result, t, v, rows);
      const PairedCell& c = paired.cell(v, t);
      writer.outcomes(c);
      for (std::size_t m = 0; m < kPairedMetrics.size(); ++m)
        writer.metric(c, m);
    }
  }
  return rows;
}

}  // namespace parley
