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

using BlockStep = std::function<void(int slot, std::int64_t block)>;

// One run of the ordered pipeline: its three stages (hand out the next block or stop, fill it,
// merge it) and the state they share. At most `slots` blocks are in flight and they leave the
// pipeline in block order, so when block b enters, block b - slots has been merged and slot
// b % slots is free again.
class OrderedBlockPipeline {
 public:
  OrderedBlockPipeline(std::int64_t blocks, int slots, const BlockStep& fill,
                       const BlockStep& merge, const std::function<bool()>& keep_going)
      : blocks_(blocks),
        slots_(slots),
        fill_(fill),
        merge_(merge),
        keep_going_(keep_going),
        token_(static_cast<std::size_t>(slots)) {}

  // Runs every block on `threads` threads; false when keep_going() stopped it early.
  bool run(int threads);

 private:
  int slot_of(std::int64_t block) const { return static_cast<int>(block % slots_); }
  const char* token_of(std::int64_t block) const { return &token_[slot_of(block)]; }

  std::int64_t next_block(tbb::flow_control& control) {
    received(&caller_);
    received(&input_);
    received(token_of(next_));  // the slot's previous block has been merged
    std::int64_t block = 0;
    if (next_ >= blocks_ || !keep_going_()) {
      stopped_early_ = next_ < blocks_;
      control.stop();
    } else {
      block = next_++;
      passed_on(token_of(block));
    }
    passed_on(&input_);
    return block;
  }
  std::int64_t fill_block(std::int64_t block) {
    received(&caller_);
    received(token_of(block));
    fill_(slot_of(block), block);
    passed_on(token_of(block));
    return block;
  }
  void merge_block(std::int64_t block) {
    received(&caller_);
    received(&merger_);
    received(token_of(block));
    merge_(slot_of(block), block);
    passed_on(&merger_);
    passed_on(token_of(block));
  }

  const std::int64_t blocks_;
  const int slots_;
  const BlockStep& fill_;
  const BlockStep& merge_;
  const std::function<bool()>& keep_going_;
  std::int64_t next_ = 0;
  bool stopped_early_ = false;
  // Hand-over points for ThreadSanitizer: the calling thread, the two serial stages and each
  // token (slot).
  const char caller_ = 0, input_ = 0, merger_ = 0;
  const std::vector<char> token_;
};

bool OrderedBlockPipeline::run(int threads) {
  passed_on(&caller_);
  // TBB cannot run more workers than cores (it warns on stderr when asked to); the result
  // does not depend on the count, so asking for more than the machine has means "all cores".
  tbb::task_arena arena(
      std::min(resolve_thread_count(threads), std::max(1, tbb::info::default_concurrency())));
  const auto hand_out = tbb::make_filter<void, std::int64_t>(
      tbb::filter_mode::serial_in_order,
      [this](tbb::flow_control& control) { return next_block(control); });
  const auto fill = tbb::make_filter<std::int64_t, std::int64_t>(
      tbb::filter_mode::parallel, [this](std::int64_t block) { return fill_block(block); });
  const auto merge = tbb::make_filter<std::int64_t, void>(
      tbb::filter_mode::serial_in_order, [this](std::int64_t block) { merge_block(block); });
  arena.execute(
      [&] { tbb::parallel_pipeline(static_cast<std::size_t>(slots_), hand_out & fill & merge); });
  received(&input_);
  received(&merger_);
  for (std::int64_t slot = 0; slot < slots_; ++slot)
    received(token_of(slot));
  return !stopped_early_;
}

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
  OrderedBlockPipeline pipeline(blocks, slots, fill, merge, keep_going);
  return pipeline.run(threads);
}

}  // namespace detail
}  // namespace parley
