// report.html of every kind of result folder: self-contained, every figure and its data present,
// metadata present; checked as text (the browser test draws them).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/report/report_folders.hpp"

namespace parley::testing {
namespace {

std::string report_of(const std::string& kind) {
  const std::string html = read_text(report_folder(kind) / "report.html");
  EXPECT_FALSE(html.empty()) << kind;
  return html;
}

// The figure descriptions embedded in the page.
nlohmann::json figure_specs(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"parley-figures\">";
  const std::size_t begin = html.find(open);
  if (begin == std::string::npos) return nlohmann::json::array();
  const std::size_t from = begin + open.size();
  return nlohmann::json::parse(html.substr(from, html.find("</script>", from) - from));
}

std::vector<std::string> titles(const nlohmann::json& specs) {
  std::vector<std::string> all;
  for (const auto& s : specs)
    all.push_back(s.value("title", std::string()));
  return all;
}

bool has_title(const nlohmann::json& specs, const std::string& title) {
  for (const std::string& t : titles(specs))
    if (t == title) return true;
  return false;
}

// No reference to another file or to the network: the only URL in the page is the SVG
// namespace name that figures.js passes to createElementNS (a name, never fetched).
void expect_self_contained(const std::string& html) {
  EXPECT_EQ(count_of(html, "https://"), 0);
  EXPECT_EQ(count_of(html, "http://"), count_of(html, "\"http://www.w3.org/2000/svg\""));
  EXPECT_EQ(count_of(html, "http://www.w3.org/2000/svg"), 1);
  for (const char* external : {" src=", " href=", "<link", "@import", "url(", "<iframe", "<img"})
    EXPECT_EQ(count_of(html, external), 0) << external;
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("ParleyFigures.drawAll(document)"), std::string::npos);
}

// Every spec has its <figure> slot, in order, and the other way round.
void expect_every_figure_placed(const std::string& html, const nlohmann::json& specs) {
  ASSERT_GT(specs.size(), 0u);
  EXPECT_EQ(count_of(html, "<figure id=\"figure-"), static_cast<int>(specs.size()));
  for (std::size_t i = 0; i < specs.size(); ++i)
    EXPECT_NE(html.find("<div data-figure=\"" + std::to_string(i) + "\">"), std::string::npos) << i;
}

TEST(ReportHtml, RunReportIsSelfContainedWithEveryFigureAndTheMetadata) {
  const std::string html = report_of("run");
  expect_self_contained(html);
  const nlohmann::json specs = figure_specs(html);
  expect_every_figure_placed(html, specs);
  for (const char* title :
       {"seoul: outcome shares by group (bars: 95% intervals)",
        "seoul: settled amount by group (density)", "seoul: settled amount by group (cumulative)",
        "seoul: month of agreement by group (density)",
        "seoul: month of agreement by group (cumulative)"})
    EXPECT_TRUE(has_title(specs, title)) << title;
  const nlohmann::json& amount = specs.at(1);
  EXPECT_EQ(amount["unit"], "KRW_bn");
  EXPECT_EQ(amount["observed"], 1519.2);  // korea_sma12's observed amount
  // Groups overlaid on one axis: all, the two election outcomes, and the empty `none` group.
  ASSERT_EQ(amount["series"].size(), 4u);
  EXPECT_EQ(amount["series"][1]["name"], "us_election_2024=democrat");
  EXPECT_EQ(amount["series"][3]["name"], "us_election_2024=none");
  EXPECT_EQ(amount["series"][3]["n"], 0);
  EXPECT_TRUE(amount["series"][0]["p50"].is_number());
  // Metadata.
  const std::string sha =
      nlohmann::json::parse(read_text(report_folder("run") / "run.json"))["scenario_sha256"];
  for (const std::string& text : {sha, std::string("2024"), std::string("20000"),
                                  std::string("korea_sma12.yaml"), std::string("overrides")})
    EXPECT_NE(html.find(text), std::string::npos) << text;
  EXPECT_NE(html.find("<caption>seoul: summary (summary.csv)</caption>"), std::string::npos);
}

TEST(ReportHtml, CompareReportHasTheDifferencesAndTheRunsOverlaid) {
  const std::string html = report_of("compare");
  expect_self_contained(html);
  const nlohmann::json specs = figure_specs(html);
  expect_every_figure_placed(html, specs);
  for (const char* title : {"seoul: change of the outcome shares (points, +-2 se)",
                            "seoul: change of the settled amount (+-2 se)",
                            "seoul: outcome shares per run (bars: 95% intervals)",
                            "seoul: settled amount per run (density)",
                            "seoul: month of agreement per run (cumulative)"})
    EXPECT_TRUE(has_title(specs, title)) << title;
  EXPECT_NE(html.find("paired differences (compare.csv"), std::string::npos);
  for (const char* run : {"baseline", "trump_wins", "democrat_wins", "tariff_linked"})
    EXPECT_NE(html.find("<h2>Run " + std::string(run) + "</h2>"), std::string::npos) << run;
  EXPECT_NE(html.find("shocks.tariff_linkage.p=1"), std::string::npos);
}

TEST(ReportHtml, SweepReportHasTheResponses) {
  const std::string html = report_of("sweep");
  expect_self_contained(html);
  const nlohmann::json specs = figure_specs(html);
  expect_every_figure_placed(html, specs);
  EXPECT_TRUE(
      has_title(specs, "seoul: median amount against tables.seoul.stall_p (bars: p25-p75)"));
  EXPECT_TRUE(
      has_title(specs, "seoul: agreed share against tables.seoul.stall_p (bars: 95% intervals)"));
  EXPECT_EQ(specs.at(0)["series"][0]["points"].size(), 4u);
}

TEST(ReportHtml, SobolReportHasTheIndicesWithIntervals) {
  const std::string html = report_of("sobol");
  const nlohmann::json specs = figure_specs(html);
  expect_every_figure_placed(html, specs);
  EXPECT_TRUE(has_title(specs, "seoul: Sobol indices of amount_p50 (95% intervals)"));
  EXPECT_TRUE(has_title(specs, "seoul: Sobol indices of agreed_share (95% intervals)"));
  EXPECT_NE(html.find("<caption>seoul: sensitivity.csv</caption>"), std::string::npos);
}

TEST(ReportHtml, BacktestReportHasCoverageAndEachCaseWithItsObservedValue) {
  const std::string html = report_of("backtest");
  expect_self_contained(html);
  const nlohmann::json specs = figure_specs(html);
  expect_every_figure_placed(html, specs);
  // Two interval figures, then each case's run folder drawn like a run: outcome shares, and
  // the amount and the month as density and cumulative, each with the observed value marked.
  ASSERT_EQ(specs.size(), 2u + 2u * 5u);
  EXPECT_EQ(specs[0]["rows"][1]["series"], "observed");
  EXPECT_EQ(specs[0]["rows"][1]["value"], 1183.3);  // korea_sma11
  EXPECT_NE(html.find("Coverage of the central intervals over the 2 scored amounts"),
            std::string::npos);
  EXPECT_NE(html.find(">Case korea_sma11<"), std::string::npos);
  EXPECT_NE(html.find(">Case korea_sma12<"), std::string::npos);
  std::vector<double> observed;
  for (const auto& spec : specs)
    if (spec.contains("observed")) observed.push_back(spec["observed"].get<double>());
  EXPECT_EQ(observed, (std::vector<double>{1183.3, 1183.3, 18, 18, 1519.2, 1519.2, 6, 6}));
}

TEST(ReportHtml, TheRunReportIsSmall) {
  const auto bytes = std::filesystem::file_size(report_folder("run") / "report.html");
  std::cout << "report.html of korea_sma12 (run): " << bytes << " bytes\n";
  EXPECT_LT(bytes, 150'000u);
}

TEST(ReportCommand, AFolderWithoutResultsIsAnInputMistake) {
  const auto empty = std::filesystem::temp_directory_path() /
                     ("parley_report_empty_" + std::to_string(::getpid()));
  std::filesystem::create_directories(empty);
  const ParleyProcess p = ParleyProcess::run({"report", empty.string()});
  EXPECT_EQ(p.exit_code, 2);
  EXPECT_EQ(p.err.rfind(empty.string() + ":0:0: error: not a result folder", 0), 0u) << p.err;
  EXPECT_FALSE(std::filesystem::exists(empty / "report.html"));
  std::filesystem::remove_all(empty);
  const ParleyProcess missing = ParleyProcess::run({"report", empty.string()});
  EXPECT_EQ(missing.exit_code, 2);
}

TEST(ReportCommand, RunWithoutReportRemovesAStaleOne) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("parley_report_stale_" + std::to_string(::getpid()));
  const std::string file =
      std::string(PARLEY_SOURCE_DIR) + "/scenarios/teach_election_replace.yaml";
  ASSERT_EQ(ParleyProcess::run(
                {"run", file, "--trials", "500", "--out", dir.string(), "--quiet", "--report"})
                .exit_code,
            0);
  EXPECT_TRUE(std::filesystem::exists(dir / "report.html"));
  ASSERT_EQ(ParleyProcess::run({"run", file, "--trials", "500", "--out", dir.string(), "--quiet"})
                .exit_code,
            0);
  EXPECT_FALSE(std::filesystem::exists(dir / "report.html"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace parley::testing
