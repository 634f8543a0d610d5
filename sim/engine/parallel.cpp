// The only file that names oneTBB: an ordered pipeline of trial blocks (see parallel.hpp).
#include "sim/engine/parallel.hpp"

#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

namespace parley {

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
  // TBB cannot run more workers than cores (it warns on stderr when asked to); the result
  // does not depend on the count, so asking for more than the machine has means "all cores".
  tbb::task_arena arena(
      std::min(resolve_thread_count(threads), std::max(1, tbb::info::default_concurrency())));
  arena.execute([&] {
    tbb::parallel_pipeline(
        static_cast<std::size_t>(slots),
        tbb::make_filter<void, std::int64_t>(tbb::filter_mode::serial_in_order,
                                             [&](tbb::flow_control& control) -> std::int64_t {
                                               if (next >= blocks) {
                                                 control.stop();
                                                 return 0;
                                               }
                                               if (!keep_going()) {
                                                 stopped_early = true;
                                                 control.stop();
                                                 return 0;
                                               }
                                               return next++;
                                             }) &
            tbb::make_filter<std::int64_t, std::int64_t>(tbb::filter_mode::parallel,
                                                         [&](std::int64_t block) {
                                                           fill(slot_of(block), block);
                                                           return block;
                                                         }) &
            tbb::make_filter<std::int64_t, void>(
                tbb::filter_mode::serial_in_order,
                [&](std::int64_t block) { merge(slot_of(block), block); }));
  });
  return !stopped_early;
}

}  // namespace detail
}  // namespace parley
