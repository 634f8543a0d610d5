#pragma once
// Counter-based random streams: every draw is addressed by (seed, purpose, trial, ...), never by
// how many draws happened before it, so adding an actor, a shock or a draw leaves every other
// number unchanged and a trial gives the same numbers on any thread.
//
//   RandomStream s(seed, purpose_id("actor/us_trump/opening"), trial);
//   double x = distribution.sample(s);       // s is a 64-bit UniformRandomBitGenerator
//
// The generator is Random123's ARS-7 (Salmon et al., SC11): seven AES rounds with Weyl-sequence
// round keys over a 128-bit counter, one instruction (AES-NI) per round. Key = (stream_key(seed,
// purpose), 0), counter = (trial, sub * 2^32 + block); each block yields two 64-bit words. It is
// Crush-resistant like Random123's Philox-10, and a block costs a third of a Philox2x64-10 block
// in time and half in latency (bench/README.md), which matters because a trial reads about
// twenty blocks. It needs an x86-64 processor with AES-NI (Intel and AMD since 2010-2011 but
// for some budget models): the build requires x86-64, and parley checks for AES-NI at start-up.
#include <Random123/ars.h>
#include <emmintrin.h>

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

// One ARS-7 block: two words at counter (trial, sub, block) of the stream with `key`.
inline RandomBlock random_block(std::uint64_t key, std::uint64_t trial, std::uint64_t sub,
                                std::uint64_t block) {
  ars1xm128i_ctr_t counter;
  counter.v[0].m =
      _mm_set_epi64x(static_cast<long long>((sub << 32) + block), static_cast<long long>(trial));
  ars1xm128i_key_t k;
  k.v[0].m = _mm_set_epi64x(0, static_cast<long long>(key));
  const __m128i out = ars1xm128i_R(kArsRounds, counter, k).v[0].m;
  return {{static_cast<std::uint64_t>(_mm_cvtsi128_si64(out)),
           static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(out, out)))}};
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
  // random_block), so that callers can compute several blocks together: the rounds of
  // independent blocks overlap in the processor instead of waiting on each other.
  RandomStream(SeedKey seed, std::uint64_t purpose, std::uint64_t trial, const RandomBlock& first)
      : key_(stream_key(seed, purpose)), trial_(trial), sub_(0), block_(1), end_(2) {
    buffer_[0] = first.v[0];
    buffer_[1] = first.v[1];
  }
  RandomStream(SeedKey seed, std::uint64_t purpose, std::uint64_t trial, const RandomBlock& first,
               const RandomBlock& second)
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
      const RandomBlock b = random_block(key_, trial_, sub_, block_++);
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
  // The same words with block `block` already computed (by random_block, with the same key).
  AddressedWords(SeedKey seed, std::uint64_t purpose, std::uint64_t trial, std::uint64_t block,
                 const RandomBlock& words)
      : key_(stream_key(seed, purpose)), trial_(trial), cached_block_(block), words_(words) {}

  std::uint64_t word(std::uint64_t index) {
    const std::uint64_t block = index / kWordsPerBlock;
    if (block != cached_block_) {
      words_ = random_block(key_, trial_, 0, block);
      cached_block_ = block;
    }
    return words_.v[index % kWordsPerBlock];
  }
  double uniform(std::uint64_t index) { return unit_from_word(word(index)); }

 private:
  std::uint64_t key_ = 0, trial_ = 0;
  std::uint64_t cached_block_ = std::numeric_limits<std::uint64_t>::max();
  RandomBlock words_ = {{0, 0}};
};

}  // namespace parley
