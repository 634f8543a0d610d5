// report.html for a `parley sweep` folder (docs/sweeps.md): responses and Sobol indices.
#include <algorithm>
#include <fstream>

#include "analysis/results/report/report_sections.hpp"

namespace parley {
namespace {

// The swept PATH columns: those of sweep_points.csv after `point`.
std::vector<std::string> swept_paths(const CsvTable& points) {
  return {points.header().begin() + 1, points.header().end()};
}

std::vector<std::string> distinct(const CsvTable& csv, const std::string& column) {
  std::vector<std::string> out;
  for (const auto& row : csv.rows()) {
    const std::string& v = csv.text(row, column);
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

nlohmann::json value_or_null(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

// The manifest (`key value` lines) as a table, when the sweep kept it.
void add_manifest(ReportPage& page, const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return;
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    const std::size_t space = line.find(' ');
    if (space == std::string::npos) continue;
    rows.push_back({line.substr(0, space), line.substr(space + 1)});
  }
  page.table({"sweep", "value"}, rows, ".points/manifest.txt");
}

void add_responses(ReportPage& page, const CsvTable& summary, const CsvTable& outcomes,
                   const std::string& table, const std::string& path) {
  nlohmann::json p50 = nlohmann::json::array(), agreed = nlohmann::json::array();
  for (const auto& row : summary.rows())
    if (summary.text(row, "table") == table && summary.text(row, "metric") == "amount" &&
        summary.text(row, "group") == "all") {
      const auto x = summary.number(row, path), y = summary.number(row, "p50");
      if (x && y)
        p50.push_back({*x, *y, value_or_null(summary.number(row, "p25")),
                       value_or_null(summary.number(row, "p75"))});
    }
  for (const auto& row : outcomes.rows())
    if (outcomes.text(row, "table") == table && outcomes.text(row, "group") == "all" &&
        outcomes.text(row, "outcome") == "agreed") {
      const auto x = outcomes.number(row, path), y = outcomes.number(row, "share");
      const auto se = outcomes.number(row, "se");
      if (x && y)
        agreed.push_back({*x, 100 * *y, se ? nlohmann::json(100 * (*y - 1.96 * *se)) : nullptr,
                          se ? nlohmann::json(100 * (*y + 1.96 * *se)) : nullptr});
    }
  page.figure({{"kind", "points"},
               {"title", table + ": median amount against " + path + " (bars: p25-p75)"},
               {"x_label", path},
               {"y_label", "amount p50"},
               {"series", {{{"name", "p50"}, {"points", p50}}}}});
  page.figure({{"kind", "points"},
               {"title", table + ": agreed share against " + path + " (bars: 95% intervals)"},
               {"x_label", path},
               {"y_label", "agreed (%)"},
               {"series", {{{"name", "agreed"}, {"points", agreed}}}}});
}

void add_sensitivity(ReportPage& page, const CsvTable& s, const std::string& table) {
  std::vector<std::vector<std::string>> rows;
  for (const std::string& statistic : distinct(s, "statistic")) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& row : s.rows()) {
      if (s.text(row, "table") != table || s.text(row, "statistic") != statistic) continue;
      const std::string& parameter = s.text(row, "parameter");
      for (const char* order : {"first", "total"}) {
        const std::string o = order;
        items.push_back({{"label", parameter},
                         {"series", o == "first" ? "first order" : "total"},
                         {"value", value_or_null(s.number(row, o))},
                         {"lo", value_or_null(s.number(row, o + "_ci_low"))},
                         {"hi", value_or_null(s.number(row, o + "_ci_high"))}});
      }
      rows.push_back({statistic, parameter, cell_number(s.number(row, "first")),
                      cell_number(s.number(row, "first_ci_low")) + " .. " +
                          cell_number(s.number(row, "first_ci_high")),
                      cell_number(s.number(row, "total")),
                      cell_number(s.number(row, "total_ci_low")) + " .. " +
                          cell_number(s.number(row, "total_ci_high"))});
    }
    if (!items.empty())
      page.figure({{"kind", "intervals"},
                   {"title", table + ": Sobol indices of " + statistic + " (95% intervals)"},
                   {"x_label", "share of the variance"},
                   {"rows", items}});
  }
  page.table({"statistic", "parameter", "first order", "interval", "total", "interval"}, rows,
             table + ": sensitivity.csv");
}

}  // namespace

void add_sweep_sections(ReportPage& page, const std::filesystem::path& dir) {
  const CsvTable points = CsvTable::read(dir / "sweep_points.csv");
  const CsvTable summary = CsvTable::read(dir / "sweep_summary.csv");
  const CsvTable outcomes = CsvTable::read(dir / "sweep_outcomes.csv");
  const std::vector<std::string> paths = swept_paths(points);
  page.paragraph(std::to_string(points.rows().size()) + " points; swept: " + [&] {
    std::string all;
    for (const std::string& p : paths)
      all += (all.empty() ? "" : ", ") + p;
    return all;
  }() + ". Every point runs the same trials (common random numbers).");
  const bool sobol = std::filesystem::exists(dir / "sensitivity.csv");
  const CsvTable sensitivity = sobol ? CsvTable::read(dir / "sensitivity.csv") : CsvTable();
  for (const std::string& table : distinct(summary, "table")) {
    page.heading(2, table);
    for (const std::string& path : paths)
      add_responses(page, summary, outcomes, table, path);
    if (sobol) add_sensitivity(page, sensitivity, table);
  }
  page.heading(2, "Sweep");
  add_manifest(page, dir / ".points" / "manifest.txt");
}

}  // namespace parley
