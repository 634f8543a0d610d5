#include "analysis/results/report/report.hpp"

#include "analysis/results/output_folder.hpp"
#include "analysis/results/report/report_sections.hpp"
#include "sim/io/input_error.hpp"

namespace parley {

const char* to_string(ResultKind kind) {
  switch (kind) {
    case ResultKind::run:
      return "run";
    case ResultKind::compare:
      return "compare";
    case ResultKind::sweep:
      return "sweep";
    case ResultKind::backtest:
      return "backtest";
  }
  return "";
}

ResultKind result_kind(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(dir))
    throw InputError({dir.string(), 0, 0},
                     "not a folder; expected a result folder of parley "
                     "run, compare, sweep or backtest");
  if (fs::exists(dir / "compare.json")) return ResultKind::compare;
  if (fs::exists(dir / "run.json")) return ResultKind::run;
  if (fs::exists(dir / "sweep_points.csv")) return ResultKind::sweep;
  if (fs::exists(dir / "backtest.csv")) return ResultKind::backtest;
  throw InputError({dir.string(), 0, 0},
                   "not a result folder: expected run.json (parley run), compare.json (parley "
                   "compare), sweep_points.csv (parley sweep) or backtest.csv (parley backtest)");
}

std::string report_html(const std::filesystem::path& dir) {
  const ResultKind kind = result_kind(dir);
  std::string name = std::filesystem::absolute(dir).lexically_normal().filename().string();
  if (name.empty()) name = std::filesystem::absolute(dir).parent_path().filename().string();
  if (kind == ResultKind::run) {
    const RunFolder run = RunFolder::read(dir);
    ReportPage page(run.scenario() + ": run report");
    add_run_sections(page, run);
    return page.html();
  }
  if (kind == ResultKind::compare) {
    const nlohmann::json j = read_json_file(dir / "compare.json");
    ReportPage page(j.value("scenario", name) + ": comparison report");
    add_compare_sections(page, dir);
    return page.html();
  }
  ReportPage page(name + (kind == ResultKind::sweep ? ": sweep report" : ": backtest report"));
  if (kind == ResultKind::sweep)
    add_sweep_sections(page, dir);
  else
    add_backtest_sections(page, dir);
  return page.html();
}

std::filesystem::path write_report(const std::filesystem::path& dir) {
  const std::string html = report_html(dir);
  OutputFolder folder(dir);
  folder.open("report.html") << html;
  folder.commit();
  return dir / "report.html";
}

}  // namespace parley
