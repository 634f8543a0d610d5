// The only file that names oneTBB: an ordered pipeline of trial blocks (see parallel.hpp).
#include "sim/engine/parallel.hpp"

#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <vector>

namespace parley {
namespace {

// ThreadSanitizer sees only instrumented code, and Debian's oneTBB is not: the atomics with
// which it hands a block from one stage and thread to the next are invisible to it, so every
// hand-over would look like a data race. Under ThreadSanitizer (tools/test --thread-sanitize)
// each stage says what it received (acquire) and what it passes on (release), exactly the
// orderings oneTBB's pipeline guarantees; parley's own code stays fully checked.
#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void* address);
extern "C" void __tsan_release(void* address);
void received(const void* from) {
  __tsan_acquire(const_cast<void*>(from));
}
void passed_on(const void* to) {
  __tsan_release(const_cast<void*>(to));
}
#else
void received(const void*) {}
void passed_on(const void*) {}
#endif

}  // namespace

int resolve_thread_count(int threads) {
  if (threads > 0) return threads;
  return std::max(1, tbb::info::default_concurrency());
}

namespace detail {

bool run_ordered_blocks(std::int64_t blocks, int threads, int slots,
                        const std::function<void(int slot, std::int64_t block)>& fill,
                        const std::function<void(int slot, std::int64_t block)>& merge,
                        const std::function<bool()>& keep_going) {
  if (blocks <= 0) return true;
  // At most `slots` blocks are in flight and they leave the pipeline in block order, so when
  // block b enters, block b - slots has been merged and slot b % slots is free again.
  const auto slot_of = [slots](std::int64_t block) { return static_cast<int>(block % slots); };
  std::int64_t next = 0;
  bool stopped_early = false;
  // Hand-over points for ThreadSanitizer: the calling thread, the two serial stages and each
  // token (slot).
  const char caller = 0, input = 0, merger = 0;
  const std::vector<char> token(static_cast<std::size_t>(slots));
  const auto token_of = [&](std::int64_t block) { return &token[slot_of(block)]; };

  // The stages: hand out the next block (or stop), fill it, merge it.
  const auto next_block = [&](tbb::flow_control& control) -> std::int64_t {
    received(&caller);
    received(&input);
    received(token_of(next));  // the slot's previous block has been merged
    std::int64_t block = 0;
    if (next >= blocks || !keep_going()) {
      stopped_early = next < blocks;
      control.stop();
    } else {
      block = next++;
      passed_on(token_of(block));
    }
    passed_on(&input);
    return block;
  };
  const auto fill_block = [&](std::int64_t block) {
    received(&caller);
    received(token_of(block));
    fill(slot_of(block), block);
    passed_on(token_of(block));
    return block;
  };
  const auto merge_block = [&](std::int64_t block) {
    received(&caller);
    received(&merger);
    received(token_of(block));
    merge(slot_of(block), block);
    passed_on(&merger);
    passed_on(token_of(block));
  };

  passed_on(&caller);
  // TBB cannot run more workers than cores (it warns on stderr when asked to); the result
  // does not depend on the count, so asking for more than the machine has means "all cores".
  tbb::task_arena arena(
      std::min(resolve_thread_count(threads), std::max(1, tbb::info::default_concurrency())));
  arena.execute([&] {
    tbb::parallel_pipeline(
        static_cast<std::size_t>(slots),
        tbb::make_filter<void, std::int64_t>(tbb::filter_mode::serial_in_order, next_block) &
            tbb::make_filter<std::int64_t, std::int64_t>(tbb::filter_mode::parallel, fill_block) &
            tbb::make_filter<std::int64_t, void>(tbb::filter_mode::serial_in_order, merge_block));
  });
  received(&input);
  received(&merger);
  for (std::int64_t slot = 0; slot < slots; ++slot)
    received(token_of(slot));
  return !stopped_early;
}

}  // namespace detail
}  // namespace parley
