// Replays what the fuzz targets (tests/fuzz/fuzz_targets.hpp) have found, in every build: each
// file of tests/fuzz/regressions/<target>/ is an input that once broke a target's contract
// (crash, sanitizer report, hang or a FuzzFinding) and must now pass. The loader target also
// replays its whole seed corpus: the scenario library and tests/io/good, tests/io/bad.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_targets.hpp"
#include "tests/support/run_binary.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = PARLEY_SOURCE_DIR;

std::vector<fs::path> files_in(const fs::path& folder) {
  std::vector<fs::path> files;
  if (!fs::is_directory(folder)) return files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void replay(const std::vector<fs::path>& inputs, void (*target)(std::string_view)) {
  for (const fs::path& input : inputs) {
    SCOPED_TRACE(input.string());
    const std::string bytes = testing::read_text(input);
    try {
      target(bytes);
    } catch (const std::exception& e) {
      ADD_FAILURE() << "contract broken: " << e.what();
    }
  }
}

std::vector<fs::path> regressions(const std::string& target) {
  return files_in(kSource / "tests" / "fuzz" / "regressions" / target);
}

TEST(FuzzReplay, ScenarioLoaderRegressions) {
  replay(regressions("scenario_loader"), fuzz::scenario_loader);
}

TEST(FuzzReplay, SetOverridesRegressions) {
  replay(regressions("set_overrides"), fuzz::set_overrides);
}

TEST(FuzzReplay, SweepParamRegressions) {
  replay(regressions("sweep_param"), fuzz::sweep_param);
}

TEST(FuzzReplay, ScenarioLoaderSeedCorpus) {
  std::vector<fs::path> seeds;
  for (const char* folder : {"scenarios", "tests/io/good", "tests/io/bad"}) {
    for (const fs::path& file : files_in(kSource / folder)) {
      if (file.extension() == ".yaml") seeds.push_back(file);
    }
  }
  ASSERT_GT(seeds.size(), 40u);
  replay(seeds, fuzz::scenario_loader);
}

// The bases the --set target picks from exist: a missing one would silently fuzz the first.
TEST(FuzzReplay, OverrideBasesExist) {
  for (const std::string& base : fuzz::override_bases())
    EXPECT_TRUE(fs::is_regular_file(kSource / base)) << base;
}

// The targets' checks can fail: a breach of the contract is reported, not swallowed.
TEST(FuzzReplay, DiagnosticChecksCatchABreach) {
  const std::string text = "a: 1\nb: 2\n";
  EXPECT_NO_THROW(fuzz::check_diagnostics(InputError({"f.yaml", 2, 1}, "bad"), "f.yaml", text));
  EXPECT_THROW(fuzz::check_diagnostics(InputError({"other.yaml", 2, 1}, "bad"), "f.yaml", text),
               fuzz::FuzzFinding);
  EXPECT_THROW(fuzz::check_diagnostics(InputError({"f.yaml", 9, 1}, "bad"), "f.yaml", text),
               fuzz::FuzzFinding);
  EXPECT_THROW(fuzz::check_diagnostics(InputError({"f.yaml", 2, 0}, "bad"), "f.yaml", text),
               fuzz::FuzzFinding);
  EXPECT_THROW(fuzz::check_diagnostics(InputError({"f.yaml", 1, 1}, ""), "f.yaml", text),
               fuzz::FuzzFinding);
}

}  // namespace
}  // namespace parley
