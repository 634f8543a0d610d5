#include "sim/serve/web_assets.hpp"

#include "analysis/results/report/figures_js.hpp"

namespace parley::serve {
namespace {

std::string_view content_type_of(std::string_view name) {
  auto ends_with = [&](std::string_view ext) { return name.ends_with(ext); };
  if (ends_with(".html")) return "text/html; charset=utf-8";
  if (ends_with(".js")) return "text/javascript; charset=utf-8";
  if (ends_with(".css")) return "text/css; charset=utf-8";
  if (ends_with(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

}  // namespace

std::optional<WebAsset> find_web_asset(std::string_view name) {
  // The report's figure module, the same bytes report.html inlines.
  if (name == "figures.js") return WebAsset{figures_js(), content_type_of(name)};
  for (const EmbeddedFile& f : embedded_files()) {
    if (f.name == name) return WebAsset{f.content, content_type_of(name)};
  }
  return std::nullopt;
}

}  // namespace parley::serve
