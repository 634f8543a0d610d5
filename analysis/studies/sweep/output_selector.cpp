#include "analysis/studies/sweep/output_selector.hpp"

#include <array>
#include <cmath>
#include <vector>

#include "analysis/statistics/group_layout.hpp"

namespace parley::sweep {
namespace {

// The columns of summary.csv after (table, metric, group), and of outcomes.csv after
// (table, group, outcome).
constexpr std::array<const char*, 12> kMetricFields = {"n",   "mean", "sd",  "se_mean",
                                                       "min", "p05",  "p25", "p50",
                                                       "p75", "p95",  "max", "quantile_error"};
constexpr std::array<const char*, 3> kOutcomeFields = {"count", "share", "se"};
constexpr int kFirstQuantileField = 5;

template <std::size_t N>
int index_of(const std::array<const char*, N>& names, std::string_view wanted) {
  for (std::size_t i = 0; i < N; ++i)
    if (wanted == names[i]) return static_cast<int>(i);
  return -1;
}

// "a, b, c" (appended piece by piece: GCC 12 warns falsely about `", " + name`).
template <class Names>
std::string listed(const Names& names) {
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

double or_nan(const std::optional<double>& value) {
  return value ? *value : NAN;
}

// Throws the error of a selector: 'TEXT': WHAT, at the selector's place.
struct OutputSelectorError {
  std::string_view text;
  const SourceLocation& where;

  [[noreturn]] void operator()(const std::string& what) const {
    std::string message = "'";
    message.append(text).append("': ").append(what);
    throw InputError(where, message);
  }
};

// The METRIC.STAT or OUTCOME.STAT part of a selector: a metric the scenario reports or an
// outcome, and the statistic's column.
void select_output_statistic(OutputSelector& out, const Scenario& scenario,
                             const std::string& middle, const std::string& field,
                             const OutputSelectorError& fail) {
  for (Metric metric : kAllMetrics)
    if (middle == to_string(metric)) out.metric = metric;
  if (out.metric) {
    bool reported = false;
    for (Metric m : scenario.outputs.metrics)
      reported = reported || m == *out.metric;
    if (!reported) fail("metric '" + middle + "' is not among the scenario's outputs.metrics");
    out.field = index_of(kMetricFields, field);
    if (out.field < 0)
      fail("no statistic '" + field + "' of a metric (" + listed(kMetricFields) + ")");
    return;
  }
  bool known = false;
  for (Outcome o : {Outcome::agreed, Outcome::extended, Outcome::no_deal}) {
    if (middle == to_string(o)) {
      out.outcome = o;
      known = true;
    }
  }
  if (!known)
    fail("'" + middle +
         "' is neither a metric (amount, change_pct, month, total) nor an outcome (agreed, "
         "extended, no_deal)");
  out.field = index_of(kOutcomeFields, field);
  if (out.field < 0)
    fail("no statistic '" + field + "' of an outcome (" + listed(kOutcomeFields) + ")");
}

int selected_output_group(const Scenario& scenario, const std::string& group,
                          const OutputSelectorError& fail) {
  const GroupLayout groups = GroupLayout::for_scenario(scenario);
  const int found = groups.find(group);
  if (found < 0) {
    std::vector<std::string> labels;
    for (int g = 0; g < groups.size(); ++g)
      labels.push_back(groups.label(g));
    fail("no group '" + group + "' (groups: " + listed(labels) + ")");
  }
  return found;
}

}  // namespace

OutputSelector parse_output_selector(std::string_view text, const Scenario& scenario,
                                     const SourceLocation& where) {
  const OutputSelectorError fail{text, where};
  OutputSelector out;

  std::string_view name = text;
  std::string group = "all";
  if (const std::size_t open = text.find('['); open != std::string_view::npos) {
    if (text.back() != ']') fail("a group is written in brackets at the end, e.g. [election=none]");
    group = std::string(text.substr(open + 1, text.size() - open - 2));
    name = text.substr(0, open);
  }
  const std::size_t first = name.find('.'), last = name.rfind('.');
  if (first == std::string_view::npos || first == last)
    fail(
        "expected TABLE.METRIC.STAT or TABLE.OUTCOME.STAT, e.g. seoul.amount.mean or "
        "seoul.agreed.share");
  const std::string table(name.substr(0, first));
  const std::string middle(name.substr(first + 1, last - first - 1));
  const std::string field(name.substr(last + 1));

  out.table = scenario.find_table(table);
  if (out.table < 0) {
    std::vector<std::string> tables;
    for (const Table& t : scenario.tables)
      tables.push_back(t.name);
    fail("no table '" + table + "' in the scenario (tables: " + listed(tables) + ")");
  }
  select_output_statistic(out, scenario, middle, field, fail);
  out.group = selected_output_group(scenario, group, fail);
  return out;
}

double select_output(const RunResult& result, const OutputSelector& selector) {
  if (!selector.metric) {
    const OutcomeShare s = result.outcome(selector.table, selector.outcome, selector.group);
    switch (selector.field) {
      case 0:
        return static_cast<double>(s.count);
      case 1:
        return or_nan(s.share);
      default:
        return or_nan(s.se);
    }
  }
  const MetricSummary s = result.summary(selector.table, *selector.metric, selector.group);
  if (selector.field >= kFirstQuantileField &&
      selector.field < kFirstQuantileField + static_cast<int>(s.quantile.size()))
    return or_nan(s.quantile[static_cast<std::size_t>(selector.field - kFirstQuantileField)]);
  switch (selector.field) {
    case 0:
      return static_cast<double>(s.n);
    case 1:
      return or_nan(s.mean);
    case 2:
      return or_nan(s.sd);
    case 3:
      return or_nan(s.se_mean);
    case 4:
      return or_nan(s.min);
    case 10:
      return or_nan(s.max);
    default:
      return or_nan(s.quantile_error);
  }
}

}  // namespace parley::sweep
