// ProgressLine: redraws at most five times a second, and always at the end (see the header).
#include "sim/cli/progress_line.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <utility>

#include "sim/model/number_text.hpp"

namespace parley::cli {

ProgressLine::ProgressLine(std::string unit, bool wanted)
    : unit_(std::move(unit)), enabled_(wanted && ::isatty(STDERR_FILENO) == 1) {}

void ProgressLine::update(std::int64_t done, std::int64_t total) {
  if (!enabled_) return;
  const auto now = Clock::now();
  if (!first_done_) {
    first_done_ = done;
    first_time_ = now;
  }
  if (drawn_ && done < total && now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;

  constexpr int kWidth = 30;
  const double fraction =
      static_cast<double>(done) / static_cast<double>(std::max<std::int64_t>(1, total));
  const auto filled = static_cast<std::size_t>(std::clamp(kWidth * fraction, 0.0, 1.0 * kWidth));
  std::fprintf(stderr, "\r\033[K[%-*s] %lld/%lld %s", kWidth, std::string(filled, '#').c_str(),
               static_cast<long long>(done), static_cast<long long>(total), unit_.c_str());
  const double seconds = std::chrono::duration<double>(now - first_time_).count();
  const double rate = seconds > 0 ? static_cast<double>(done - *first_done_) / seconds : 0.0;
  if (rate > 0)  // nothing to say before the first measured work
    std::fprintf(stderr, "  %s %s/s  ETA %s s", format_significant(rate, 3).c_str(), unit_.c_str(),
                 format_fixed(static_cast<double>(total - done) / rate, 0).c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressLine::finish() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
  drawn_ = false;
}

}  // namespace parley::cli
