// StopOnSignal: SIGINT/SIGTERM set an atomic flag that long loops poll (see the header).
#include "sim/cli/stop_on_signal.hpp"

#include <atomic>
#include <iostream>

namespace parley::cli {
namespace {

// The signal that asked to stop, 0 while none did. Written from the signal handler only.
std::atomic<int> stop_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void request_stop(int signal_number) {
  stop_signal.store(signal_number);
}

}  // namespace

StopOnSignal::StopOnSignal() {
  stop_signal.store(0);
  struct sigaction action {};
  action.sa_handler = request_stop;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &previous_int_);
  sigaction(SIGTERM, &action, &previous_term_);
}

StopOnSignal::~StopOnSignal() {
  sigaction(SIGINT, &previous_int_, nullptr);
  sigaction(SIGTERM, &previous_term_, nullptr);
}

bool StopOnSignal::requested() {
  return stop_signal.load() != 0;
}

int StopOnSignal::signal_number() {
  return stop_signal.load();
}

const char* StopOnSignal::signal_name() {
  return stop_signal.load() == SIGTERM ? "SIGTERM" : "SIGINT";
}

int StopOnSignal::exit_code() {
  const int signal_number = stop_signal.load();
  return 128 + (signal_number == 0 ? SIGINT : signal_number);
}

int StopOnSignal::report_stopped_run(std::int64_t done, std::int64_t total) {
  std::cerr << "parley: interrupted by " << signal_name() << " after " << done << " of " << total
            << " trials; no result files written\n";
  return exit_code();
}

}  // namespace parley::cli
