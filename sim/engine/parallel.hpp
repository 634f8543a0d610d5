#pragma once
// The one place that names the threading library (oneTBB lives in parallel.cpp).
//
//   ordered_block_reduce<Partial>(
//       trials, /*threads=*/0,
//       [&](Partial& p, std::int64_t begin, std::int64_t end) { ... simulate [begin, end) ... },
//       [&](Partial& p, std::int64_t block) { total.merge(p); });
//
// Trials are cut into blocks of kTrialsPerBlock (independent of the thread count). Blocks run
// in parallel; `merge` sees the blocks strictly in block order, on one thread at a time, so a
// floating-point reduction is identical for every thread count. At most a bounded number of
// partials are alive at once: memory does not grow with the number of trials.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace parley {

inline constexpr std::int64_t kTrialsPerBlock = 4096;

// Number of worker threads `threads` resolves to (0 = every core).
int resolve_thread_count(int threads);

namespace detail {
// Runs fill(slot, block) in parallel and merge(slot, block) in block order, with `slots`
// reusable partial buffers (block b uses slot b % slots); a slot is handed to fill() only after
// its previous merge finished. keep_going() is asked before each block is started; returns
// false when it said stop before every block was merged (merge then saw a prefix of blocks).
bool run_ordered_blocks(std::int64_t blocks, int threads, int slots,
                        const std::function<void(int slot, std::int64_t block)>& fill,
                        const std::function<void(int slot, std::int64_t block)>& merge,
                        const std::function<bool()>& keep_going);
}  // namespace detail

// `make()` builds an empty partial; `reset(p)` empties one for reuse. Returns false if
// `keep_going` asked to stop early (Ctrl-C), in which case merge saw a prefix of the blocks.
template <class Partial, class Make, class Reset, class Fill, class Merge>
bool ordered_block_reduce(
    std::int64_t trials, int threads, Make make, Reset reset, Fill fill, Merge merge,
    const std::function<bool()>& keep_going = [] { return true; }) {
  const std::int64_t blocks = (trials + kTrialsPerBlock - 1) / kTrialsPerBlock;
  const int slots = 4 * resolve_thread_count(threads);
  std::vector<std::unique_ptr<Partial>> partial;
  for (int i = 0; i < slots; ++i)
    partial.push_back(std::make_unique<Partial>(make()));
  return detail::run_ordered_blocks(
      blocks, threads, slots,
      [&](int slot, std::int64_t block) {
        reset(*partial[slot]);
        const std::int64_t begin = block * kTrialsPerBlock;
        const std::int64_t end = std::min(trials, begin + kTrialsPerBlock);
        fill(*partial[slot], begin, end);
      },
      [&](int slot, std::int64_t block) { merge(*partial[slot], block); }, keep_going);
}

}  // namespace parley
