// report.html for a `parley run` folder.
#include <algorithm>
#include <cmath>

#include "analysis/results/report/report_sections.hpp"

namespace parley {
namespace {

std::string json_text(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

void add_distributions(ReportPage& page, const RunFolder& run, const std::string& table,
                       const std::string& metric, const std::string& label) {
  nlohmann::json series = nlohmann::json::array();
  for (const std::string& group : run.groups(table))
    series.push_back(run.distribution_series(table, metric, group, group));
  const std::string unit = metric_unit(metric, run.currency(table));
  const auto observed = run.observed(table, metric);
  page.figure(distribution_figure("histogram", table + ": " + label + " by group (density)", metric,
                                  unit, series, observed));
  page.figure(distribution_figure("cdf", table + ": " + label + " by group (cumulative)", metric,
                                  unit, series, observed));
}

void add_summary_table(ReportPage& page, const RunFolder& run, const std::string& table) {
  const CsvTable& s = run.summary();
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : s.rows()) {
    if (s.text(row, "table") != table) continue;
    std::vector<std::string> cells = {s.text(row, "metric"), s.text(row, "group"),
                                      s.text(row, "n")};
    for (const char* c : {"mean", "sd", "p05", "p50", "p95", "quantile_error"})
      cells.push_back(cell_number(s.number(row, c)));
    rows.push_back(cells);
  }
  page.table({"metric", "group", "n", "mean", "sd", "p05", "p50", "p95", "quantile error"}, rows,
             table + ": summary (summary.csv)");
}

void add_outcome_table(ReportPage& page, const RunFolder& run, const std::string& table) {
  const CsvTable& o = run.outcomes();
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : o.rows()) {
    if (o.text(row, "table") != table) continue;
    rows.push_back({o.text(row, "group"), o.text(row, "outcome"), o.text(row, "count"),
                    cell_number(o.number(row, "share")), cell_number(o.number(row, "se"))});
  }
  page.table({"group", "outcome", "count", "share", "se"}, rows,
             table + ": outcomes (outcomes.csv)");
}

}  // namespace

void add_run_metadata(ReportPage& page, const RunFolder& run, const std::string& caption) {
  const nlohmann::json& j = run.run_json();
  std::vector<std::vector<std::string>> rows;
  for (const char* key : {"scenario", "scenario_file", "scenario_sha256", "seed", "trials",
                          "threads", "parley_version", "start_time", "elapsed_seconds", "bins"})
    if (j.contains(key)) rows.push_back({key, json_text(j[key])});
  std::string overrides;
  if (j.contains("overrides") && j["overrides"].is_array())
    for (const nlohmann::json& o : j["overrides"])
      overrides += (overrides.empty() ? "" : "; ") + o.value("path", std::string()) + "=" +
                   o.value("value", std::string());
  rows.push_back({"overrides", overrides.empty() ? "none" : overrides});
  page.table({"run", "value"}, rows, caption);
}

void add_run_sections(ReportPage& page, const RunFolder& run) {
  for (const std::string& table : run.tables()) {
    const std::string currency = run.currency(table);
    const auto baseline = run.baseline(table);
    page.heading(2, table + (currency.empty() ? "" : " (" + currency + ")") +
                        (baseline ? ", baseline " + cell_number(baseline) : ""));
    nlohmann::json shares = nlohmann::json::array();
    for (const std::string& group : run.groups(table))
      shares.push_back(run.shares_series(table, group, group));
    page.figure({{"kind", "shares"},
                 {"title", table + ": outcome shares by group (bars: 95% intervals)"},
                 {"categories", {"agreed", "extended", "no_deal"}},
                 {"series", shares}});
    const std::vector<std::string> metrics = run.metrics(table);
    for (const char* metric : {"amount", "month"})
      if (std::find(metrics.begin(), metrics.end(), metric) != metrics.end())
        add_distributions(
            page, run, table, metric,
            std::string(metric) == "amount" ? "settled amount" : "month of agreement");
    add_summary_table(page, run, table);
    add_outcome_table(page, run, table);
  }
  page.heading(2, "Run");
  add_run_metadata(page, run, "run.json");
}

}  // namespace parley
