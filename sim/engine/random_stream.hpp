#pragma once
// Counter-based random streams: every draw is addressed by (seed, purpose, trial, ...), never by
// how many draws happened before it, so adding an actor, a shock or a draw leaves every other
// number unchanged and a trial gives the same numbers on any thread.
//
//   StreamKey key(SeedKey(seed), purpose_id("actor/us_trump/opening"));   // once per run
//   RandomStream s(key, trial);
//   double x = distribution.sample(s);       // s is a 64-bit UniformRandomBitGenerator
//
// The generator is Random123's ARS-7 (Salmon et al., SC11): seven AES rounds with Weyl-sequence
// round keys over a 128-bit counter, one instruction (AES-NI) per round. Key = (stream_key(seed,
// purpose), 0), counter = (trial, sub * 2^32 + block); each block yields two 64-bit words. It is
// Crush-resistant like Random123's Philox-10, and a block costs a third of a Philox2x64-10 block
// in time and half in latency (bench/README.md), which matters because a trial reads about
// twenty blocks. It needs an x86-64 processor with AES-NI (Intel and AMD since 2010-2011 but
// for some budget models): the build requires x86-64, and parley checks for AES-NI at start-up.
#include <emmintrin.h>
#include <wmmintrin.h>

#include <cstdint>
#include <limits>
#include <string_view>

#include "sim/model/unit_interval.hpp"

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
// seed and shared by all of its streams.
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

// The generator key of stream (seed, purpose). Purposes are already well-mixed 64-bit hashes, so
// the exclusive or keeps them distinct under one seed and unrelated across seeds.
constexpr std::uint64_t stream_key(SeedKey seed, std::uint64_t purpose) {
  return seed.mixed ^ purpose;
}

// The two 64-bit words of one generator block.
struct RandomBlock {
  std::uint64_t v[2];
};
inline constexpr int kWordsPerBlock = 2;
inline constexpr unsigned kArsRounds = 7;  // Random123's default for ARS

// The round keys of stream (seed, purpose). ARS-7 whitens the counter with the key (key, 0) and
// adds a Weyl constant to it before each of its seven rounds; the keys are the same in every
// trial, so the engine computes them once per run (TrialState) and a block then costs eight AES
// instructions and no key arithmetic.
class StreamKey {
 public:
  StreamKey(SeedKey seed, std::uint64_t purpose) {
    const __m128i weyl = _mm_set_epi64x(static_cast<long long>(0xBB67AE8584CAA73BULL),
                                        static_cast<long long>(0x9E3779B97F4A7C15ULL));
    round_[0] = _mm_set_epi64x(0, static_cast<long long>(stream_key(seed, purpose)));
    for (unsigned r = 1; r <= kArsRounds; ++r)
      round_[r] = _mm_add_epi64(round_[r - 1], weyl);
  }

  // The two words at counter (trial, sub * 2^32 + block).
  RandomBlock block(std::uint64_t trial, std::uint64_t sub, std::uint64_t block) const {
    __m128i v =
        _mm_set_epi64x(static_cast<long long>((sub << 32) + block), static_cast<long long>(trial));
    v = _mm_xor_si128(v, round_[0]);
    for (unsigned r = 1; r < kArsRounds; ++r)
      v = _mm_aesenc_si128(v, round_[r]);
    v = _mm_aesenclast_si128(v, round_[kArsRounds]);
    return {{static_cast<std::uint64_t>(_mm_cvtsi128_si64(v)),
             static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(v, v)))}};
  }

 private:
  __m128i round_[kArsRounds + 1];
};

// The sequential stream (seed, purpose, trial, sub) of the stream whose keys are `key` (which must
// outlive it): blocks 0, 1, 2, ... word by word. Costs nothing until the first word is asked for
// (constant distributions never ask).
class RandomStream {
 public:
  using result_type = std::uint64_t;
  RandomStream(const StreamKey& key, std::uint64_t trial, std::uint64_t sub = 0)
      : key_(&key), trial_(trial), sub_(sub) {}
  // The stream (key, trial, 0) with its first blocks already computed (by key.block), so that
  // callers can compute several blocks together: the rounds of independent blocks overlap in
  // the processor instead of waiting on each other.
  RandomStream(const StreamKey& key, std::uint64_t trial, const RandomBlock& first)
      : key_(&key), trial_(trial), sub_(0), block_(1), end_(2) {
    buffer_[0] = first.v[0];
    buffer_[1] = first.v[1];
  }
  RandomStream(const StreamKey& key, std::uint64_t trial, const RandomBlock& first,
               const RandomBlock& second)
      : key_(&key), trial_(trial), sub_(0), block_(2), end_(4) {
    buffer_[0] = first.v[0];
    buffer_[1] = first.v[1];
    buffer_[2] = second.v[0];
    buffer_[3] = second.v[1];
  }

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  result_type operator()() {
    if (next_ == end_) {
      const RandomBlock b = key_->block(trial_, sub_, block_++);
      buffer_[0] = b.v[0];
      buffer_[1] = b.v[1];
      next_ = 0;
      end_ = kWordsPerBlock;
    }
    return buffer_[next_++];
  }
  double uniform() { return unit_from_word((*this)()); }

 private:
  const StreamKey* key_;
  std::uint64_t trial_, sub_;
  std::uint64_t block_ = 0;       // the next block to compute
  std::uint64_t buffer_[4] = {};  // words not yet handed out: buffer_[next_ .. end_)
  int next_ = 0, end_ = 0;
};

// Random access to word `index` of stream (key, trial): word index % 2 of block index / 2. Used
// for per-round draws (stall of round t is word t), so a round's draw never depends on which
// earlier rounds were looked at. Caches the last block it computed; `key` must outlive it.
class AddressedWords {
 public:
  AddressedWords() = default;
  AddressedWords(const StreamKey& key, std::uint64_t trial) : key_(&key), trial_(trial) {}
  // The same words with block `block` already computed (by key.block).
  AddressedWords(const StreamKey& key, std::uint64_t trial, std::uint64_t block,
                 const RandomBlock& words)
      : key_(&key), trial_(trial), cached_block_(block), words_(words) {}

  std::uint64_t word(std::uint64_t index) {
    const std::uint64_t block = index / kWordsPerBlock;
    if (block != cached_block_) {
      words_ = key_->block(trial_, 0, block);
      cached_block_ = block;
    }
    return words_.v[index % kWordsPerBlock];
  }
  double uniform(std::uint64_t index) { return unit_from_word(word(index)); }

 private:
  const StreamKey* key_ = nullptr;
  std::uint64_t trial_ = 0;
  std::uint64_t cached_block_ = std::numeric_limits<std::uint64_t>::max();
  RandomBlock words_ = {{0, 0}};
};

}  // namespace parley
