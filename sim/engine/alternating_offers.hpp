#pragma once
// The rules of the alternating-offers protocol around a negotiator's decisions (negotiator.hpp):
// who proposes in a round, whether the round stalls, the noise on its offer, and whether any
// proposal can be accepted at all. Each round's stall and noise draws are addressed by round, so
// looking at them in any order, or not at all, changes no other draw.
//
//   if (!stalled(t, table, month)) { Proposal p = propose(t, table, month, noise_factor(...)); }
#include "sim/engine/trial.hpp"

namespace parley {

// The first proposer opens the table's round 0; the sides alternate month by month.
bool demander_proposes(const Trial& t, int table, int month);

// exp(N(0, offer_noise)) from round `round`'s own stream, or 1 without noise.
double noise_factor(const Trial& t, int table, int round);

// Round `month - opens` stalls (no proposal) with probability stall_p, from word `round` of the
// table's stall stream.
bool stalled(Trial& t, int table, int month);

// True when no proposal can be accepted at any clock with the parameters as they are.
bool out_of_reach(const Trial& t, int table);

}  // namespace parley
