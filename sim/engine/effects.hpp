#pragma once
// What shocks, deadline lapses and precedent links do: change an actor's parameter (scale, shift,
// set), reset clocks or replace an actor in its seats, move a table's deadline or horizon or its
// extension probability. Every change of a parameter re-checks the bound it touches.
//
//   fire_shock(t, month, shock);     // the effects of the outcome drawn for `shock`
//   apply_effect(t, effect, month);  // one effect (a lapse effect, say)
//   apply_links(t, month);           // links due this month move reservations
//
// A new kind of effect goes here (its Effect::Kind in sim/model/scenario.hpp, its YAML in
// sim/io).
#include "sim/engine/trial.hpp"

namespace parley {

void apply_effect(Trial& t, const CompiledEffect& effect, int month);

void fire_shock(Trial& t, int month, int shock);

// Precedent: a table that settled last month moves the reservation of the demander seated at the
// link's `to` table toward the settled ratio times that table's baseline.
void apply_links(Trial& t, int month);

}  // namespace parley
