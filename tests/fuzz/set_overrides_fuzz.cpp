// libFuzzer entry point of the set_overrides target (tests/fuzz/fuzz_targets.hpp); run by
// tools/fuzz.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  parley::fuzz::set_overrides(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
