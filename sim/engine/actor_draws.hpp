#pragma once
// Actor draws: an actor's parameters for one trial, each random one from its own addressed
// stream (independent, or jointly through the Gaussian copula), then normalised.
//
//   draw_starting_actors(t);  // trial start: the copula's actors and every seated actor
//   ensure_drawn(t, actor);   // before an actor sits down or is changed by an effect
//
// An actor outside the copula is drawn when it first matters: every draw is addressed, so drawing
// it later or never changes no other number.
#include "sim/engine/trial.hpp"

namespace parley {

// The copula's actors (jointly), then every seated actor; with a trace, every actor in
// declaration order so that the trace lists them all.
void draw_starting_actors(Trial& t);

// Draws `actor` unless it was drawn this trial.
void ensure_drawn(Trial& t, int actor);

}  // namespace parley
