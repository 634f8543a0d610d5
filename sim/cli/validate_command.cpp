// `parley validate FILE...`: loads every file, prints `FILE: OK (3 actors, 1 table, 0 shocks)`
// for the good ones and every error of the bad ones; exit code 2 when any file is bad.
//
//   parley validate scenarios/korea_sma11.yaml scenarios/japan_sma.yaml
#include <iostream>
#include <string>
#include <vector>

#include "sim/cli/commands.hpp"
#include "sim/io/input_error.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley::cli {
namespace {

// "1 table", "3 tables", "0 tables".
std::string count_of(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace

void add_validate_command(CLI::App& app, int& exit_code) {
  CLI::App* command = app.add_subcommand(
      "validate", "Check scenario files without simulating them (exit code 2 if any is wrong)");
  auto files = std::make_shared<std::vector<std::string>>();
  command->add_option("FILE", *files, "scenario YAML files")->required();
  command->callback([files, &exit_code] {
    std::vector<Diagnostic> errors;
    for (const std::string& file : *files) {
      try {
        const Scenario s = load_scenario_file(file);
        std::cout << file << ": OK (" << count_of(s.actors.size(), "actor") << ", "
                  << count_of(s.tables.size(), "table") << ", "
                  << count_of(s.shocks.size(), "shock") << ")\n";
      } catch (const InputError& e) {
        errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
      }
    }
    std::cout.flush();
    if (errors.empty()) return;
    // main() prints every diagnostic on stderr and exits with 2.
    exit_code = 2;
    throw InputError(std::move(errors));
  });
}

}  // namespace parley::cli
