// parley: parse the command line, run one command, map failures to exit codes.
//   0 done; 2 the input is wrong (scenario, flags); 1 anything else.
#include <CLI/CLI.hpp>
#include <iostream>

#include "sim/cli/commands.hpp"
#include "sim/io/input_error.hpp"

namespace {

// Each command sets `exit_code` when it runs.
void add_parley_commands(CLI::App& app, int& exit_code) {
  parley::cli::add_validate_command(app, exit_code);
  parley::cli::add_backtest_command(app, exit_code);
  parley::cli::add_run_command(app, exit_code);
  parley::cli::add_compare_command(app, exit_code);
  parley::cli::add_sweep_command(app, exit_code);
  parley::cli::add_merge_command(app, exit_code);
  parley::cli::add_trace_command(app, exit_code);
  parley::cli::add_report_command(app, exit_code);
  parley::cli::add_serve_command(app, exit_code);
}

// `parley help [COMMAND]`; `topic` holds COMMAND while the command line is parsed.
void add_help_command(CLI::App& app, std::string& topic) {
  CLI::App* help = app.add_subcommand("help", "Show help for parley or for one COMMAND");
  help->add_option("COMMAND", topic, "a command name");
  help->callback([&app, &topic] {
    if (topic.empty()) {
      std::cout << app.help();
      return;
    }
    CLI::App* command = nullptr;
    try {
      command = app.get_subcommand(topic);
    } catch (const CLI::OptionNotFound&) {
      throw parley::InputError({"parley", 0, 0}, "help: unknown command '" + topic + "'");
    }
    std::cout << command->help();
  });
}

// Parses the command line and runs its command: the command's `exit_code`, or the exit code
// of what went wrong.
int parse_and_run_command(CLI::App& app, int argc, char** argv, const int& exit_code) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help and --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "parley: error: " << e.what() << "\n"
              << "Run 'parley help' for the commands and their options.\n";
    return 2;
  } catch (const parley::InputError& e) {
    for (const auto& d : e.diagnostics())
      std::cerr << d.str() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "parley: error: " << e.what() << "\n";
    return 1;
  }
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  // Every random number comes from AES rounds (sim/engine/random_stream.hpp): say so plainly
  // rather than die of an illegal instruction on a processor without them.
  if (!__builtin_cpu_supports("aes")) {
    std::cerr << "parley: error: this processor has no AES-NI instructions, which parley's "
                 "random streams (Random123 ARS-7) need\n";
    return 1;
  }
  CLI::App app{
      "parley: Monte Carlo simulator of negotiation outcomes (host-nation cost-sharing talks)",
      "parley"};
  app.set_version_flag("--version", std::string("parley ") + PARLEY_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  int exit_code = 0;
  add_parley_commands(app, exit_code);
  std::string help_topic;
  add_help_command(app, help_topic);
  return parse_and_run_command(app, argc, argv, exit_code);
}
