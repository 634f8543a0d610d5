#include "analysis/studies/compare/comparison_files.hpp"

#include <cmath>
#include <memory>
#include <stdexcept>

#include "analysis/results/number_format.hpp"

namespace parley {
namespace {

// Shares print in percent with two decimals ("43.05%"), other values with 6 significant digits
// (a standard error with 3); an undefined value as "-".
bool is_share(const ComparisonRow& row) {
  return row.metric == "outcome" || row.statistic == "changed";
}

std::string shown(const std::optional<double>& v, bool share) {
  if (!v) return "-";
  return share ? format_fixed(100 * *v, 2) + "%" : format_significant(*v, 6);
}

std::string shown_difference(const std::optional<double>& v, bool share) {
  if (!v) return "-";
  return share ? with_sign(format_fixed(100 * *v, 2)) + "%" : with_sign(format_significant(*v, 6));
}

std::string shown_se(const std::optional<double>& v, bool share) {
  if (!v) return "-";
  return share ? format_fixed(100 * *v, 2) + "%" : format_significant(*v, 3);
}

}  // namespace

void write_compare_csv(std::ostream& out, const std::vector<ComparisonRow>& rows) {
  out << "table,metric,statistic,variant,baseline_value,variant_value,difference,se\n";
  for (const ComparisonRow& r : rows)
    out << csv_field(r.table) << ',' << r.metric << ',' << r.statistic << ','
        << csv_field(r.variant) << ',' << format_optional(r.baseline_value) << ','
        << format_optional(r.variant_value) << ',' << format_optional(r.difference) << ','
        << format_optional(r.se) << '\n';
}

void write_compare_json(std::ostream& out, const ComparisonResult& result,
                        const ComparisonMetadata& metadata,
                        const std::vector<ComparisonRow>& rows) {
  const RunResult& base = result.runs.at(0);
  out << "{\n";
  out << "  \"comparison\": true,\n";
  out << "  \"scenario\": " << json_string(base.scenario.name) << ",\n";
  out << "  \"seed\": " << base.seed << ",\n";
  out << "  \"trials\": " << base.trials_done() << ",\n";
  out << "  \"threads\": " << base.threads << ",\n";
  out << "  \"parley_version\": " << json_string(PARLEY_VERSION) << ",\n";
  out << "  \"elapsed_seconds\": " << format_number(base.elapsed_seconds) << ",\n";
  out << "  \"block_trials\": 4096,\n";
  out << "  \"runs\": [";
  for (std::size_t k = 0; k < result.runs.size(); ++k) {
    const RunMetadata& m = metadata.runs.at(k);
    out << (k ? ",\n" : "\n") << "    {\"name\": " << json_string(result.names[k])
        << ", \"folder\": " << json_string(result.names[k])
        << ", \"scenario\": " << json_string(result.runs[k].scenario.name)
        << ", \"description\": " << json_string(metadata.descriptions.at(k))
        << ", \"scenario_file\": " << json_string(m.scenario_file)
        << ", \"scenario_sha256\": " << json_string(m.scenario_sha256) << ", \"overrides\": [";
    for (std::size_t i = 0; i < m.overrides.size(); ++i)
      out << (i ? ", " : "") << "{\"path\": " << json_string(m.overrides[i].path)
          << ", \"value\": " << json_string(m.overrides[i].value) << "}";
    out << "]}";
  }
  out << "\n  ],\n  \"noise\": [";
  bool first = true;
  for (const ComparisonRow& r : rows) {
    if (!r.is_noise()) continue;
    out << (first ? "\n" : ",\n") << "    {\"table\": " << json_string(r.table)
        << ", \"metric\": " << json_string(r.metric)
        << ", \"statistic\": " << json_string(r.statistic)
        << ", \"variant\": " << json_string(r.variant) << "}";
    first = false;
  }
  out << (first ? "]\n}\n" : "\n  ]\n}\n");
}

void write_comparison_text(std::ostream& out, const ComparisonResult& result,
                           const std::vector<ComparisonRow>& rows) {
  const RunResult& base = result.runs.at(0);
  out << base.scenario.name << ": baseline and " << result.runs.size() - 1 << " variant"
      << (result.runs.size() == 2 ? "" : "s") << ", " << base.trials_done()
      << " trials each on common random numbers, seed " << base.seed << ", " << base.threads
      << " threads, " << format_fixed(base.elapsed_seconds, 2) << " s\n";
  std::string current;
  for (const ComparisonRow& r : rows) {
    const std::string heading = r.table + " / " + r.variant;
    if (heading != current) {
      current = heading;
      const int t = base.scenario.find_table(r.table);
      out << "\n"
          << r.table << " (" << base.scenario.tables.at(t).currency << "): " << r.variant
          << " vs baseline\n    " << left_aligned("", 18) << right_aligned("baseline", 12)
          << right_aligned(r.variant.substr(0, 14), 15) << right_aligned("difference", 13)
          << right_aligned("se", 10) << "\n";
    }
    const bool share = is_share(r);
    const bool exactly_zero = r.difference && *r.difference == 0 && r.se && *r.se == 0;
    const char* mark = exactly_zero ? "  (same)" : r.is_noise() ? "  ~" : "";
    out << "    " << left_aligned(r.metric + " " + r.statistic, 18)
        << right_aligned(r.statistic == "changed" ? "" : shown(r.baseline_value, share), 12)
        << right_aligned(shown(r.variant_value, share), 15)
        << right_aligned(shown_difference(r.difference, share), 13)
        << right_aligned(shown_se(r.se, share), 10) << mark << "\n";
  }
  out << "\n~ : |difference| < 2 se (or, with se 0, a quantile shift within the quantiles' "
         "error bounds): indistinguishable from noise\n";
}

void write_comparison(const ComparisonResult& result, const ComparisonMetadata& metadata,
                      const std::filesystem::path& dir) {
  if (result.interrupted)
    throw std::logic_error("write_comparison: an interrupted comparison has no result files");
  // Every folder's files are written before any is committed, so a failure leaves none.
  OutputFolder top(dir);
  std::vector<std::unique_ptr<OutputFolder>> folders;
  for (std::size_t k = 0; k < result.runs.size(); ++k) {
    folders.push_back(std::make_unique<OutputFolder>(dir / result.names[k]));
    folders.back()->remove_on_commit("trials.csv");
    folders.back()->remove_on_commit("report.html");
    write_results(result.runs[k], metadata.runs.at(k), *folders.back());
  }
  const std::vector<ComparisonRow> rows = comparison_rows(result);
  write_compare_csv(top.open("compare.csv"), rows);
  write_compare_json(top.open("compare.json"), result, metadata, rows);
  top.remove_on_commit("report.html");  // a report of an earlier comparison would mislead
  for (auto& folder : folders)
    folder->commit();
  top.commit();
}

}  // namespace parley
