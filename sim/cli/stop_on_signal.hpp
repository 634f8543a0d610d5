#pragma once
// Lets a long command stop cleanly on Ctrl-C (SIGINT) or SIGTERM instead of dying mid-write.
//
//   const StopOnSignal stop;  // while it lives, the signals only set a flag
//   options.keep_going = [] { return !StopOnSignal::requested(); };
//   if (StopOnSignal::requested()) return StopOnSignal::exit_code();  // 130 or 143
#include <signal.h>

#include <cstdint>

namespace parley::cli {

// Catches SIGINT and SIGTERM for its lifetime and restores the previous handlers after. One
// process-wide flag (a signal handler can reach nothing else), so one instance at a time.
class StopOnSignal {
 public:
  StopOnSignal();
  ~StopOnSignal();
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

  // Whether a stop was asked for since the current instance was made.
  static bool requested();
  // The signal that asked to stop, 0 while none did.
  static int signal_number();
  // "SIGTERM" for SIGTERM, "SIGINT" otherwise.
  static const char* signal_name();
  // The shell's exit code for that signal: 128 + signal (130 when none arrived).
  static int exit_code();
  // Says on stderr that a run stopped after `done` of `total` trials and wrote no result
  // file; returns exit_code().
  static int report_stopped_run(std::int64_t done, std::int64_t total);

 private:
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

}  // namespace parley::cli
