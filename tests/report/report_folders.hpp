#pragma once
// Result folders of every kind, made with the built `parley` on first use (each test process
// makes only those it reads) and removed at exit: a run, a compare, a grid sweep, a Sobol sweep
// and a backtest, each with its report.html.
//
//   const std::filesystem::path& dir = report_folder("run");
//   std::string html = read_text(dir / "report.html");
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "tests/support/run_binary.hpp"

namespace parley::testing {

class ReportFolders {
 public:
  ~ReportFolders() { std::filesystem::remove_all(root_); }

  const std::filesystem::path& get(const std::string& kind) {
    auto found = made_.find(kind);
    if (found != made_.end()) return found->second;
    const std::filesystem::path dir = root_ / kind;
    for (const std::vector<std::string>& args : commands(kind, dir.string())) {
      const ParleyProcess p = ParleyProcess::run(args);
      if (p.exit_code != 0) ADD_FAILURE() << kind << ": parley " << args[0] << ": " << p.err;
    }
    return made_.emplace(kind, dir).first->second;
  }

 private:
  static std::vector<std::vector<std::string>> commands(const std::string& kind,
                                                        const std::string& out) {
    const std::string source = PARLEY_SOURCE_DIR;
    const std::string korea12 = source + "/scenarios/korea_sma12.yaml";
    if (kind == "run")
      return {{"run", korea12, "--trials", "20000", "--out", out, "--quiet", "--report"}};
    if (kind == "compare")
      return {{"compare", korea12, "--trials", "12288", "--out", out, "--quiet", "--report"}};
    if (kind == "sweep")
      return {{"sweep", korea12, "--param", "tables.seoul.stall_p=0:0.3:4", "--trials", "2000",
               "--out", out, "--quiet"},
              {"report", out}};
    if (kind == "sobol")
      return {{"sweep", korea12, "--param", "tables.seoul.stall_p=0:0.3", "--param",
               "shocks.crisis.hazard=0.01:0.1", "--method", "sobol", "--samples", "16", "--trials",
               "1000", "--out", out, "--quiet"},
              {"report", out}};
    if (kind == "backtest")
      return {{"backtest", source + "/scenarios/korea_sma11.yaml", korea12, "--trials", "5000",
               "--out", out},
              {"report", out}};
    ADD_FAILURE() << "no folder kind " << kind;
    return {};
  }

  std::filesystem::path root_ =
      std::filesystem::temp_directory_path() / ("parley_report_" + std::to_string(::getpid()));
  std::map<std::string, std::filesystem::path> made_;
};

inline const std::filesystem::path& report_folder(const std::string& kind) {
  static ReportFolders folders;
  return folders.get(kind);
}

// Occurrences of `needle` in `text`.
inline int count_of(const std::string& text, const std::string& needle) {
  int n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size()))
    ++n;
  return n;
}

}  // namespace parley::testing
