// run_trial allocates nothing once a thread's scratch has grown: counted by replacing the
// global operator new for this test binary (the counter is per thread, so only the trials
// run here are counted).
// GCC flags free() on memory from the replaced operator new once both are inlined into a caller
// of this file; they are a matching pair by construction (malloc/free), so the check is off here.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

#include <gtest/gtest.h>

#include <cstdlib>
#include <new>

#include "sample_scenarios.hpp"
#include "sim/engine/simulator.hpp"

namespace {
thread_local long allocations = 0;
}  // namespace

// Every unaligned form is replaced, so that whatever allocates with one of them frees with its
// partner (malloc/free underneath); the aligned forms are left to the library, as a pair.
namespace {
void* counted_malloc(std::size_t size) {
  ++allocations;
  return std::malloc(size == 0 ? 1 : size);
}
}  // namespace

void* operator new(std::size_t size) {
  if (void* p = counted_malloc(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  if (void* p = counted_malloc(size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return counted_malloc(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return counted_malloc(size);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}

namespace parley {
namespace {

TEST(Allocation, RunTrialAllocatesNothingAfterWarmUp) {
  Scenario s = testing::sma11_like_scenario();
  s.tables[0].offer_noise = 0.02;  // the noisy, stepped path too
  const Simulator plain(testing::sma11_like_scenario());
  const Simulator noisy(s);
  TrialResult r = TrialResult::for_scenario(s);
  plain.run_trial(1, 0, r);  // grows this thread's scratch
  const long before = allocations;
  for (int trial = 0; trial < 2000; ++trial) {
    plain.run_trial(1, trial, r);
    noisy.run_trial(1, trial, r);
    plain.run_trial_stepwise(1, trial, r);
  }
  EXPECT_EQ(allocations - before, 0);
  // The counter does count: building a result allocates.
  const long counted = allocations;
  TrialResult other = TrialResult::for_scenario(s);
  EXPECT_GT(allocations, counted);
}

}  // namespace
}  // namespace parley
