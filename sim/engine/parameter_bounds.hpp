#pragma once
// The bounds every actor's parameters keep (model.md): beta > 0, patience >= 0, discount in
// [0, 1), power in [0, 1], and no concession past the opening (a demander's reservation at most
// its opening, a payer's at least). Applied after every draw, effect and link.
//
//   normalise(params, Role::demander);                             // after a fresh draw
//   params[param_index(ActorParam::beta)] *= 0.5;
//   normalise_changed(params, Role::demander, ActorParam::beta);   // after one change
#include <algorithm>

#include "sim/model/scenario.hpp"

namespace parley {

// Restores the one rule that involves `changed`: after a change of `changed` alone to normalised
// parameters, the same result as normalise(). Effects change one parameter each, several times
// a trial.
inline void normalise_changed(ActorParams& p, Role role, ActorParam changed) {
  double& x = p[param_index(changed)];
  switch (changed) {
    case ActorParam::beta:
      x = std::max(x, 1e-9);
      break;
    case ActorParam::patience:
      x = std::max(x, 0.0);
      break;
    case ActorParam::discount:
      x = std::clamp(x, 0.0, 1.0 - 1e-12);
      break;
    case ActorParam::power:
      x = std::clamp(x, 0.0, 1.0);
      break;
    case ActorParam::opening:
    case ActorParam::reservation: {
      const double o = p[param_index(ActorParam::opening)];
      double& r = p[param_index(ActorParam::reservation)];
      if (role == Role::demander ? o < r : o > r) r = o;
      break;
    }
  }
}

// Every rule, for parameters just drawn.
inline void normalise(ActorParams& p, Role role) {
  for (ActorParam rule : {ActorParam::beta, ActorParam::patience, ActorParam::discount,
                          ActorParam::power, ActorParam::reservation})
    normalise_changed(p, role, rule);
}

}  // namespace parley
