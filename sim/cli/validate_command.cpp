// `parley validate FILE...`: loads every file, prints `FILE: OK (N actors, M tables, K shocks)`
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
        std::cout << file << ": OK (" << s.actors.size() << " actors, " << s.tables.size()
                  << " tables, " << s.shocks.size() << " shocks)\n";
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
