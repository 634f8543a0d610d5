// Every file in tests/io/bad/ is a wrong scenario whose header states, in order, the exact
// diagnostics the loader must report:
//   # set: PATH=VALUE                 (optional) a --set override applied while loading
//   # expect: LINE:COL: error: MSG    a mistake in this file
//   # expect: --set:N:COL: error: MSG a mistake in the N-th override
// Like fmt's EXPECT_THROW_MSG: the whole message is compared, not a fragment.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/io/input_error.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

const fs::path kBadFolder = fs::path(PARLEY_SOURCE_DIR) / "tests" / "io" / "bad";

std::vector<std::string> corpus() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kBadFolder)) {
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

struct Header {
  std::vector<ScalarOverride> overrides;
  std::vector<std::string> expected;
};

Header read_header(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  Header header;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("# set: ", 0) == 0) {
      header.overrides.push_back(parse_override(line.substr(7)));
    } else if (line.rfind("# expect: ", 0) == 0) {
      header.expected.push_back(line.substr(10));
    } else {
      break;
    }
  }
  return header;
}

class BadScenario : public testing::TestWithParam<std::string> {};

TEST_P(BadScenario, ReportsExactlyTheExpectedDiagnostics) {
  const fs::path file = kBadFolder / GetParam();
  const Header header = read_header(file);
  ASSERT_FALSE(header.expected.empty()) << file << " has no '# expect:' header";
  std::vector<std::string> actual;
  try {
    load_scenario_file(file.string(), header.overrides);
    ADD_FAILURE() << file << " loaded without error";
  } catch (const InputError& e) {
    for (const Diagnostic& d : e.diagnostics()) {
      std::string text = d.str();
      const std::string own = file.string() + ":";
      if (text.rfind(own, 0) == 0) text.erase(0, own.size());
      actual.push_back(text);
    }
  }
  EXPECT_EQ(actual, header.expected);
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadScenario, testing::ValuesIn(corpus()),
                         [](const testing::TestParamInfo<std::string>& param) {
                           std::string name = fs::path(param.param).stem().string();
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(BadScenario, CorpusCoversEveryErrorClass) {
  // The classes the loader must diagnose; each has at least one file.
  const std::vector<std::string> files = corpus();
  for (const char* name :
       {"syntax_error.yaml", "unknown_key_suggestion.yaml", "wrong_type.yaml",
        "bad_distribution_params.yaml", "probabilities.yaml", "outcome_sum.yaml",
        "dates_out_of_order.yaml", "unknown_when.yaml", "non_pd_correlation.yaml",
        "demander_as_payer.yaml", "relative_two_baselines.yaml", "alias_bomb.yaml",
        "deep_flow_nesting.yaml", "nan_inf.yaml", "huge_numbers.yaml", "comment_only.yaml",
        "binary_garbage.yaml", "several_errors.yaml", "set_overrides.yaml"}) {
    EXPECT_NE(std::find(files.begin(), files.end(), name), files.end()) << name;
  }
}

}  // namespace
}  // namespace parley
