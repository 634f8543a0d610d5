#pragma once
// Each subcommand of the `parley` executable lives in its own file and registers itself here.
// A command's callback sets `exit_code` (0 done, 1 failure); input mistakes are thrown as
// parley::InputError and turned into exit code 2 by main().
#include <CLI/CLI.hpp>

namespace parley::cli {

void add_validate_command(CLI::App& app, int& exit_code);
void add_backtest_command(CLI::App& app, int& exit_code);
void add_run_command(CLI::App& app, int& exit_code);
void add_sweep_command(CLI::App& app, int& exit_code);
void add_merge_command(CLI::App& app, int& exit_code);
void add_trace_command(CLI::App& app, int& exit_code);
void add_compare_command(CLI::App& app, int& exit_code);
void add_report_command(CLI::App& app, int& exit_code);
void add_serve_command(CLI::App& app, int& exit_code);

}  // namespace parley::cli
