#pragma once
// One self-overwriting stderr line for long commands: a bar, done/total, rate and ETA.
//
//   ProgressLine progress("trials");  // draws only when stderr is a terminal
//   options.on_progress = [&](std::int64_t done, std::int64_t all) { progress.update(done, all); };
//   ...; progress.finish();            // clears the line before the summary is printed
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace parley::cli {

class ProgressLine {
 public:
  // `unit` names what is counted ("trials", "points"); `wanted` false keeps the line off
  // (e.g. --quiet). The line is drawn only when stderr is a terminal, never into a log file.
  explicit ProgressLine(std::string unit, bool wanted = true);

  // The rate counts from the first update: work reported there (points reused by a resumed
  // sweep, a first block) was not done at the speed that is being measured.
  void update(std::int64_t done, std::int64_t total);
  // Erases the line, if one was drawn.
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  std::string unit_;
  bool enabled_;
  bool drawn_ = false;
  std::optional<std::int64_t> first_done_;
  Clock::time_point first_time_{};
  Clock::time_point last_draw_{};
};

}  // namespace parley::cli
