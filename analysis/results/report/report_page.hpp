#pragma once
// report.html as it is assembled: headings, tables and figures in order, then one
// self-contained page: inline CSS, the figures' JSON descriptions and figures.js inline, no
// reference to any other file or to the network. Without JavaScript the page still shows every
// table and each figure's caption; with it, the figures are drawn as inline SVG.
//
//   ReportPage page("korea_sma11: run report");
//   page.heading(2, "seoul (KRW_bn)");
//   page.figure({{"kind", "shares"}, ...}, "Outcome shares by group");
//   page.table({"group", "n"}, {{"all", "100000"}});
//   std::string html = page.html();
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace parley {

class ReportPage {
 public:
  explicit ReportPage(std::string title);

  void heading(int level, const std::string& text);
  void paragraph(const std::string& text);
  // A table; cells that read as numbers are right-aligned. `noise_rows` (optional) are shown
  // greyed with a `~` mark: differences within 2 standard errors.
  void table(const std::vector<std::string>& header,
             const std::vector<std::vector<std::string>>& rows, const std::string& caption = "",
             const std::vector<bool>& noise_rows = {});
  // A figure drawn by figures.js from `spec` (see figures.js for the kinds); the caption is
  // the spec's title, so the page says what each figure is even without JavaScript.
  void figure(nlohmann::json spec);
  int figures() const { return static_cast<int>(specs_.size()); }

  std::string html() const;

 private:
  std::string title_;
  std::string body_;
  nlohmann::json specs_ = nlohmann::json::array();
};

// Text with &, <, >, " and ' escaped for HTML.
std::string html_escape(const std::string& text);
// A number for a table cell: 6 significant digits, "" for none.
std::string cell_number(const std::optional<double>& value);

}  // namespace parley
