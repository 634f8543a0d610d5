// `parley serve [SCENARIO_DIR] [--port P] [--host ADDRESS] [--max-trials N] [--threads K]`
// Serves the live what-if page for the scenario folder until Ctrl-C (SIGINT) or SIGTERM, then
// stops cleanly (exit code 0).
#include <atomic>
#include <chrono>
#include <iostream>
#include <memory>
#include <thread>

#include "sim/cli/commands.hpp"
#include "sim/cli/stop_on_signal.hpp"
#include "sim/serve/server.hpp"

namespace parley::cli {
namespace {

struct ServeArguments {
  std::string folder = "scenarios";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::int64_t max_trials = 1'000'000;
  int threads = 0;
};

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

int serve(const ServeArguments& args) {
  serve::ServeOptions options;
  options.folder = args.folder;
  options.host = args.host;
  options.port = args.port;
  options.threads = args.threads;
  options.limits.max_trials = args.max_trials;
  options.limits.default_trials = std::min<std::int64_t>(100'000, args.max_trials);
  serve::Server server(options);
  const StopOnSignal stop_on_signal;
  const int port = server.bind();
  if (!is_loopback(args.host)) {
    std::cerr << "parley serve: warning: listening on " << args.host
              << ", not only on this machine: anyone who can reach it can run simulations "
                 "(at most "
              << args.max_trials << " trials a request) and read the scenario files\n";
  }
  const std::string shown_host = args.host.find(':') != std::string::npos
                                     ? "[" + args.host + "]"
                                     : (args.host == "0.0.0.0" ? "127.0.0.1" : args.host);
  std::cout << "parley serve: scenarios from " << args.folder << "/ at http://" << shown_host << ":"
            << port << "/  (Ctrl-C stops)" << std::endl;

  std::atomic<bool> done{false};
  std::thread watcher([&] {
    while (!done && !StopOnSignal::requested())
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    server.stop();
  });
  const bool listened = server.listen();
  done = true;
  watcher.join();
  if (StopOnSignal::requested()) {
    std::cout << "parley serve: stopped by " << StopOnSignal::signal_name() << std::endl;
    return 0;
  }
  if (!listened) std::cerr << "parley serve: error: the server stopped unexpectedly\n";
  return listened ? 0 : 1;
}

}  // namespace

void add_serve_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ServeArguments>();
  CLI::App* command = app.add_subcommand(
      "serve", "Serve the live what-if page for a scenario folder (http://127.0.0.1:8080/)");
  command->add_option("SCENARIO_DIR", args->folder, "folder of scenario files (default scenarios)");
  command->add_option("--port", args->port, "TCP port (default 8080; 0 picks a free one)")
      ->check(CLI::Range(0, 65535));
  command->add_option("--host", args->host,
                      "address to listen on (default 127.0.0.1, this machine only)");
  command
      ->add_option("--max-trials", args->max_trials,
                   "most trials one request may ask for (default 1000000)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1} << 40));
  command->add_option("--threads", args->threads, "worker threads per run, 0 = every core")
      ->check(CLI::Range(0, 4096));
  command->callback([args, &exit_code] { exit_code = serve(*args); });
}

}  // namespace parley::cli
