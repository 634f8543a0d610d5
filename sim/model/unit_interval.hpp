#pragma once
// A uniform double in the open interval (0, 1) from the top 53 bits of one 64-bit draw: the
// uniform every parley sampler starts from, never 0 (logarithms) and never 1.
//
//   double u = open_unit_interval(stream);
#include <cstdint>

namespace parley {

template <class Urng>
double open_unit_interval(Urng& g) {
  static_assert(sizeof(typename Urng::result_type) == 8, "parley streams yield 64-bit words");
  return (static_cast<double>(g() >> 11) + 0.5) * 0x1.0p-53;
}

}  // namespace parley
