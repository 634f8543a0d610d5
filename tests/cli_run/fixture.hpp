#pragma once
// The path of a scenario file kept next to the cli_run tests.
//
//   ParleyProcess::run({"run", fixture("two_tables_grouped.yaml"), "--quiet"});
#include <string>

namespace parley::testing {

inline std::string fixture(const std::string& name) {
  return std::string(PARLEY_SOURCE_DIR) + "/tests/cli_run/" + name;
}

}  // namespace parley::testing
