#include "sim/engine/actor_draws.hpp"

#include <algorithm>
#include <array>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "sim/engine/parameter_bounds.hpp"

namespace parley {
namespace {

// One actor's parameters: constants, its copula values (drawn at trial start), and the
// independent random ones, each from its own stream.
void draw_actor(Trial& t, int actor) {
  const CompiledActor& ca = t.compiled.actors[actor];
  ActorParams& p = t.state.actors[actor];
  p = ca.constants;
  for (const CompiledActor::CopulaParam& c : ca.copula)
    p[c.param] = t.state.copula_values[c.index];
  // The usual blocks of all streams before any transform: the generator rounds of different
  // blocks are independent, so the processor overlaps them instead of waiting on each in turn.
  std::array<RandomBlock, kActorParamCount> first, second;
  const int n = static_cast<int>(ca.random.size());
  for (int i = 0; i < n; ++i) {
    const StreamKey& k = t.key(ca.random[i].stream);
    first[i] = k.block(t.number, 0, 0);
    if (ca.random[i].blocks == 2) second[i] = k.block(t.number, 0, 1);
  }
  for (int i = 0; i < n; ++i) {
    const CompiledActor::RandomParam& r = ca.random[i];
    if (r.uniform) {  // what sample() computes, from the word already at hand
      p[r.param] = r.min + (r.max - r.min) * unit_from_word(first[i].v[0]);
      continue;
    }
    const StreamKey& k = t.key(r.stream);
    RandomStream stream = r.blocks == 2 ? RandomStream(k, t.number, first[i], second[i])
                                        : RandomStream(k, t.number, first[i]);
    p[r.param] = r.distribution->sample(stream);
  }
}

// The copula's values: independent normals n (each from its parameter's own stream), z = L n,
// then each marginal's quantile at Phi(z).
void draw_copula(Trial& t) {
  const int n = t.compiled.copula_size;
  const std::vector<ParamRef>& refs = t.scenario.correlations.params;
  for (int k = 0; k < n; ++k) {
    const ParamRef& ref = refs[k];
    RandomStream stream(t.key(t.compiled.actors[ref.actor].stream[param_index(ref.param)]),
                        t.number);
    t.state.copula_normals[k] = boost::random::normal_distribution<double>(0.0, 1.0)(stream);
  }
  for (int k = 0; k < n; ++k) {
    double z = 0;
    for (int j = 0; j <= k; ++j)
      z += t.compiled.copula_factor[k * n + j] * t.state.copula_normals[j];
    const double u = std::clamp(0.5 * std::erfc(-z / std::sqrt(2.0)), 0x1.0p-60, 1.0 - 0x1.0p-53);
    const ParamRef& ref = refs[k];
    t.state.copula_values[k] = t.scenario.actors[ref.actor].param(ref.param).quantile(u);
  }
}

}  // namespace

void ensure_drawn(Trial& t, int actor) {
  if (t.state.drawn[actor]) return;
  t.state.drawn[actor] = 1;
  draw_actor(t, actor);
  normalise(t.state.actors[actor], t.scenario.actors[actor].role);
  if (t.trace) t.trace->actor_drawn(actor, t.state.actors[actor]);
}

void draw_starting_actors(Trial& t) {
  const int n = t.compiled.copula_size;
  if (n > 0) draw_copula(t);
  if (n > 0 || t.trace) {
    for (std::size_t a = 0; a < t.scenario.actors.size(); ++a) {
      if (!t.compiled.actors[a].copula.empty() || t.trace) ensure_drawn(t, static_cast<int>(a));
    }
  }
  for (int i = 0; i < t.table_count; ++i) {
    ensure_drawn(t, t.scenario.tables[i].demander);
    ensure_drawn(t, t.scenario.tables[i].payer);
  }
}

}  // namespace parley
