#include "analysis/results/report/run_folder.hpp"

#include <cmath>
#include <fstream>

#include "sim/io/input_error.hpp"

namespace parley {
namespace {

nlohmann::json optional_json(const std::optional<double>& v) {
  return v && std::isfinite(*v) ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

const nlohmann::json* table_entry(const nlohmann::json& run, const std::string& table) {
  const auto tables = run.find("tables");
  if (tables == run.end() || !tables->is_array()) return nullptr;
  for (const nlohmann::json& t : *tables)
    if (t.value("name", std::string()) == table) return &t;
  return nullptr;
}

}  // namespace

nlohmann::json read_json_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError({file.string(), 0, 0}, "cannot read this result file");
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw InputError({file.string(), 0, 0}, std::string("not valid JSON: ") + e.what());
  }
}

RunFolder RunFolder::read(const std::filesystem::path& dir) {
  RunFolder folder;
  folder.dir_ = dir;
  folder.run_ = read_json_file(dir / "run.json");
  folder.summary_ = CsvTable::read(dir / "summary.csv");
  folder.outcomes_ = CsvTable::read(dir / "outcomes.csv");
  folder.histograms_ = CsvTable::read(dir / "histograms.csv");
  return folder;
}

std::string RunFolder::scenario() const {
  return run_.value("scenario", std::string());
}

std::vector<std::string> RunFolder::tables() const {
  std::vector<std::string> names;
  for (const auto& row : outcomes_.rows()) {
    const std::string& t = outcomes_.text(row, "table");
    if (names.empty() || names.back() != t) names.push_back(t);
  }
  return names;
}

std::vector<std::string> RunFolder::groups(const std::string& table) const {
  std::vector<std::string> names;
  for (const auto& row : outcomes_.rows()) {
    if (outcomes_.text(row, "table") != table) continue;
    const std::string& g = outcomes_.text(row, "group");
    if (names.empty() || names.back() != g) names.push_back(g);
  }
  return names;
}

std::vector<std::string> RunFolder::metrics(const std::string& table) const {
  std::vector<std::string> names;
  for (const auto& row : summary_.rows()) {
    if (summary_.text(row, "table") != table) continue;
    const std::string& m = summary_.text(row, "metric");
    if (names.empty() || names.back() != m) names.push_back(m);
  }
  return names;
}

std::string RunFolder::currency(const std::string& table) const {
  const nlohmann::json* t = table_entry(run_, table);
  return t ? t->value("currency", std::string()) : std::string();
}

std::optional<double> RunFolder::baseline(const std::string& table) const {
  const nlohmann::json* t = table_entry(run_, table);
  if (!t || !t->contains("baseline") || !(*t)["baseline"].is_number()) return std::nullopt;
  return (*t)["baseline"].get<double>();
}

std::optional<double> RunFolder::observed(const std::string& table,
                                          const std::string& metric) const {
  const nlohmann::json* t = table_entry(run_, table);
  if (!t || !t->contains("observed") || !(*t)["observed"].is_object()) return std::nullopt;
  const nlohmann::json& o = (*t)["observed"];
  if (!o.contains(metric) || !o[metric].is_number()) return std::nullopt;
  return o[metric].get<double>();
}

const CsvTable::Row* RunFolder::summary_row(const std::string& table, const std::string& metric,
                                            const std::string& group) const {
  for (const auto& row : summary_.rows())
    if (summary_.text(row, "table") == table && summary_.text(row, "metric") == metric &&
        summary_.text(row, "group") == group)
      return &row;
  return nullptr;
}

nlohmann::json RunFolder::distribution_series(const std::string& table, const std::string& metric,
                                              const std::string& group,
                                              const std::string& name) const {
  nlohmann::json bins = nlohmann::json::array(), cdf = nlohmann::json::array();
  for (const auto& row : histograms_.rows()) {
    if (histograms_.text(row, "table") != table || histograms_.text(row, "metric") != metric ||
        histograms_.text(row, "group") != group)
      continue;
    const auto lower = histograms_.number(row, "bin_lower");
    const auto upper = histograms_.number(row, "bin_upper");
    const auto density = histograms_.number(row, "density");
    const auto F = histograms_.number(row, "cdf");
    if (lower && upper && std::isfinite(*lower) && std::isfinite(*upper))
      bins.push_back({*lower, *upper, density.value_or(0.0)});
    if (upper && std::isfinite(*upper) && F) cdf.push_back({*upper, *F});
  }
  nlohmann::json series = {{"name", name}, {"bins", bins}, {"cdf", cdf}};
  const CsvTable::Row* s = summary_row(table, metric, group);
  series["n"] = s ? summary_.number(*s, "n").value_or(0.0) : 0.0;
  for (const char* q : {"p05", "p50", "p95"})
    series[q] = optional_json(s ? summary_.number(*s, q) : std::nullopt);
  return series;
}

nlohmann::json RunFolder::shares_series(const std::string& table, const std::string& group,
                                        const std::string& name) const {
  nlohmann::json values = nlohmann::json::array(), se = nlohmann::json::array();
  for (const char* outcome : {"agreed", "extended", "no_deal"}) {
    std::optional<double> share, error;
    for (const auto& row : outcomes_.rows())
      if (outcomes_.text(row, "table") == table && outcomes_.text(row, "group") == group &&
          outcomes_.text(row, "outcome") == outcome) {
        share = outcomes_.number(row, "share");
        error = outcomes_.number(row, "se");
      }
    values.push_back(optional_json(share));
    se.push_back(optional_json(error));
  }
  return {{"name", name}, {"values", values}, {"se", se}};
}

nlohmann::json distribution_figure(const std::string& kind, const std::string& title,
                                   const std::string& x_label, const std::string& unit,
                                   nlohmann::json series, std::optional<double> observed) {
  return {{"kind", kind}, {"title", title},   {"x_label", x_label},
          {"unit", unit}, {"series", series}, {"observed", optional_json(observed)}};
}

std::string metric_unit(const std::string& metric, const std::string& currency) {
  if (metric == "amount" || metric == "total") return currency;
  if (metric == "month") return "months from the opening";
  if (metric == "change_pct") return "% of the baseline";
  return "";
}

}  // namespace parley
