#pragma once
// Counter-based random streams: every draw is addressed by (seed, purpose, trial, ...), never by
// how many draws happened before it, so adding an actor, a shock or a draw leaves every other
// number unchanged and a trial gives the same numbers on any thread.
//
//   RandomStream s(seed, purpose_id("actor/us_trump/opening"), trial);
//   double x = distribution.sample(s);       // s is a 64-bit UniformRandomBitGenerator
//
// The generator is Random123's Philox2x64-10: key = stream_key(seed, purpose), counter =
// (trial, sub * 2^32 + block); each block yields two 64-bit words. Most purposes need one or
// two words, so the two-word variant wastes less than Philox4x64 (half the cost per block, the
// same per word, the same 10 rounds).
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

// The seed's share of every stream key: the splitmix64 finaliser of the seed, mixed once per
// trial rather than once per stream.
struct SeedKey {
  explicit constexpr SeedKey(std::uint64_t seed) : mixed(seed) {
    mixed ^= mixed >> 30;
    mixed *= 0xbf58476d1ce4e5b9ULL;
    mixed ^= mixed >> 27;
    mixed *= 0x94d049bb133111ebULL;
    mixed ^= mixed >> 31;
  }
  std::uint64_t mixed;
};

// The Philox key of stream (seed, purpose). Purposes are already well-mixed 64-bit hashes, so
// the exclusive or keeps them distinct under one seed and unrelated across seeds.
constexpr std::uint64_t stream_key(SeedKey seed, std::uint64_t purpose) {
  return seed.mixed ^ purpose;
}

using PhiloxBlock = r123::Philox2x64::ctr_type;
inline constexpr int kWordsPerBlock = 2;

// One Philox2x64-10 block: two words at counter (trial, sub, block) of the stream with `key`.
inline PhiloxBlock philox_block(std::uint64_t key, std::uint64_t trial, std::uint64_t sub,
                                std::uint64_t block) {
  const PhiloxBlock counter = {{trial, (sub << 32) + block}};
  const r123::Philox2x64::key_type k = {{key}};
  return r123::Philox2x64()(counter, k);
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
  RandomStream(SeedKey seed, std::uint64_t purpose, std::uint64_t trial, std::uint64_t sub = 0)
      : key_(stream_key(seed, purpose)), trial_(trial), sub_(sub) {}
  RandomStream(std::uint64_t seed, std::uint64_t purpose, std::uint64_t trial,
               std::uint64_t sub = 0)
      : RandomStream(SeedKey(seed), purpose, trial, sub) {}
  // The stream (seed, purpose, trial, 0) with its first blocks already computed (by
  // philox_block), so that callers can compute several blocks together: the rounds of
  // independent blocks overlap in the processor instead of waiting on each other.
  RandomStream(SeedKey seed, std::uint64_t purpose, std::uint64_t trial, const PhiloxBlock& first)
      : key_(stream_key(seed, purpose)), trial_(trial), sub_(0), block_(1), end_(2) {
    buffer_[0] = first.v[0];
    buffer_[1] = first.v[1];
  }
  RandomStream(SeedKey seed, std::uint64_t purpose, std::uint64_t trial, const PhiloxBlock& first,
               const PhiloxBlock& second)
      : key_(stream_key(seed, purpose)), trial_(trial), sub_(0), block_(2), end_(4) {
    buffer_[0] = first.v[0];
    buffer_[1] = first.v[1];
    buffer_[2] = second.v[0];
    buffer_[3] = second.v[1];
  }

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  result_type operator()() {
    if (next_ == end_) {
      const PhiloxBlock b = philox_block(key_, trial_, sub_, block_++);
      buffer_[0] = b.v[0];
      buffer_[1] = b.v[1];
      next_ = 0;
      end_ = kWordsPerBlock;
    }
    return buffer_[next_++];
  }
  double uniform() { return unit_from_word((*this)()); }

 private:
  std::uint64_t key_, trial_, sub_;
  std::uint64_t block_ = 0;       // the next block to compute
  std::uint64_t buffer_[4] = {};  // words not yet handed out: buffer_[next_ .. end_)
  int next_ = 0, end_ = 0;
};

// Random access to word `index` of stream (seed, purpose, trial): word index % 2 of block
// index / 2. Used for per-round draws (stall of round t is word t), so a round's draw never
// depends on which earlier rounds were looked at. Caches the last block it computed.
class AddressedWords {
 public:
  AddressedWords() = default;
  AddressedWords(SeedKey seed, std::uint64_t purpose, std::uint64_t trial)
      : key_(stream_key(seed, purpose)), trial_(trial) {}
  AddressedWords(std::uint64_t seed, std::uint64_t purpose, std::uint64_t trial)
      : AddressedWords(SeedKey(seed), purpose, trial) {}
  // The same words with block `block` already computed (by philox_block, with the same key).
  AddressedWords(SeedKey seed, std::uint64_t purpose, std::uint64_t trial, std::uint64_t block,
                 const PhiloxBlock& words)
      : key_(stream_key(seed, purpose)), trial_(trial), cached_block_(block), words_(words) {}

  std::uint64_t word(std::uint64_t index) {
    const std::uint64_t block = index / kWordsPerBlock;
    if (block != cached_block_) {
      words_ = philox_block(key_, trial_, 0, block);
      cached_block_ = block;
    }
    return words_.v[index % kWordsPerBlock];
  }
  double uniform(std::uint64_t index) { return unit_from_word(word(index)); }

 private:
  std::uint64_t key_ = 0, trial_ = 0;
  std::uint64_t cached_block_ = std::numeric_limits<std::uint64_t>::max();
  PhiloxBlock words_ = {{0, 0}};
};

}  // namespace parley
