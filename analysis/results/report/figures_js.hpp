#pragma once
// The text of analysis/results/report/figures.js, compiled into the library at build time (see
// analysis/CMakeLists.txt): the figure module that report.html inlines, for any page that draws
// parley's figures the same way.
//
//   page << "<script>" << figures_js() << "</script>";
#include <string_view>

namespace parley {

std::string_view figures_js();

}  // namespace parley
