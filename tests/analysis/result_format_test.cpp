// Spelling of numbers and text in the result files, the SHA-256 digest, and atomic folders.
#include <gtest/gtest.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <random>

#include "analysis/results/file_digest.hpp"
#include "analysis/results/number_format.hpp"
#include "analysis/results/output_folder.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

TEST(NumberFormat, ShortestTextRoundTrips) {
  std::mt19937_64 g(1);
  std::uniform_real_distribution<double> exponent(-30, 30);
  for (int i = 0; i < 10000; ++i) {
    const double x = std::pow(10.0, exponent(g)) * (i % 2 ? 1 : -1);
    const std::string text = format_number(x);
    double back = 0;
    std::from_chars(text.data(), text.data() + text.size(), back);
    EXPECT_EQ(back, x) << text;
  }
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(1250), "1250");
  EXPECT_EQ(format_number(HUGE_VAL), "inf");
  EXPECT_EQ(format_number(-HUGE_VAL), "-inf");
  EXPECT_EQ(format_number(NAN), "nan");
  EXPECT_EQ(format_optional(std::nullopt), "");
}

TEST(NumberFormat, CsvAndJsonQuoting) {
  EXPECT_EQ(csv_field("election=a"), "election=a");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"no\""), "\"say \"\"no\"\"\"");
  EXPECT_EQ(json_string("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
  EXPECT_EQ(json_string(std::string("\x01", 1)), "\"\\u0001\"");
}

TEST(FileDigest, Sha256OfKnownText) {
  // FIPS 180-2 test vector.
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const fs::path file = fs::temp_directory_path() / "parley_digest_test.txt";
  std::ofstream(file, std::ios::binary) << "abc";
  EXPECT_EQ(sha256_file(file.string()), sha256_hex("abc"));
  fs::remove(file);
  EXPECT_THROW(sha256_file("/nonexistent/parley.yaml"), std::runtime_error);
}

class OutputFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("parley_output_folder_" +
             std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  fs::path root_;
};

TEST_F(OutputFolderTest, CommitRenamesEveryFileIntoPlace) {
  const fs::path dir = root_ / "nested" / "out";
  {
    OutputFolder folder(dir);
    folder.open("a.csv") << "x\n1\n";
    folder.open("b.json") << "{}\n";
    EXPECT_FALSE(fs::exists(dir / "a.csv"));  // nothing visible before commit
    EXPECT_TRUE(fs::exists(folder.temporary_path("a.csv")));
    folder.commit();
  }
  std::ifstream in(dir / "a.csv");
  std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(content, "x\n1\n");
  EXPECT_TRUE(fs::exists(dir / "b.json"));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 2);
}

TEST_F(OutputFolderTest, WithoutCommitNothingIsLeft) {
  const fs::path dir = root_ / "fresh";
  {
    OutputFolder folder(dir);
    folder.open("a.csv") << "partial";
  }
  EXPECT_FALSE(fs::exists(dir));  // created by the folder, removed again because empty
  fs::create_directories(root_ / "kept");
  std::ofstream(root_ / "kept" / "old.csv") << "old";
  {
    OutputFolder folder(root_ / "kept");
    folder.open("a.csv") << "partial";
  }
  EXPECT_TRUE(fs::exists(root_ / "kept" / "old.csv"));
  EXPECT_EQ(std::distance(fs::directory_iterator(root_ / "kept"), fs::directory_iterator()), 1);
}

TEST_F(OutputFolderTest, StaleFilesAreRemovedOnCommitOnly) {
  fs::create_directories(root_);
  std::ofstream(root_ / "trials.csv") << "stale";
  {
    OutputFolder folder(root_);
    folder.remove_on_commit("trials.csv");
    folder.open("summary.csv") << "s";
  }
  EXPECT_TRUE(fs::exists(root_ / "trials.csv"));
  OutputFolder folder(root_);
  folder.remove_on_commit("trials.csv");
  folder.open("summary.csv") << "s";
  folder.commit();
  EXPECT_FALSE(fs::exists(root_ / "trials.csv"));
}

TEST_F(OutputFolderTest, AFileWhereTheFolderShouldBeIsAnError) {
  fs::create_directories(root_);
  std::ofstream(root_ / "taken") << "x";
  EXPECT_ANY_THROW(OutputFolder(root_ / "taken"));
}

}  // namespace
}  // namespace parley
