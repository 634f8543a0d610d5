#include "analysis/sweep/sweep_files.hpp"

#include <stdexcept>

#include "analysis/sweep/sobol_indices.hpp"
#include "analysis/sweep/sweep_param.hpp"

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

// One prefixed file: header line, then every record's rows in point order.
std::string table_file(const SweepManifest& manifest, const std::vector<PointRecord>& records,
                       const std::string ResultHeaders::*header,
                       const std::vector<std::string> PointOutput::*rows) {
  std::string text = prefix_header(manifest);
  if (!records.empty()) text += "," + records.front().output.headers.*header;
  text += "\n";
  for (const PointRecord& r : records) {
    const std::string front = prefix(r);
    for (const std::string& row : r.output.*rows)
      text += front + "," + row + "\n";
  }
  return text;
}

}  // namespace

std::string sensitivity_csv(const SweepManifest& manifest,
                            const std::vector<PointRecord>& records) {
  const std::vector<std::string> paths = manifest.param_paths();
  const int dims = static_cast<int>(paths.size());
  std::string text =
      "table,statistic,parameter,variance,first,first_ci_low,first_ci_high,total,total_ci_low,"
      "total_ci_high\n";
  if (records.empty()) return text;
  const auto& statistics = records.front().output.statistics;
  for (std::size_t s = 0; s < statistics.size(); ++s) {
    std::vector<double> y;
    for (const PointRecord& r : records) {
      const auto& mine = r.output.statistics;
      if (mine.size() != statistics.size() || mine[s].table != statistics[s].table ||
          mine[s].name != statistics[s].name)
        throw std::runtime_error("point " + std::to_string(r.point) +
                                 " reports other statistics than point 0");
      y.push_back(mine[s].value);
    }
    const SobolIndices indices = sobol_indices(y, dims, kBootstrapResamples, manifest.seed);
    for (int i = 0; i < dims; ++i) {
      const SobolEstimate& f = indices.first[i];
      const SobolEstimate& t = indices.total[i];
      text += statistics[s].table + "," + statistics[s].name + "," + paths[i] + "," +
              format_number(indices.variance) + "," + format_number(f.estimate) + "," +
              format_number(f.ci_low) + "," + format_number(f.ci_high) + "," +
              format_number(t.estimate) + "," + format_number(t.ci_low) + "," +
              format_number(t.ci_high) + "\n";
    }
  }
  return text;
}

void write_sweep_files(const std::filesystem::path& out_dir, const SweepManifest& manifest,
                       const std::vector<PointRecord>& records) {
  for (const PointRecord& r : records)
    if (!(r.output.headers == records.front().output.headers))
      throw std::runtime_error("point " + std::to_string(r.point) +
                               " has other result columns than point 0");
  std::string points = prefix_header(manifest) + "\n";
  for (const PointRecord& r : records)
    points += prefix(r) + "\n";
  std::filesystem::create_directories(out_dir);
  write_file_atomically(out_dir / "sweep_points.csv", points);
  write_file_atomically(
      out_dir / "sweep_summary.csv",
      table_file(manifest, records, &ResultHeaders::summary, &PointOutput::summary_rows));
  write_file_atomically(
      out_dir / "sweep_outcomes.csv",
      table_file(manifest, records, &ResultHeaders::outcomes, &PointOutput::outcome_rows));
  write_file_atomically(
      out_dir / "sweep_histograms.csv",
      table_file(manifest, records, &ResultHeaders::histograms, &PointOutput::histogram_rows));
  if (manifest.method == "sobol")
    write_file_atomically(out_dir / "sensitivity.csv", sensitivity_csv(manifest, records));
}

}  // namespace parley::sweep
