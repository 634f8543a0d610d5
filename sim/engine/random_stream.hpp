#pragma once
// Counter-based random streams: every draw is addressed by (seed, purpose, trial, ...), never by
// how many draws happened before it, so adding an actor, a shock or a draw leaves every other
// number unchanged and a trial gives the same numbers on any thread.
//
//   RandomStream s(seed, purpose_id("actor/us_trump/opening"), trial);
//   double x = distribution.sample(s);       // s is a 64-bit UniformRandomBitGenerator
//
// The generator is Random123's Philox4x64-10: key = (seed, purpose), counter = (trial, sub,
// block, 0); each block yields four 64-bit words.
#include <Random123/philox.h>

#include <cstdint>
#include <limits>
#include <string_view>

namespace parley {

// A stable 64-bit name for a random purpose: FNV-1a of the name, then the splitmix64 finaliser
// so that similar names give unrelated keys. Computed once per name, at Simulator construction.
constexpr std::uint64_t purpose_id(std::string_view name) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

// One Philox4x64-10 block: four words at counter (trial, sub, block) of stream (seed, purpose).
inline r123::Philox4x64::ctr_type philox_block(std::uint64_t seed, std::uint64_t purpose,
                                               std::uint64_t trial, std::uint64_t sub,
                                               std::uint64_t block) {
  const r123::Philox4x64::ctr_type counter = {{trial, sub, block, 0}};
  const r123::Philox4x64::key_type key = {{seed, purpose}};
  return r123::Philox4x64()(counter, key);
}

// A uniform double in (0, 1) from one word (the top 53 bits), as Distribution does.
inline double unit_from_word(std::uint64_t word) {
  return (static_cast<double>(word >> 11) + 0.5) * 0x1.0p-53;
}

// The sequential stream (seed, purpose, trial, sub): blocks 0, 1, 2, ... word by word. Costs
// nothing until the first word is asked for (constant distributions never ask).
class RandomStream {
 public:
  using result_type = std::uint64_t;
  RandomStream(std::uint64_t seed, std::uint64_t purpose, std::uint64_t trial,
               std::uint64_t sub = 0)
      : seed_(seed), purpose_(purpose), trial_(trial), sub_(sub) {}

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  result_type operator()() {
    if (next_ == 4) {
      words_ = philox_block(seed_, purpose_, trial_, sub_, block_++);
      next_ = 0;
    }
    return words_.v[next_++];
  }
  double uniform() { return unit_from_word((*this)()); }

 private:
  std::uint64_t seed_, purpose_, trial_, sub_;
  std::uint64_t block_ = 0;
  r123::Philox4x64::ctr_type words_ = {{0, 0, 0, 0}};
  int next_ = 4;
};

// Random access to word `index` of stream (seed, purpose, trial): word index % 4 of block
// index / 4. Used for per-round draws (stall of round t is word t), so a round's draw never
// depends on which earlier rounds were looked at. Caches the last block it computed.
class AddressedWords {
 public:
  AddressedWords() = default;
  AddressedWords(std::uint64_t seed, std::uint64_t purpose, std::uint64_t trial)
      : seed_(seed), purpose_(purpose), trial_(trial) {}

  std::uint64_t word(std::uint64_t index) {
    const std::uint64_t block = index >> 2;
    if (block != cached_block_) {
      words_ = philox_block(seed_, purpose_, trial_, 0, block);
      cached_block_ = block;
    }
    return words_.v[index & 3];
  }
  double uniform(std::uint64_t index) { return unit_from_word(word(index)); }

 private:
  std::uint64_t seed_ = 0, purpose_ = 0, trial_ = 0;
  std::uint64_t cached_block_ = std::numeric_limits<std::uint64_t>::max();
  r123::Philox4x64::ctr_type words_ = {{0, 0, 0, 0}};
};

}  // namespace parley
