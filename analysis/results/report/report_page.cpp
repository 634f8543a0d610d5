#include "analysis/results/report/report_page.hpp"

#include <cstdio>
#include <cstdlib>

#include "analysis/results/report/figures_js.hpp"
#include "sim/model/number_text.hpp"

namespace parley {
namespace {

constexpr const char* kStyle = R"(
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b;
       max-width: 980px; margin: 0 auto; padding: 1em 1.5em 4em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
h3 { margin-top: 1.5em; }
table { border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 0.9em; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.3em; }
th, td { padding: 0.2em 0.7em; border-bottom: 1px solid #e2e2e2; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.noise td { color: #888; }
figure { margin: 1em 0 1.6em; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 0.2em; }
.parley-figure { max-width: 100%; height: auto; font-size: 11px; }
.parley-figure .title { font-size: 13px; font-weight: 600; }
.parley-figure .axes line { stroke: #444; } .parley-figure .axes text { fill: #333; }
.parley-figure .label { font-size: 12px; } .parley-figure .note { fill: #a33; font-size: 12px; }
.parley-figure .qlabel { font-size: 10px; }
.figure-missing { color: #a33; }
@media print { body { max-width: none; } h2 { break-before: auto; } a { color: inherit; } }
)";

bool looks_numeric(const std::string& text) {
  if (text.empty()) return false;
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  return end && (*end == '\0' || *end == '%');
}

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string cell_number(const std::optional<double>& value) {
  return value ? format_significant(*value, 6) : std::string();
}

ReportPage::ReportPage(std::string title) : title_(std::move(title)) {}

void ReportPage::heading(int level, const std::string& text) {
  // Appended piece by piece: GCC 12 reports a false -Wrestrict on "<" + tag + ...
  const std::string digit = std::to_string(level);
  body_.append("<h").append(digit).append(">");
  body_.append(html_escape(text));
  body_.append("</h").append(digit).append(">\n");
}

void ReportPage::paragraph(const std::string& text) {
  body_ += "<p>" + html_escape(text) + "</p>\n";
}

void ReportPage::table(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows,
                       const std::string& caption, const std::vector<bool>& noise_rows) {
  body_ += "<table>\n";
  if (!caption.empty()) body_ += "<caption>" + html_escape(caption) + "</caption>\n";
  body_ += "<thead><tr>";
  for (const std::string& h : header)
    body_ += "<th scope=\"col\">" + html_escape(h) + "</th>";
  body_ += "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const bool noise = r < noise_rows.size() && noise_rows[r];
    body_ += noise ? "<tr class=\"noise\">" : "<tr>";
    for (const std::string& cell : rows[r])
      body_ += (looks_numeric(cell) ? "<td class=\"n\">" : "<td>") + html_escape(cell) + "</td>";
    body_ += "</tr>\n";
  }
  body_ += "</tbody>\n</table>\n";
}

void ReportPage::figure(nlohmann::json spec) {
  const int index = figures();
  const std::string title = spec.value("title", std::string());
  body_ += "<figure id=\"figure-" + std::to_string(index) + "\"><figcaption>" + html_escape(title) +
           "</figcaption><div data-figure=\"" + std::to_string(index) +
           "\"><p class=\"figure-missing\">(the figure needs JavaScript)</p></div></figure>\n";
  specs_.push_back(std::move(spec));
}

std::string ReportPage::html() const {
  // Inside <script>, "</" would end the element: JSON allows "<\/" for it.
  std::string data = specs_.dump();
  for (std::size_t at = data.find("</"); at != std::string::npos; at = data.find("</", at + 3))
    data.replace(at, 2, "<\\/");
  std::string page;
  page += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  page += "<meta name=\"generator\" content=\"parley " PARLEY_VERSION "\">\n";
  page += "<title>" + html_escape(title_) + "</title>\n<style>" + kStyle + "</style>\n";
  // A script error anywhere below is recorded on the page (browser tests read it).
  page +=
      "<script>(() => { const mark = (m) => "
      "document.documentElement.setAttribute('data-error', m); "
      "window.addEventListener('error', (e) => mark(String(e.message))); "
      "const error = console.error; console.error = (...a) => { mark(a.join(' ')); "
      "error.apply(console, a); }; })();</script>\n";
  page += "</head>\n";
  page += "<body>\n<h1>" + html_escape(title_) + "</h1>\n" + body_;
  page += "<script type=\"application/json\" id=\"parley-figures\">" + data + "</script>\n";
  page += "<script>\n";
  // The module's comments show a <script> element: inline, "</" must not close this one.
  std::string script(figures_js());
  for (std::size_t at = script.find("</"); at != std::string::npos; at = script.find("</", at + 3))
    script.replace(at, 2, "<\\/");
  page += script;
  page +=
      "\n</script>\n<script>\n"
      "document.body.setAttribute('data-figures-drawn', "
      "String(ParleyFigures.drawAll(document)));\n"
      "</script>\n</body>\n</html>\n";
  return page;
}

}  // namespace parley
