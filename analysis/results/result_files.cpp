#include "analysis/results/result_files.hpp"

#include <ctime>
#include <stdexcept>

#include "analysis/results/number_format.hpp"
#include "analysis/results/result_rows.hpp"

namespace parley {
namespace {

std::string iso8601_utc(std::chrono::system_clock::time_point when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// The scenario's `observed:` entry of table `t` as JSON, or null.
void write_observed_json(std::ostream& out, const Scenario& scenario, int t) {
  for (const ObservedOutcome& o : scenario.observed) {
    if (o.table != t) continue;
    out << "{\"outcome\": " << json_string(o.outcome)
        << ", \"amount\": " << (o.amount ? format_number(*o.amount) : "null")
        << ", \"month\": " << (o.month ? std::to_string(*o.month) : "null") << "}";
    return;
  }
  out << "null";
}

}  // namespace

void write_histograms_csv(std::ostream& out, const RunResult& result) {
  out << kHistogramsCsvHeader << '\n';
  for_each_histogram_row(result, [&](const HistogramCsvRow& row) { out << csv_row(row) << '\n'; });
}

void write_summary_csv(std::ostream& out, const RunResult& result) {
  out << kSummaryCsvHeader << '\n';
  for_each_summary_row(result, [&](const SummaryRow& row) { out << csv_row(row) << '\n'; });
}

void write_outcomes_csv(std::ostream& out, const RunResult& result) {
  out << kOutcomesCsvHeader << '\n';
  for_each_outcome_row(result, [&](const OutcomeRow& row) { out << csv_row(row) << '\n'; });
}

void write_run_json(std::ostream& out, const RunResult& result, const RunMetadata& metadata) {
  const StatisticsLayout& layout = result.layout();
  const double rate = result.elapsed_seconds > 0
                          ? static_cast<double>(result.trials_done()) / result.elapsed_seconds
                          : 0.0;
  out << "{\n";
  out << "  \"scenario\": " << json_string(result.scenario.name) << ",\n";
  out << "  \"scenario_file\": " << json_string(metadata.scenario_file) << ",\n";
  out << "  \"scenario_sha256\": " << json_string(metadata.scenario_sha256) << ",\n";
  out << "  \"seed\": " << result.seed << ",\n";
  out << "  \"trials\": " << result.trials_done() << ",\n";
  out << "  \"threads\": " << result.threads << ",\n";
  out << "  \"parley_version\": " << json_string(PARLEY_VERSION) << ",\n";
  out << "  \"start_time\": " << json_string(iso8601_utc(result.started)) << ",\n";
  out << "  \"elapsed_seconds\": " << format_number(result.elapsed_seconds) << ",\n";
  out << "  \"trials_per_second\": " << format_number(rate) << ",\n";
  out << "  \"overrides\": [";
  for (std::size_t i = 0; i < metadata.overrides.size(); ++i) {
    out << (i ? ",\n    " : "\n    ") << "{\"path\": " << json_string(metadata.overrides[i].path)
        << ", \"value\": " << json_string(metadata.overrides[i].value) << "}";
  }
  out << (metadata.overrides.empty() ? "],\n" : "\n  ],\n");
  out << "  \"bins\": " << (metadata.bins ? std::to_string(*metadata.bins) : "null") << ",\n";
  out << "  \"dump_trials\": " << metadata.dump_trials << ",\n";
  // What a reader of the folder needs beyond the CSV files: units, and what really happened.
  out << "  \"tables\": [";
  for (int t = 0; t < layout.tables; ++t) {
    const Table& table = result.scenario.tables[t];
    out << (t ? ",\n    " : "\n    ") << "{\"name\": " << json_string(table.name)
        << ", \"currency\": " << json_string(table.currency)
        << ", \"baseline\": " << format_number(table.baseline) << ", \"observed\": ";
    write_observed_json(out, result.scenario, t);
    out << "}";
  }
  out << (layout.tables ? "\n  ],\n" : "],\n");
  // The bins actually used, so that automatic ranges can be reproduced in a scenario file.
  out << "  \"histograms\": [";
  bool first = true;
  for (int t = 0; t < layout.tables; ++t) {
    for (int m = 0; m < layout.metric_count(); ++m) {
      const BinEdges& edges = layout.axis(t, m).coarse();
      const HistogramSpec& spec =
          result.scenario.outputs.histogram[static_cast<int>(layout.metrics[m])];
      out << (first ? "\n    " : ",\n    ")
          << "{\"table\": " << json_string(result.scenario.tables[t].name)
          << ", \"metric\": " << json_string(to_string(layout.metrics[m]))
          << ", \"min\": " << format_number(edges.lower())
          << ", \"max\": " << format_number(edges.upper()) << ", \"bins\": " << edges.bins()
          << ", \"range\": " << json_string(spec.min && spec.max ? "scenario" : "automatic") << "}";
      first = false;
    }
  }
  out << (first ? "]\n" : "\n  ]\n");
  out << "}\n";
}

void write_results(const RunResult& result, const RunMetadata& metadata, OutputFolder& folder) {
  if (result.interrupted)
    throw std::logic_error("write_results: an interrupted run has no result files");
  write_histograms_csv(folder.open("histograms.csv"), result);
  write_summary_csv(folder.open("summary.csv"), result);
  write_outcomes_csv(folder.open("outcomes.csv"), result);
  write_run_json(folder.open("run.json"), result, metadata);
}

void write_result_files(const RunResult& result, const RunMetadata& metadata,
                        const std::filesystem::path& dir) {
  OutputFolder folder(dir);
  write_results(result, metadata, folder);
  folder.commit();
}

}  // namespace parley
