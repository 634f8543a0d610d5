#pragma once
// A uniform double in the open interval (0, 1) from the top 53 bits of one 64-bit word: the
// uniform every parley sampler starts from, never 0 (logarithms) and never 1.
//
//   double u = open_unit_interval(stream);   // from the stream's next word
//   double v = unit_from_word(word);         // from a word already at hand
#include <cstdint>

namespace parley {

inline double unit_from_word(std::uint64_t word) {
  return (static_cast<double>(word >> 11) + 0.5) * 0x1.0p-53;
}

template <class Urng>
double open_unit_interval(Urng& g) {
  static_assert(sizeof(typename Urng::result_type) == 8, "parley streams yield 64-bit words");
  return unit_from_word(g());
}

}  // namespace parley
