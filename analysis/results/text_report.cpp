#include "analysis/results/text_report.hpp"

#include <algorithm>
#include <string>

#include "analysis/results/number_format.hpp"

namespace parley {
namespace {

void write_quantiles(std::ostream& out, const RunResult& result, int table, Metric metric) {
  const int slot = result.layout().slot_of(metric);
  if (slot < 0) return;
  const MetricSummary s = summarize(result.statistics, table, slot, 0);
  out << "  " << left_aligned(to_string(metric), 11);
  if (s.n == 0) {
    out << "no settled trials\n";
    return;
  }
  out << "p05 " << left_aligned(format_significant(*s.quantile[0], 6), 10) << " p50 "
      << left_aligned(format_significant(*s.quantile[2], 6), 10) << " p95 "
      << left_aligned(format_significant(*s.quantile[4], 6), 10) << " (n " << s.n
      << ", quantiles +- " << format_significant(*s.quantile_error, 3) << ")\n";
}

// The amount histogram of group `all`, trimmed to the occupied bins and merged to at most
// kTextHistogramRows rows.
void write_amount_bars(std::ostream& out, const RunResult& result, int table) {
  const int slot = result.layout().slot_of(Metric::amount);
  if (slot < 0) return;
  const std::vector<HistogramRow> rows = histogram_rows(result.statistics, table, slot, 0);
  const std::size_t under = 0, over = rows.size() - 1;
  std::size_t first = under + 1, last = over - 1;
  while (first <= last && rows[first].count == 0)
    ++first;
  while (last >= first && last > under && rows[last].count == 0)
    --last;

  struct Bar {
    std::string label;
    std::int64_t count;
  };
  std::vector<Bar> bars;
  if (rows[under].count > 0)
    bars.push_back({"< " + format_significant(rows[under].upper, 6), rows[under].count});
  if (first <= last) {
    const std::size_t used = last - first + 1;
    const std::size_t per_row = (used + kTextHistogramRows - 1) / kTextHistogramRows;
    for (std::size_t i = first; i <= last; i += per_row) {
      const std::size_t end = std::min(last, i + per_row - 1);
      std::int64_t count = 0;
      for (std::size_t k = i; k <= end; ++k)
        count += rows[k].count;
      bars.push_back(
          {format_significant(rows[i].lower, 6) + " .. " + format_significant(rows[end].upper, 6),
           count});
    }
  }
  if (rows[over].count > 0)
    bars.push_back({">= " + format_significant(rows[over].lower, 6), rows[over].count});
  if (bars.empty()) return;

  std::int64_t largest = 1;
  std::size_t label_width = 0;
  for (const Bar& b : bars) {
    largest = std::max(largest, b.count);
    label_width = std::max(label_width, b.label.size());
  }
  out << "  amount of settled trials:\n";
  constexpr int kBarWidth = 40;
  for (const Bar& b : bars) {
    const auto length = static_cast<std::size_t>((b.count * kBarWidth + largest / 2) / largest);
    out << "    " << left_aligned(b.label, label_width) << "  "
        << left_aligned(std::string(length, '#'), kBarWidth) << "  " << b.count << "\n";
  }
}

}  // namespace

void write_text_report(std::ostream& out, const RunResult& result) {
  const double rate = result.elapsed_seconds > 0
                          ? static_cast<double>(result.trials_done()) / result.elapsed_seconds
                          : 0.0;
  out << result.scenario.name << ": " << result.trials_done() << " trials, seed " << result.seed
      << ", " << result.threads << " threads, " << format_fixed(result.elapsed_seconds, 2) << " s ("
      << format_fixed(rate, 0) << " trials/s)\n";
  for (int t = 0; t < result.layout().tables; ++t) {
    const Table& table = result.scenario.tables[t];
    out << "\n"
        << table.name << " (" << table.currency << ", baseline "
        << format_significant(table.baseline, 6) << ")\n  outcomes   ";
    const char* separator = "";
    for (Outcome o : {Outcome::agreed, Outcome::extended, Outcome::no_deal}) {
      const OutcomeShare s = outcome_share(result.statistics, t, 0, o);
      out << separator << to_string(o) << " " << format_fixed(100 * s.share.value_or(0), 2)
          << "% +-" << format_fixed(100 * s.se.value_or(0), 2);
      separator = "   ";
    }
    out << "\n";
    write_quantiles(out, result, t, Metric::amount);
    write_quantiles(out, result, t, Metric::change_pct);
    write_amount_bars(out, result, t);
  }
}

}  // namespace parley
