// `outputs:` -> Scenario::outputs (metrics, grouping, histogram layout) and `observed:` ->
// Scenario::observed (real outcomes for backtests; read and checked, never simulated).
#include <algorithm>

#include "sim/io/scenario_draft.hpp"

namespace parley {
namespace {

constexpr std::int64_t kMaxBins = 100000;

std::vector<std::string> metric_names() {
  std::vector<std::string> names;
  for (Metric m : kAllMetrics)
    names.push_back(to_string(m));
  return names;
}

void read_metrics(const YamlNode& node, const std::string& path, Outputs& out, Reader& read) {
  if (!node.is_sequence() || node.items.empty()) {
    read.error(node.where, path, "expected a non-empty list of metrics, got " + node.describe());
    return;
  }
  std::vector<Metric> metrics;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const auto m = read.choice(node.items[i], join_path(path, i), metric_names());
    if (!m) continue;
    const auto metric = static_cast<Metric>(*m);
    if (std::find(metrics.begin(), metrics.end(), metric) != metrics.end()) {
      read.error(node.items[i].where, join_path(path, i),
                 "metric '" + node.items[i].text + "' is listed twice");
      continue;
    }
    metrics.push_back(metric);
  }
  out.metrics = metrics;
}

void read_group_by(const YamlNode& node, const std::string& path, ScenarioDraft& draft) {
  if (!draft.read.list(node, path)) return;
  std::vector<int>& group_by = draft.scenario.outputs.group_by;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const int shock = draft.shock(node.items[i], join_path(path, i));
    if (shock < 0) continue;
    if (std::find(group_by.begin(), group_by.end(), shock) != group_by.end()) {
      draft.read.error(node.items[i].where, join_path(path, i),
                       "shock '" + node.items[i].text + "' is listed twice");
      continue;
    }
    group_by.push_back(shock);
  }
}

std::optional<int> read_bins(const YamlNode& node, const std::string& path, Reader& read) {
  const auto bins = read.integer(node, path, 1, kMaxBins);
  return bins ? std::optional(static_cast<int>(*bins)) : std::nullopt;
}

void read_histogram(const YamlNode& node, const std::string& path, Outputs& out, Reader& read) {
  std::vector<std::string> known = metric_names();
  known.insert(known.begin(), "bins");
  MapFields fields(read, node, path, known);
  if (!fields.ok()) return;
  if (const YamlNode* bins = fields.get("bins")) {
    if (auto n = read_bins(*bins, fields.path("bins"), read)) {
      for (HistogramSpec& spec : out.histogram)
        spec.bins = *n;
    }
  }
  for (Metric metric : kAllMetrics) {
    const YamlNode* node_for_metric = fields.get(to_string(metric));
    if (!node_for_metric) continue;
    MapFields range(read, *node_for_metric, fields.path(to_string(metric)), {"min", "max", "bins"});
    HistogramSpec& spec = out.histogram[static_cast<int>(metric)];
    if (const YamlNode* bins = range.get("bins")) {
      spec.bins = read_bins(*bins, range.path("bins"), read).value_or(spec.bins);
    }
    const YamlNode* min = range.get("min");
    const YamlNode* max = range.get("max");
    if (!min && !max) continue;
    if (!min || !max) {
      read.error(range.where(), range.path(),
                 std::string("give both 'min' and 'max' (or neither, for an automatic range); ") +
                     "only '" + (min ? "min" : "max") + "' is given");
      continue;
    }
    const auto lo = read.number(*min, range.path("min"));
    const auto hi = read.number(*max, range.path("max"));
    if (!lo || !hi) continue;
    if (!(*lo < *hi)) {
      read.error(max->where, range.path("max"),
                 "must be > min (" + min->text + "), got " + max->text);
      continue;
    }
    spec.min = lo;
    spec.max = hi;
  }
}

}  // namespace

void read_outputs(const YamlNode& node, ScenarioDraft& draft) {
  Reader& read = draft.read;
  MapFields fields(read, node, "outputs", {"metrics", "group_by", "histogram"});
  if (!fields.ok()) return;
  Outputs& out = draft.scenario.outputs;
  if (const YamlNode* metrics = fields.get("metrics")) {
    read_metrics(*metrics, fields.path("metrics"), out, read);
  }
  if (const YamlNode* group_by = fields.get("group_by")) {
    read_group_by(*group_by, fields.path("group_by"), draft);
  }
  if (const YamlNode* histogram = fields.get("histogram")) {
    read_histogram(*histogram, fields.path("histogram"), out, read);
  }
}

void read_observed(const YamlNode& node, ScenarioDraft& draft) {
  Reader& read = draft.read;
  if (!read.map(node, "observed")) return;
  for (const YamlEntry& entry : node.entries) {
    const std::string path = join_path("observed", entry.key);
    ObservedOutcome observed;
    observed.table = draft.table(entry.key_node(), path);
    MapFields fields(read, entry.value, path, {"outcome", "amount", "month", "years", "source"});
    if (!fields.ok()) continue;
    if (const YamlNode* outcome = fields.required("outcome")) {
      const std::vector<std::string> outcomes = {"agreed", "extended", "no_deal"};
      if (auto o = read.choice(*outcome, fields.path("outcome"), outcomes)) {
        observed.outcome = outcomes[*o];
      }
    }
    if (const YamlNode* amount = fields.get("amount")) {
      observed.amount = read.number(*amount, fields.path("amount"));
    }
    if (const YamlNode* month = fields.get("month")) {
      const auto m = read.integer(*month, fields.path("month"), 0, 100000);
      if (m) observed.month = static_cast<int>(*m);
    }
    if (const YamlNode* years = fields.get("years")) {
      const auto y = read.integer(*years, fields.path("years"), 1, 1000);
      if (y) observed.years = static_cast<int>(*y);
    }
    if (const YamlNode* source = fields.get("source")) {
      observed.source = read.string(*source, fields.path("source")).value_or("");
    }
    if (observed.table >= 0) draft.scenario.observed.push_back(std::move(observed));
  }
}

}  // namespace parley
