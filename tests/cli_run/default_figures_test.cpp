// The README's figures: the default scenario runs and analysis/results/plot.sh renders its
// pictures.
#include <gtest/gtest.h>

#include <cstdlib>

#include "tests/support/run_binary.hpp"

namespace parley::testing {
namespace {

namespace fs = std::filesystem;

TEST(DefaultScenarioFigures, RunAndPlotKoreaSma11) {
  const fs::path out =
      fs::temp_directory_path() / ("parley_default_figures_" + std::to_string(::getpid()));
  fs::remove_all(out);
  const ParleyProcess run =
      ParleyProcess::run({"run", std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea_sma11.yaml",
                          "--trials", "20000", "--quiet", "--out", out.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string plot = std::string("bash ") + PARLEY_SOURCE_DIR + "/analysis/results/plot.sh " +
                           out.string() + " 2>&1";
  ASSERT_EQ(std::system(plot.c_str()), 0) << plot;
  for (const char* name : {"amount_seoul.png", "outcomes_seoul.png"}) {
    const fs::path png = out / name;
    ASSERT_TRUE(fs::exists(png)) << name;
    EXPECT_GT(fs::file_size(png), 10000u) << name;  // axes, bars and labels, not a blank image
    EXPECT_EQ(read_text(png).substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8)) << name;
  }
  fs::remove_all(out);
}

}  // namespace
}  // namespace parley::testing
