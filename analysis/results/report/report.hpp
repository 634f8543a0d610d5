#pragma once
// `parley report OUT_DIR`: one self-contained HTML file, OUT_DIR/report.html, from the files
// of any result folder: a run (run.json), a comparison (compare.json), a sweep
// (sweep_points.csv) or a backtest (backtest.csv). See docs/outputs.md, "report.html".
//
//   std::filesystem::path page = write_report("out/korea_sma11");   // .../report.html
#include <filesystem>
#include <string>

namespace parley {

enum class ResultKind { run, compare, sweep, backtest };
const char* to_string(ResultKind kind);

// Throws InputError ("DIR:0:0: error: ...") when the folder holds no known result.
ResultKind result_kind(const std::filesystem::path& dir);

// The whole page as text.
std::string report_html(const std::filesystem::path& dir);

// Writes DIR/report.html atomically (temporary name, then rename) and returns its path.
std::filesystem::path write_report(const std::filesystem::path& dir);

}  // namespace parley
