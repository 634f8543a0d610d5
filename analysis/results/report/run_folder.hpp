#pragma once
// A `parley run` result folder read back for the report (summary.csv, outcomes.csv,
// histograms.csv, run.json), and the figure descriptions (figures.js specs) made from it.
//
//   RunFolder run = RunFolder::read("out/korea_sma11");
//   nlohmann::json s = run.distribution_series("seoul", "amount", "all", "baseline");
//   page.figure(distribution_figure("histogram", "Amount", "amount", "KRW_bn", {s}, 1183.3));
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analysis/results/report/csv_table.hpp"

namespace parley {

class RunFolder {
 public:
  // Throws InputError naming the file when one of the four files is missing or malformed.
  static RunFolder read(const std::filesystem::path& dir);

  const std::filesystem::path& dir() const { return dir_; }
  const nlohmann::json& run_json() const { return run_; }
  const CsvTable& summary() const { return summary_; }
  const CsvTable& outcomes() const { return outcomes_; }
  std::string scenario() const;

  std::vector<std::string> tables() const;                          // in file order
  std::vector<std::string> groups(const std::string& table) const;  // `all` first
  std::vector<std::string> metrics(const std::string& table) const;
  std::string currency(const std::string& table) const;  // "" when run.json does not say
  std::optional<double> baseline(const std::string& table) const;
  std::optional<double> observed(const std::string& table, const std::string& metric) const;

  // {name, n, bins: [[lower, upper, density]], cdf: [[x, F]], p05, p50, p95} of one group.
  nlohmann::json distribution_series(const std::string& table, const std::string& metric,
                                     const std::string& group, const std::string& name) const;
  // {name, values: [agreed, extended, no_deal], se: [...]} of one group.
  nlohmann::json shares_series(const std::string& table, const std::string& group,
                               const std::string& name) const;
  // The summary.csv row of (table, metric, group), or nullptr.
  const CsvTable::Row* summary_row(const std::string& table, const std::string& metric,
                                   const std::string& group) const;

 private:
  std::filesystem::path dir_;
  nlohmann::json run_;
  CsvTable summary_, outcomes_, histograms_;
};

// Reads a JSON file; InputError naming the file when it cannot.
nlohmann::json read_json_file(const std::filesystem::path& file);

nlohmann::json distribution_figure(const std::string& kind, const std::string& title,
                                   const std::string& x_label, const std::string& unit,
                                   nlohmann::json series, std::optional<double> observed);

// The x-axis unit of a metric: the currency for amounts, "months", "%".
std::string metric_unit(const std::string& metric, const std::string& currency);

}  // namespace parley
