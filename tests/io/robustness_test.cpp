// No input crashes, hangs or escapes as anything but parley::InputError: the example scenario
// mutated byte by byte and token by token (fixed seed, so failures reproduce).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>

#include "sim/io/input_error.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley {
namespace {

std::string example_text() {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/tests/io/good/example.yaml");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Loads and returns true when the text was accepted; fails the test on any other exception.
bool loads(const std::string& text) {
  try {
    load_scenario_text(text, "mutant.yaml");
    return true;
  } catch (const InputError& e) {
    EXPECT_FALSE(e.diagnostics().empty());
    const int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    for (const Diagnostic& d : e.diagnostics()) {
      EXPECT_EQ(d.where.file, "mutant.yaml");
      // A place in the text (LINE:COL, both 1-based), or 0:0 for the file as a whole.
      EXPECT_GE(d.where.line, 0) << d.str();
      EXPECT_LE(d.where.line, lines) << d.str();
      EXPECT_EQ(d.where.line == 0, d.where.column == 0) << d.str();
      EXPECT_FALSE(d.message.empty());
    }
    return false;
  }
}

TEST(Robustness, ByteMutationsOfTheExampleAreAcceptedOrReported) {
  const std::string original = example_text();
  ASSERT_TRUE(loads(original));
  std::mt19937_64 rng(20191101);
  const std::string alphabet = "{}[]:,-&*!|>'\"#%@`? \n\t0123456789.eE+abcxyz\\";
  int rejected = 0;
  for (int i = 0; i < 400; ++i) {
    std::string text = original;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0:
          text[at] = alphabet[rng() % alphabet.size()];
          break;
        case 1:
          text.erase(at, 1 + rng() % 8);
          break;
        default:
          text.insert(at, 1, alphabet[rng() % alphabet.size()]);
      }
    }
    if (!loads(text)) ++rejected;
  }
  EXPECT_GT(rejected, 100);  // most mutants are wrong, and each said so
}

TEST(Robustness, RandomBytesAreReported) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 200; ++i) {
    std::string text(1 + rng() % 300, ' ');
    for (char& c : text)
      c = static_cast<char>(rng() % 256);
    EXPECT_FALSE(loads(text));
  }
}

TEST(Robustness, PrintableGarbageIsReported) {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 300; ++i) {
    std::string text(1 + rng() % 200, ' ');
    for (char& c : text)
      c = static_cast<char>(32 + rng() % 95);
    if (rng() % 2) text += '\n';
    EXPECT_FALSE(loads(text));
  }
}

TEST(Robustness, ManyAliasesAreRefusedWithoutExpansion) {
  // A billion-laughs file nine levels deep: expanding it would take gigabytes.
  std::ostringstream text;
  text << "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level < 9; ++level) {
    text << 'a' << level << ": &a" << level << " [";
    for (int k = 0; k < 9; ++k)
      text << (k ? ", *a" : "*a") << level - 1;
    text << "]\n";
  }
  EXPECT_FALSE(loads(text.str()));
}

}  // namespace
}  // namespace parley
