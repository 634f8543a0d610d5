// report.html opened in a real browser: headless Chromium (the Debian package, installed by
// tools/setup.sh) loads each kind of report from disk with the network disabled, runs its
// script, and the test reads the DOM it leaves: every figure drawn as an <svg> with a <title>
// and a <desc>, the expected labels present, and no script error (window `error` events and
// console.error both mark the page). Screenshots of the run, compare and backtest reports are kept
// as test artifacts in the build tree: tests/report_screenshots/.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "tests/report/report_folders.hpp"

namespace parley::testing {
namespace {

namespace fs = std::filesystem;
const char* const kChromium = "/usr/bin/chromium";

// Runs chromium headless with `mode` (--dump-dom or --screenshot=FILE) on a local file; returns
// stdout.
std::string chromium(const std::string& mode, const fs::path& page) {
  const std::string command =
      std::string(kChromium) +
      " --headless --no-sandbox --disable-gpu --disable-extensions"
      " --no-first-run --proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>'"
      " --window-size=1000,1400 --virtual-time-budget=5000 " +
      mode + " 'file://" + page.string() + "' 2>/dev/null";
  std::string out;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[65536];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
      out.append(buffer, n);
    ::pclose(pipe);
  }
  return out;
}

struct DrawnPage {
  std::string page;  // report.html as written
  std::string dom;   // the document after its script ran
  int figures_in_page = 0;
  // Occurrences the script added (the page's own text, e.g. figures.js's comments, excluded).
  int drawn(const std::string& needle) const {
    return count_of(dom, needle) - count_of(page, needle);
  }
};

DrawnPage draw(const std::string& kind) {
  EXPECT_TRUE(fs::exists(kChromium)) << "tools/setup.sh installs chromium";
  const fs::path page = report_folder(kind) / "report.html";
  DrawnPage drawn;
  drawn.page = read_text(page);
  drawn.figures_in_page = count_of(drawn.page, "<figure id=\"figure-");
  drawn.dom = chromium("--dump-dom", page);
  return drawn;
}

void expect_drawn_without_errors(const DrawnPage& p) {
  ASSERT_FALSE(p.dom.empty()) << "chromium printed no DOM";
  EXPECT_EQ(count_of(p.dom, "data-error="), 0)
      << p.dom.substr(0, std::min<std::size_t>(400, p.dom.size()));
  EXPECT_NE(p.dom.find("data-figures-drawn=\"" + std::to_string(p.figures_in_page) + "\""),
            std::string::npos);
  EXPECT_EQ(p.drawn("<svg "), p.figures_in_page);
  EXPECT_EQ(p.drawn("role=\"img\""), p.figures_in_page);
  EXPECT_EQ(p.drawn("<title id="), p.figures_in_page);
  EXPECT_EQ(p.drawn("<desc id="), p.figures_in_page);
  EXPECT_EQ(count_of(p.dom, "the figure needs JavaScript"), 0);
}

void keep_screenshot(const std::string& kind) {
  const fs::path dir = fs::current_path() / "report_screenshots";
  fs::create_directories(dir);
  const fs::path png = dir / (kind + ".png");
  fs::remove(png);
  chromium("--screenshot=" + png.string(), report_folder(kind) / "report.html");
  EXPECT_TRUE(fs::exists(png)) << png;
  if (fs::exists(png)) {
    EXPECT_GT(fs::file_size(png), 10'000u);
  }
}

TEST(ReportInBrowser, RunReportDrawsEveryFigure) {
  const DrawnPage p = draw("run");
  expect_drawn_without_errors(p);
  // Labels the reader needs: currency on the axis, the quantile marks, the observed value,
  // and the empty group said in one line.
  for (const char* label : {"amount (KRW_bn)", ">p05<", ">p50<", ">p95<", "observed 1519.2",
                            "no values: us_election_2024=none", "cumulative share",
                            "share of trials (%)", "us_election_2024=trump"})
    EXPECT_GT(p.drawn(label), 0) << label;
  keep_screenshot("run");
}

TEST(ReportInBrowser, CompareReportDrawsEveryFigure) {
  const DrawnPage p = draw("compare");
  expect_drawn_without_errors(p);
  for (const char* label : {"difference (KRW_bn)", "difference (percentage points)", "trump_wins",
                            "tariff_linked", "amount p50", "agreed"})
    EXPECT_GT(p.drawn(label), 0) << label;
  keep_screenshot("compare");
}

TEST(ReportInBrowser, SweepReportDrawsEveryFigure) {
  const DrawnPage p = draw("sweep");
  expect_drawn_without_errors(p);
  EXPECT_GT(p.drawn("tables.seoul.stall_p"), 0);
  EXPECT_GE(p.drawn("class=\"point\""), 8);  // 4 points in each of two figures
}

TEST(ReportInBrowser, SobolReportDrawsEveryFigure) {
  const DrawnPage p = draw("sobol");
  expect_drawn_without_errors(p);
  EXPECT_GT(p.drawn("first order"), 0);
  EXPECT_GT(p.drawn("share of the variance"), 0);
}

TEST(ReportInBrowser, BacktestReportDrawsEveryFigure) {
  const DrawnPage p = draw("backtest");
  expect_drawn_without_errors(p);
  EXPECT_GT(p.drawn("observed"), 0);
  EXPECT_GT(p.drawn("amount (KRW_bn)"), 0);
  // Each case's own distributions, with the observed amount and month marked.
  for (const char* label : {"observed 1183.3", "observed 18", "observed 1519.2", "observed 6"})
    EXPECT_GT(p.drawn(label), 0) << label;
  keep_screenshot("backtest");
}

}  // namespace
}  // namespace parley::testing
