#pragma once
// The self-contained report (report.html, as `parley report` writes it) of one state of the
// page: the what-if's result files are written to a private temporary folder, the report is
// made from them, and the folder is removed.
//
//   std::string html = what_if_report_html(result, metadata);
#include <string>

#include "analysis/results/result_files.hpp"

namespace parley::serve {

std::string what_if_report_html(const RunResult& result, const RunMetadata& metadata);

}  // namespace parley::serve
