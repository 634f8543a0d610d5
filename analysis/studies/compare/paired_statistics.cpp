#include "analysis/studies/compare/paired_statistics.hpp"

#include <algorithm>

#include "sim/engine/parallel.hpp"

namespace parley {

std::optional<double> type1_quantile(std::vector<double>& values, int percent) {
  if (values.empty()) return std::nullopt;
  const auto n = static_cast<std::int64_t>(values.size());
  const std::int64_t k = std::max<std::int64_t>(1, (percent * n + 99) / 100);
  const auto kth = values.begin() + (k - 1);
  std::nth_element(values.begin(), kth, values.end());
  return *kth;
}

BlockQuantiles::BlockQuantiles(int runs, int tables)
    : runs_(runs),
      tables_(tables),
      values_(static_cast<std::size_t>(runs) * tables * kPairedMetrics.size()),
      quantiles_(values_.size()) {
  for (auto& v : values_)
    v.reserve(kTrialsPerBlock);
}

void BlockQuantiles::add(const std::vector<TrialResult>& runs) {
  ++trials_;
  for (int r = 0; r < runs_; ++r)
    for (int t = 0; t < tables_; ++t)
      for (std::size_t m = 0; m < kPairedMetrics.size(); ++m) {
        const double x = runs[r].tables[t].metric(kPairedMetrics[m]);
        if (!std::isnan(x)) values_[index(r, t, static_cast<int>(m))].push_back(x);
      }
}

void BlockQuantiles::finish() {
  for (std::size_t i = 0; i < values_.size(); ++i)
    for (std::size_t q = 0; q < kShiftPercents.size(); ++q)
      quantiles_[i][q] = type1_quantile(values_[i], kShiftPercents[q]);
}

void BlockQuantiles::clear() {
  trials_ = 0;
  for (auto& v : values_)
    v.clear();
  for (auto& q : quantiles_)
    q = {};
}

std::optional<double> BlockQuantiles::quantile(int run, int table, int metric, int shift) const {
  return quantiles_.at(index(run, table, metric))[shift];
}

PairedStatistics::PairedStatistics(int variants, int tables)
    : variants_(variants), tables_(tables), cells_(static_cast<std::size_t>(variants) * tables) {}

void PairedStatistics::add(const std::vector<TrialResult>& runs) {
  for (int v = 0; v < variants_; ++v) {
    for (int t = 0; t < tables_; ++t) {
      const TableResult& a = runs[0].tables[t];
      const TableResult& b = runs[1 + v].tables[t];
      PairedCell& c = cell(v, t);
      ++c.trials;
      if (a.outcome != b.outcome) {
        ++c.outcome_changed;
        --c.outcome_difference[static_cast<int>(a.outcome)];
        ++c.outcome_difference[static_cast<int>(b.outcome)];
        ++c.outcome_disagree[static_cast<int>(a.outcome)];
        ++c.outcome_disagree[static_cast<int>(b.outcome)];
      }
      const bool same_amount = std::isnan(a.amount)
                                   ? std::isnan(b.amount)
                                   : (!std::isnan(b.amount) && a.amount == b.amount);
      if (!same_amount) ++c.amount_changed;
      for (std::size_t m = 0; m < kPairedMetrics.size(); ++m)
        c.metrics[m].add(a.metric(kPairedMetrics[m]), b.metric(kPairedMetrics[m]));
    }
  }
}

void PairedStatistics::merge(const PairedStatistics& other) {
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    PairedCell& c = cells_[i];
    const PairedCell& o = other.cells_[i];
    c.trials += o.trials;
    for (int k = 0; k < kOutcomeCount; ++k) {
      c.outcome_difference[k] += o.outcome_difference[k];
      c.outcome_disagree[k] += o.outcome_disagree[k];
    }
    c.outcome_changed += o.outcome_changed;
    c.amount_changed += o.amount_changed;
    for (std::size_t m = 0; m < kPairedMetrics.size(); ++m)
      c.metrics[m].merge(o.metrics[m]);
  }
}

void PairedStatistics::add_block(const BlockQuantiles& block) {
  if (block.trials() != kTrialsPerBlock) return;
  for (int v = 0; v < variants_; ++v)
    for (int t = 0; t < tables_; ++t)
      for (std::size_t m = 0; m < kPairedMetrics.size(); ++m)
        for (std::size_t q = 0; q < kShiftPercents.size(); ++q) {
          const int metric = static_cast<int>(m), shift = static_cast<int>(q);
          const auto a = block.quantile(0, t, metric, shift);
          const auto b = block.quantile(1 + v, t, metric, shift);
          PairedCell& c = cell(v, t);
          if (a && b)
            c.block_shift[m][q].add(*b - *a);
          else
            c.block_shift_broken[m] = true;
        }
}

void PairedStatistics::clear() {
  for (PairedCell& c : cells_)
    c = PairedCell{};
}

}  // namespace parley
