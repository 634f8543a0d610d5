#pragma once
// The page's files: sim/serve/web/*, embedded into the binary at build time by
// embed_files.cmake, and figures.js, the report's figure module (figures_js()): `parley serve`
// works from any directory, offline.
//
//   if (const WebAsset* a = find_web_asset("app.js")) reply(a->content, a->content_type);
#include <optional>
#include <string_view>
#include <vector>

namespace parley::serve {

struct EmbeddedFile {
  std::string_view name;     // "app.js"
  std::string_view content;  // the file's bytes
};

// Every embedded file (generated source).
const std::vector<EmbeddedFile>& embedded_files();

struct WebAsset {
  std::string_view content;
  std::string_view content_type;  // from the name's extension
};

// The asset of that exact name, or nullopt: names are compared, never opened as paths.
std::optional<WebAsset> find_web_asset(std::string_view name);

}  // namespace parley::serve
