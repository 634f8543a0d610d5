#include "sim/serve/result_json.hpp"

#include <cmath>

#include "analysis/statistics/metric_summary.hpp"

namespace parley::serve {
namespace {

using nlohmann::json;

json number_or_null(const std::optional<double>& x) {
  return x && std::isfinite(*x) ? json(*x) : json(nullptr);
}

json series(const RunResult& result, int table, Metric metric, int group, const char* name,
            const char* role) {
  const MetricSummary s = result.summary(table, metric, group);
  json bins = json::array();
  for (const HistogramRow& row : result.histogram(table, metric, group)) {
    if (!std::isfinite(row.lower) || !std::isfinite(row.upper)) continue;  // under/overflow
    bins.push_back({{"lo", row.lower},
                    {"hi", row.upper},
                    {"count", row.count},
                    {"density", number_or_null(row.density)},
                    {"cdf", number_or_null(row.cdf)}});
  }
  json quantiles = json::object();
  for (std::size_t q = 0; q < kSummaryPercents.size(); ++q) {
    const int percent = kSummaryPercents[q];
    quantiles[(percent < 10 ? "p0" : "p") + std::to_string(percent)] =
        number_or_null(s.quantile[q]);
  }
  return {{"name", name},
          {"role", role},
          {"n", s.n},
          {"mean", number_or_null(s.mean)},
          {"sd", number_or_null(s.sd)},
          {"quantiles", quantiles},
          {"quantile_error", number_or_null(s.quantile_error)},
          {"bins", bins}};
}

json shares(const RunResult& result, int table, int group, const char* name, const char* role) {
  json out = json::object();
  for (Outcome o : {Outcome::agreed, Outcome::extended, Outcome::no_deal}) {
    const OutcomeShare share = result.outcome(table, o, group);
    out[to_string(o)] = {{"count", share.count},
                         {"share", number_or_null(share.share)},
                         {"se", number_or_null(share.se)}};
  }
  return {{"name", name},
          {"role", role},
          {"trials", result.statistics.group_trials(group)},
          {"shares", out}};
}

}  // namespace

json what_if_json(const WhatIf& run, const RunRequest& request, double elapsed_ms) {
  const RunResult& what_if = *run.what_if;
  const RunResult& base = *run.baseline;
  const GroupLayout& groups = what_if.layout().groups;
  const int group = groups.find(request.group);
  const int base_group = base.layout().groups.find(request.group);
  const bool changed = !request.overrides.empty() || !request.variant.empty();
  // Unchanged, the run is the baseline itself and is drawn once.
  const char* what_if_name = !changed                  ? "baseline"
                             : request.variant.empty() ? "what-if"
                                                       : request.variant.c_str();
  const char* what_if_role = changed ? "variant" : "baseline";

  json group_labels = json::array();
  for (int g = 0; g < groups.size(); ++g)
    group_labels.push_back(groups.label(g));
  json tables = json::array();
  for (std::size_t t = 0; t < what_if.scenario.tables.size(); ++t) {
    const Table& table = what_if.scenario.tables[t];
    const int ti = static_cast<int>(t);
    // The baseline's table of the same name (overrides cannot rename tables, but be exact).
    const int bt = base.scenario.find_table(table.name);
    const bool with_base = changed && bt >= 0 && base_group >= 0;
    json metrics = json::array();
    for (Metric metric : what_if.layout().metrics) {
      json list = json::array({series(what_if, ti, metric, group, what_if_name, what_if_role)});
      if (with_base && base.layout().slot_of(metric) >= 0)
        list.push_back(series(base, bt, metric, base_group, "baseline", "baseline"));
      metrics.push_back({{"metric", to_string(metric)}, {"series", list}});
    }
    json outcomes = json::array({shares(what_if, ti, group, what_if_name, what_if_role)});
    if (with_base) outcomes.push_back(shares(base, bt, base_group, "baseline", "baseline"));
    tables.push_back({{"name", table.name},
                      {"currency", table.currency},
                      {"baseline", table.baseline},
                      {"metrics", metrics},
                      {"outcomes", outcomes}});
  }
  return {
      {"scenario", run.file.name}, {"seed", what_if.seed},   {"trials", what_if.trials_requested},
      {"group", request.group},    {"groups", group_labels}, {"changed", changed},
      {"elapsed_ms", elapsed_ms},  {"tables", tables}};
}

}  // namespace parley::serve
