#pragma once
// "A newer request from the same page cancels the run it supersedes." Each page sends a
// session id and a growing sequence number with every run; a run keeps going while no later
// sequence of its session has arrived. Runs poll still_current() between blocks of trials.
//
//   SupersededRuns runs;
//   auto ticket = runs.begin("tab-3f9a", 12);                 // 12 is now the latest of the tab
//   options.keep_going = [&] { return runs.still_current(ticket); };
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace parley::serve {

class SupersededRuns {
 public:
  struct Ticket {
    std::string session;  // "" never supersedes or is superseded
    std::int64_t sequence = 0;
  };

  // Registers a run; a run with a sequence below the session's latest is superseded at once.
  Ticket begin(const std::string& session, std::int64_t sequence);
  bool still_current(const Ticket& ticket) const;

 private:
  // Sessions beyond this many are forgotten (oldest first is not tracked: all at once), which
  // bounds memory against clients inventing session ids.
  static constexpr std::size_t kMaxSessions = 10'000;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::int64_t> latest_;
};

}  // namespace parley::serve
