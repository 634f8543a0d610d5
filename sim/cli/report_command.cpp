// `parley report OUT_DIR`: writes OUT_DIR/report.html, one self-contained page (no network, no
// other file) with the figures and tables of any result folder: run, compare, sweep, backtest.
#include <iostream>
#include <memory>
#include <string>

#include "analysis/results/report/report.hpp"
#include "sim/cli/commands.hpp"

namespace parley::cli {

void add_report_command(CLI::App& app, int& exit_code) {
  auto dir = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "report",
      "Write OUT_DIR/report.html, a self-contained page of figures and tables, from the result "
      "folder of run, compare, sweep or backtest");
  command->add_option("OUT_DIR", *dir, "a result folder")->required();
  command->callback([dir, &exit_code] {
    const std::filesystem::path page = write_report(*dir);
    std::cout << "wrote " << page.string() << "\n";
    exit_code = 0;
  });
}

}  // namespace parley::cli
