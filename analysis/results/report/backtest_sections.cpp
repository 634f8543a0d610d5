// report.html for a `parley backtest` folder: backtest.csv (scenarios/README.md, "Backtest").
#include <algorithm>

#include "analysis/results/report/report_sections.hpp"

namespace parley {
namespace {

std::string yes_no(const std::string& flag) {
  return flag == "1" || flag == "true" ? "yes" : flag == "0" || flag == "false" ? "no" : flag;
}

// The table of every case, after the coverage of the central intervals over the scored ones.
void add_backtest_case_table(ReportPage& page, const CsvTable& csv) {
  std::vector<std::vector<std::string>> rows;
  int scored = 0, in50 = 0, in90 = 0;
  for (const auto& row : csv.rows()) {
    const std::string inside_50 = yes_no(csv.text(row, "inside_50"));
    const std::string inside_90 = yes_no(csv.text(row, "inside_90"));
    if (!csv.text(row, "amount_pit").empty()) {
      ++scored;
      in50 += inside_50 == "yes";
      in90 += inside_90 == "yes";
    }
    rows.push_back({csv.text(row, "scenario") + " / " + csv.text(row, "table"),
                    csv.text(row, "observed_outcome"),
                    cell_number(csv.number(row, "p_observed_outcome")),
                    cell_number(csv.number(row, "observed_amount")),
                    cell_number(csv.number(row, "amount_p05")) + " / " +
                        cell_number(csv.number(row, "amount_p50")) + " / " +
                        cell_number(csv.number(row, "amount_p95")),
                    cell_number(csv.number(row, "amount_pit")), inside_50, inside_90,
                    cell_number(csv.number(row, "crps_pct")),
                    cell_number(csv.number(row, "observed_month")) + " / " +
                        cell_number(csv.number(row, "month_p50")),
                    cell_number(csv.number(row, "month_pit"))});
  }
  page.paragraph("Coverage of the central intervals over the " + std::to_string(scored) +
                 " scored amounts: 50 %: " + std::to_string(in50) + "/" + std::to_string(scored) +
                 ", 90 %: " + std::to_string(in90) + "/" + std::to_string(scored) +
                 ". PIT is the observed value's mid-rank in the simulated distribution (0.5: the "
                 "median; near 0 or 1: a surprise).");
  page.table(
      {"case", "observed", "P(observed outcome)", "observed amount", "sim p05 / p50 / p95", "PIT",
       "in 50 %", "in 90 %", "CRPS % of baseline", "month obs / sim p50", "month PIT"},
      rows, "backtest.csv");
}

// One case's figure: the simulated p05-p50-p95 of the amount and the observed amount. A case
// without a simulated median has none.
void add_backtest_amount_figure(ReportPage& page, const CsvTable& csv, const CsvTable::Row& row) {
  const auto observed = csv.number(row, "observed_amount");
  const auto p50 = csv.number(row, "amount_p50");
  if (!p50) return;
  const std::string currency = csv.text(row, "currency");
  const std::string name = csv.text(row, "scenario") + " / " + csv.text(row, "table");
  nlohmann::json items = nlohmann::json::array();
  auto value = [](const std::optional<double>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  items.push_back({{"label", "amount"},
                   {"series", "simulated p05-p50-p95"},
                   {"value", *p50},
                   {"lo", value(csv.number(row, "amount_p05"))},
                   {"hi", value(csv.number(row, "amount_p95"))}});
  if (observed)
    items.push_back({{"label", "amount"},
                     {"series", "observed"},
                     {"value", *observed},
                     {"lo", nullptr},
                     {"hi", nullptr}});
  page.figure({{"kind", "intervals"},
               {"title", name + ": simulated amount and the observed one (PIT " +
                             cell_number(csv.number(row, "amount_pit")) + ")"},
               {"x_label", "amount" + (currency.empty() ? "" : " (" + currency + ")")},
               {"zero", false},
               {"rows", items}});
}

// Run folders kept beside backtest.csv (one per case) are reported like runs.
void add_backtest_case_runs(ReportPage& page, const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> runs;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "run.json"))
      runs.push_back(entry.path());
  std::sort(runs.begin(), runs.end());
  for (const auto& run : runs) {
    page.heading(2, "Case " + run.filename().string());
    add_run_sections(page, RunFolder::read(run));
  }
}

}  // namespace

void add_backtest_sections(ReportPage& page, const std::filesystem::path& dir) {
  const CsvTable csv = CsvTable::read(dir / "backtest.csv");
  add_backtest_case_table(page, csv);
  for (const auto& row : csv.rows())
    add_backtest_amount_figure(page, csv, row);
  add_backtest_case_runs(page, dir);
}

}  // namespace parley
