#include "analysis/studies/sweep/sweep_files.hpp"

#include <stdexcept>

#include "analysis/results/output_folder.hpp"
#include "analysis/studies/sweep/sobol_indices.hpp"
#include "analysis/studies/sweep/sweep_param.hpp"

namespace parley::sweep {
namespace {

std::string prefix_header(const SweepManifest& manifest) {
  std::string text = "point";
  for (const std::string& path : manifest.param_paths())
    text += "," + path;
  return text;
}

std::string prefix(const PointRecord& r) {
  std::string text = std::to_string(r.point);
  for (const std::string& v : r.values)
    text += "," + v;
  return text;
}

template <class Row>
void write_rows(std::ostream& out, const std::string& front, const std::vector<Row>& rows) {
  for (const Row& row : rows)
    out << front << ',' << csv_row(row) << '\n';
}

bool same_names(const std::vector<PointStatistic>& a, const std::vector<PointStatistic>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].table != b[i].table || a[i].name != b[i].name) return false;
  return true;
}

}  // namespace

std::string sensitivity_csv(const SweepManifest& manifest, const std::vector<PointStatistic>& names,
                            const std::vector<std::vector<double>>& values) {
  const std::vector<std::string> paths = manifest.param_paths();
  const int dims = static_cast<int>(paths.size());
  std::string text =
      "table,statistic,parameter,variance,first,first_ci_low,first_ci_high,total,total_ci_low,"
      "total_ci_high\n";
  for (std::size_t s = 0; s < names.size(); ++s) {
    const SobolIndices indices = sobol_indices(values[s], dims, kBootstrapResamples, manifest.seed);
    for (int i = 0; i < dims; ++i) {
      const SobolEstimate& f = indices.first[i];
      const SobolEstimate& t = indices.total[i];
      text += names[s].table + "," + names[s].name + "," + paths[i] + "," +
              format_number(indices.variance) + "," + format_number(f.estimate) + "," +
              format_number(f.ci_low) + "," + format_number(f.ci_high) + "," +
              format_number(t.estimate) + "," + format_number(t.ci_low) + "," +
              format_number(t.ci_high) + "\n";
    }
  }
  return text;
}

void write_sweep_files(const std::filesystem::path& out_dir, const SweepManifest& manifest,
                       std::size_t count, const std::function<PointRecord(std::size_t)>& record) {
  OutputFolder folder(out_dir);
  std::ostream& points = folder.open("sweep_points.csv");
  std::ostream& summary = folder.open("sweep_summary.csv");
  std::ostream& outcomes = folder.open("sweep_outcomes.csv");
  std::ostream& histograms = folder.open("sweep_histograms.csv");
  const std::string front_header = prefix_header(manifest);
  points << front_header << '\n';

  summary << front_header << ',' << kSummaryCsvHeader << '\n';
  outcomes << front_header << ',' << kOutcomesCsvHeader << '\n';
  histograms << front_header << ',' << kHistogramsCsvHeader << '\n';
  std::vector<PointStatistic> names;
  std::vector<std::vector<double>> values;  // [statistic][point]
  for (std::size_t p = 0; p < count; ++p) {
    const PointRecord r = record(p);
    if (r.point != p) throw std::logic_error("write_sweep_files: records out of order");
    if (p == 0) {
      names = r.output.statistics;
      values.resize(names.size());
    } else if (!same_names(r.output.statistics, names)) {
      throw std::runtime_error("point " + std::to_string(p) + " has other statistics than point 0");
    }
    const std::string front = prefix(r);
    points << front << '\n';
    write_rows(summary, front, r.output.rows.summary);
    write_rows(outcomes, front, r.output.rows.outcomes);
    write_rows(histograms, front, r.output.rows.histograms);
    for (std::size_t s = 0; s < names.size(); ++s)
      values[s].push_back(r.output.statistics[s].value);
  }
  if (manifest.method == "sobol")
    folder.open("sensitivity.csv") << sensitivity_csv(manifest, names, values);
  else
    folder.remove_on_commit("sensitivity.csv");
  folder.commit();
}

}  // namespace parley::sweep
