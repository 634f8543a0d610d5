// report.html for a `parley compare` folder: compare.json, compare.csv and one run folder each.
#include <algorithm>
#include <cmath>
#include <set>

#include "analysis/results/report/report_sections.hpp"
#include "sim/io/input_error.hpp"

namespace parley {
namespace {

struct ComparedFolder {
  std::string name;
  std::string description;
  RunFolder run;
};

std::vector<ComparedFolder> read_runs(const std::filesystem::path& dir, const nlohmann::json& j) {
  std::vector<ComparedFolder> runs;
  if (!j.contains("runs") || !j["runs"].is_array())
    throw InputError({(dir / "compare.json").string(), 0, 0}, "no 'runs' list");
  for (const nlohmann::json& r : j["runs"]) {
    const std::string name = r.value("name", std::string());
    runs.push_back({name, r.value("description", std::string()),
                    RunFolder::read(dir / r.value("folder", name))});
  }
  if (runs.size() < 2)
    throw InputError({(dir / "compare.json").string(), 0, 0}, "a comparison has at least two runs");
  return runs;
}

std::string signed_number(const std::optional<double>& v) {
  if (!v) return "";
  const std::string text = cell_number(v);
  return *v > 0 ? "+" + text : text;
}

// The rows compare.json marks as noise, as "table/metric/statistic/variant".
std::set<std::string> noise_rows(const nlohmann::json& j) {
  std::set<std::string> keys;
  for (const nlohmann::json& r : j.value("noise", nlohmann::json::array()))
    keys.insert(r.value("table", std::string()) + "/" + r.value("metric", std::string()) + "/" +
                r.value("statistic", std::string()) + "/" + r.value("variant", std::string()));
  return keys;
}

// The rows of compare.csv for one table, as a table and as difference figures; noise as marked
// in compare.json (as on stdout).
void add_differences(ReportPage& page, const CsvTable& csv, const std::set<std::string>& noise_keys,
                     const std::string& table, const std::string& currency) {
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> noise;
  nlohmann::json outcome_rows = nlohmann::json::array(), amount_rows = nlohmann::json::array(),
                 month_rows = nlohmann::json::array();
  for (const auto& row : csv.rows()) {
    if (csv.text(row, "table") != table) continue;
    const std::string metric = csv.text(row, "metric"), statistic = csv.text(row, "statistic");
    const auto difference = csv.number(row, "difference");
    const auto se = csv.number(row, "se");
    const bool is_noise = noise_keys.count(table + "/" + metric + "/" + statistic + "/" +
                                           csv.text(row, "variant")) > 0;
    rows.push_back({csv.text(row, "variant"), metric, statistic,
                    cell_number(csv.number(row, "baseline_value")),
                    cell_number(csv.number(row, "variant_value")), signed_number(difference),
                    cell_number(se), is_noise ? "~ noise" : ""});
    noise.push_back(is_noise);
    if (!difference || statistic == "changed") continue;
    const double half = se ? 2 * *se : 0.0;
    const bool share = metric == "outcome";
    const double scale = share ? 100.0 : 1.0;  // shares in percentage points
    nlohmann::json item = {{"label", share ? statistic : metric + " " + statistic},
                           {"series", csv.text(row, "variant")},
                           {"value", scale * *difference},
                           {"lo", se ? nlohmann::json(scale * (*difference - half)) : nullptr},
                           {"hi", se ? nlohmann::json(scale * (*difference + half)) : nullptr}};
    (share ? outcome_rows : metric == "amount" ? amount_rows : month_rows).push_back(item);
  }
  page.table(
      {"variant", "metric", "statistic", "baseline", "variant value", "difference", "se", ""}, rows,
      table +
          ": paired differences (compare.csv; ~ marks noise: |difference| < 2 se, or with "
          "se 0 a quantile shift within the quantiles' error bounds)",
      noise);
  if (!outcome_rows.empty())
    page.figure({{"kind", "intervals"},
                 {"title", table + ": change of the outcome shares (points, +-2 se)"},
                 {"x_label", "difference (percentage points)"},
                 {"rows", outcome_rows}});
  if (!amount_rows.empty())
    page.figure({{"kind", "intervals"},
                 {"title", table + ": change of the settled amount (+-2 se)"},
                 {"x_label", "difference" + (currency.empty() ? "" : " (" + currency + ")")},
                 {"rows", amount_rows}});
  if (!month_rows.empty())
    page.figure({{"kind", "intervals"},
                 {"title", table + ": change of the month of agreement (+-2 se)"},
                 {"x_label", "difference (months)"},
                 {"rows", month_rows}});
}

}  // namespace

void add_compare_sections(ReportPage& page, const std::filesystem::path& dir) {
  const nlohmann::json j = read_json_file(dir / "compare.json");
  const std::vector<ComparedFolder> runs = read_runs(dir, j);
  const CsvTable csv = CsvTable::read(dir / "compare.csv");
  page.paragraph(
      "Every run uses the same trials (common random numbers: trial i of every run "
      "draws from the streams of the same seed and trial), so the differences below "
      "come from the change, and their standard errors are paired.");
  std::vector<std::vector<std::string>> what;
  for (const ComparedFolder& r : runs) {
    std::string settings;
    for (const nlohmann::json& o : r.run.run_json().value("overrides", nlohmann::json::array()))
      settings += (settings.empty() ? "" : "; ") + o.value("path", std::string()) + "=" +
                  o.value("value", std::string());
    what.push_back({r.name, r.description, settings.empty() ? "none" : settings});
  }
  page.table({"run", "description", "settings (--set, then the variant's)"}, what, "Runs");

  const RunFolder& base = runs[0].run;
  for (const std::string& table : base.tables()) {
    const std::string currency = base.currency(table);
    page.heading(2, table + (currency.empty() ? "" : " (" + currency + ")"));
    add_differences(page, csv, noise_rows(j), table, currency);
    nlohmann::json shares = nlohmann::json::array();
    for (const ComparedFolder& r : runs)
      shares.push_back(r.run.shares_series(table, "all", r.name));
    page.figure({{"kind", "shares"},
                 {"title", table + ": outcome shares per run (bars: 95% intervals)"},
                 {"categories", {"agreed", "extended", "no_deal"}},
                 {"series", shares}});
    for (const char* metric : {"amount", "month"}) {
      const std::vector<std::string> metrics = base.metrics(table);
      if (std::find(metrics.begin(), metrics.end(), metric) == metrics.end()) continue;
      nlohmann::json series = nlohmann::json::array();
      for (const ComparedFolder& r : runs)
        series.push_back(r.run.distribution_series(table, metric, "all", r.name));
      const std::string label =
          std::string(metric) == "amount" ? "settled amount" : "month of agreement";
      const std::string unit = metric_unit(metric, currency);
      const auto observed = base.observed(table, metric);
      page.figure(distribution_figure("histogram", table + ": " + label + " per run (density)",
                                      metric, unit, series, observed));
      page.figure(distribution_figure("cdf", table + ": " + label + " per run (cumulative)", metric,
                                      unit, series, observed));
    }
  }
  for (const ComparedFolder& r : runs) {
    page.heading(2, "Run " + r.name);
    add_run_metadata(page, r.run, r.name + "/run.json");
  }
}

}  // namespace parley
