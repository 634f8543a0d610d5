// Counter-based streams: addressed, reproducible, independent per purpose.
#include "sim/engine/random_stream.hpp"

#include <Random123/ars.h>
#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace parley {
namespace {

TEST(RandomStream, PurposeIdsAreStableAndDistinct) {
  static_assert(purpose_id("actor/us_trump/opening") == purpose_id("actor/us_trump/opening"));
  std::set<std::uint64_t> ids;
  for (const char* name : {"actor/a/opening", "actor/a/reservation", "actor/b/opening",
                           "shock/a/draw", "table/a/stall", "table/b/stall", ""})
    ids.insert(purpose_id(name));
  EXPECT_EQ(ids.size(), 7u);
}

// StreamKey::block is Random123's ARS-7 on counter (trial, sub * 2^32 + block) and key
// (stream_key, 0): the same words as the library's own 4x32 interface on the same 128 bits.
TEST(RandomStream, BlocksAreRandom123Ars7) {
  const std::uint64_t key = stream_key(SeedKey(2019), purpose_id("actor/us_trump/opening"));
  const StreamKey stream(SeedKey(2019), purpose_id("actor/us_trump/opening"));
  for (std::uint64_t trial : {0ULL, 1ULL, 123456789ULL, ~0ULL}) {
    for (std::uint64_t block : {0ULL, 1ULL, 7ULL}) {
      const std::uint64_t sub = trial % 3, word1 = (sub << 32) + block;
      const r123::ARS4x32_R<7>::ctr_type c = {
          {static_cast<std::uint32_t>(trial), static_cast<std::uint32_t>(trial >> 32),
           static_cast<std::uint32_t>(word1), static_cast<std::uint32_t>(word1 >> 32)}};
      const r123::ARS4x32_R<7>::key_type k = {
          {static_cast<std::uint32_t>(key), static_cast<std::uint32_t>(key >> 32), 0, 0}};
      const auto ref = r123::ARS4x32_R<7>()(c, k);
      const RandomBlock b = stream.block(trial, sub, block);
      EXPECT_EQ(b.v[0], ref.v[0] | static_cast<std::uint64_t>(ref.v[1]) << 32);
      EXPECT_EQ(b.v[1], ref.v[2] | static_cast<std::uint64_t>(ref.v[3]) << 32);
    }
  }
}

TEST(RandomStream, SameAddressSameWords) {
  const StreamKey x1(SeedKey(1), purpose_id("x")), x1_again(SeedKey(1), purpose_id("x"));
  const StreamKey x2(SeedKey(2), purpose_id("x")), y1(SeedKey(1), purpose_id("y"));
  RandomStream a(x1, 5), b(x1_again, 5);
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(a(), b());
  RandomStream other_trial(x1, 6), other_seed(x2, 5), other_purpose(y1, 5), c(x1, 5);
  const auto first = c();
  EXPECT_NE(other_trial(), first);
  EXPECT_NE(other_seed(), first);
  EXPECT_NE(other_purpose(), first);
}

TEST(RandomStream, AddressedWordsMatchTheSequentialStream) {
  const StreamKey key(SeedKey(9), purpose_id("table/t/stall"));
  RandomStream s(key, 3);
  AddressedWords w(key, 3);
  std::vector<std::uint64_t> seq;
  for (int i = 0; i < 20; ++i)
    seq.push_back(s());
  for (int i : {17, 0, 5, 4, 19, 3})  // any order
    EXPECT_EQ(w.word(i), seq[i]);
}

// Mean and variance of 1e5 uniforms: within 4 standard errors of 1/2 and 1/12.
TEST(RandomStream, UniformsAreUniform) {
  const StreamKey key(SeedKey(42), purpose_id("u"));
  RandomStream s(key, 0);
  const int n = 100000;
  double sum = 0, sum2 = 0;
  int below_tenth = 0;
  for (int i = 0; i < n; ++i) {
    const double u = s.uniform();
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum2 += u * u;
    below_tenth += u < 0.1;
  }
  const double mean = sum / n;
  EXPECT_NEAR(mean, 0.5, 4 * std::sqrt(1.0 / 12 / n));
  EXPECT_NEAR(sum2 / n - mean * mean, 1.0 / 12, 4 * std::sqrt(1.0 / 180 / n));
  EXPECT_NEAR(below_tenth / double(n), 0.1, 4 * std::sqrt(0.09 / n));
}

}  // namespace
}  // namespace parley
