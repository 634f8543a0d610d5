#pragma once
// The shipped scenario library as test parameters: one test per scenarios/*.yaml, named by the
// file's stem.
//
//   INSTANTIATE_TEST_SUITE_P(Scenarios, Suite, testing::ValuesIn(shipped_scenario_names()),
//                            scenario_test_name);
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace parley {

// The stems of scenarios/*.yaml, sorted.
inline std::vector<std::string> shipped_scenario_names() {
  std::vector<std::string> names;
  const std::filesystem::path folder = std::filesystem::path(PARLEY_SOURCE_DIR) / "scenarios";
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

inline std::string scenario_test_name(const ::testing::TestParamInfo<std::string>& param) {
  return param.param;
}

}  // namespace parley
