#include "sim/engine/alternating_offers.hpp"

#include <boost/random/normal_distribution.hpp>
#include <cmath>

namespace parley {

bool demander_proposes(const Trial& t, int table, int month) {
  const bool even = ((month - t.compiled.tables[table].opens) & 1) == 0;
  return even == (t.scenario.tables[table].first == FirstProposer::demander);
}

double noise_factor(const Trial& t, int table, int round) {
  const double sd = t.scenario.tables[table].offer_noise;
  if (!(sd > 0)) return 1.0;
  RandomStream stream(t.key(t.compiled.tables[table].noise_stream), t.number,
                      static_cast<std::uint64_t>(round));
  return std::exp(boost::random::normal_distribution<double>(0.0, sd)(stream));
}

bool stalled(Trial& t, int table, int month) {
  const double p = t.scenario.tables[table].stall_p;
  if (!(p > 0)) return false;
  const auto round = static_cast<std::uint64_t>(month - t.compiled.tables[table].opens);
  return t.state.tables[table].stall.uniform(round) < p;
}

// A demander's position never goes below r_D and a payer's never above r_P (noise is clamped
// there too), so no proposal is accepted when r_D exceeds r_P by far more than the rounding of
// o + (r - o) alpha (at most 3 ulp of |o| + |r|). Parameters change only through events, so the
// fast path may skip such a table's rounds until the next one.
bool out_of_reach(const Trial& t, int table) {
  const TableState& ts = t.state.tables[table];
  const ActorParams& d = t.state.actors[ts.seat[0]];
  const ActorParams& p = t.state.actors[ts.seat[1]];
  const double o_d = d[param_index(ActorParam::opening)],
               r_d = d[param_index(ActorParam::reservation)];
  const double o_p = p[param_index(ActorParam::opening)],
               r_p = p[param_index(ActorParam::reservation)];
  const double scale = std::abs(o_d) + std::abs(r_d) + std::abs(o_p) + std::abs(r_p);
  return r_d - r_p > 1e-12 * scale;
}

}  // namespace parley
