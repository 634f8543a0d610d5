// Trial-start draws: every actor's parameters (independent, or through the Gaussian copula) and
// every shock's fate (happens?, month, outcome). Each from its own addressed stream.
#include <algorithm>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "sim/engine/parameter_bounds.hpp"
#include "sim/engine/trial_run.hpp"

namespace parley {
// One actor's parameters: constants, its copula values (drawn at trial start), and the
// independent random ones, each from its own stream.
void TrialRun::draw_actor(int actor) {
  const CompiledActor& ca = c_.actors[actor];
  auto& p = st_.actors[actor];
  p = ca.constants;
  for (const CompiledActor::CopulaParam& c : ca.copula)
    p[c.param] = st_.copula_values[c.index];
  // The usual blocks of all streams before any transform: the generator rounds of different
  // blocks are independent, so the processor overlaps them instead of waiting on each in turn.
  std::array<RandomBlock, kActorParamCount> first, second;
  const int n = static_cast<int>(ca.random.size());
  for (int i = 0; i < n; ++i) {
    const StreamKey& k = key(ca.random[i].stream);
    first[i] = k.block(trial_, 0, 0);
    if (ca.random[i].blocks == 2) second[i] = k.block(trial_, 0, 1);
  }
  for (int i = 0; i < n; ++i) {
    const CompiledActor::RandomParam& r = ca.random[i];
    if (r.uniform) {  // what sample() computes, from the word already at hand
      p[r.param] = r.min + (r.max - r.min) * unit_from_word(first[i].v[0]);
      continue;
    }
    RandomStream stream = r.blocks == 2 ? RandomStream(key(r.stream), trial_, first[i], second[i])
                                        : RandomStream(key(r.stream), trial_, first[i]);
    p[r.param] = r.distribution->sample(stream);
  }
}

// An actor not in the copula is drawn when it first matters (seated, replacing, or moved by
// an effect): every draw is addressed, so drawing later or never changes no other number.
void TrialRun::ensure_drawn(int actor) {
  if (st_.drawn[actor]) return;
  st_.drawn[actor] = 1;
  draw_actor(actor);
  normalise(st_.actors[actor], sc_.actors[actor].role);
  if (trace_) trace_->actor_drawn(actor, st_.actors[actor]);
}

// Trial start: the copula's actors (jointly), then every seated actor; with a trace, all
// actors in declaration order so that the trace lists them.
void TrialRun::draw_actors() {
  const int n = c_.copula_size;
  if (n > 0) {
    // Copula: independent normals n (each from its parameter's own stream), z = L n, then each
    // marginal's quantile at Phi(z).
    const auto& refs = sc_.correlations.params;
    for (int k = 0; k < n; ++k) {
      const ParamRef& ref = refs[k];
      RandomStream stream(key(c_.actors[ref.actor].stream[param_index(ref.param)]), trial_);
      st_.copula_normals[k] = boost::random::normal_distribution<double>(0.0, 1.0)(stream);
    }
    for (int k = 0; k < n; ++k) {
      double z = 0;
      for (int j = 0; j <= k; ++j)
        z += c_.copula_factor[k * n + j] * st_.copula_normals[j];
      const double u = std::clamp(0.5 * std::erfc(-z / std::sqrt(2.0)), 0x1.0p-60, 1.0 - 0x1.0p-53);
      const ParamRef& ref = refs[k];
      st_.copula_values[k] = sc_.actors[ref.actor].param(ref.param).quantile(u);
    }
  }
  if (n > 0 || trace_) {
    for (std::size_t a = 0; a < sc_.actors.size(); ++a) {
      if (!c_.actors[a].copula.empty() || trace_) ensure_drawn(static_cast<int>(a));
    }
  }
  for (int i = 0; i < table_count_; ++i) {
    ensure_drawn(sc_.tables[i].demander);
    ensure_drawn(sc_.tables[i].payer);
  }
}

void TrialRun::draw_shocks() {
  // Every shock's first block before any decision (as in draw_actor: independent generator rounds
  // overlap); a shock excluded by its `when` condition just leaves its block unread.
  for (std::size_t s = 0; s < sc_.shocks.size(); ++s) {
    const CompiledShock& cs = c_.shocks[s];
    if (cs.first_block >= 0)
      st_.shock_blocks[s] =
          key(cs.draw_stream).block(trial_, 0, static_cast<std::uint64_t>(cs.first_block));
  }
  for (std::size_t s = 0; s < sc_.shocks.size(); ++s) {
    const Shock& shock = sc_.shocks[s];
    const CompiledShock& cs = c_.shocks[s];
    ShockRealisation& real = out_.shocks[s];
    real = ShockRealisation{};
    bool allowed = true;
    for (const ShockCondition& cond : shock.when) {
      const int earlier = out_.shocks[cond.shock].outcome;
      allowed = allowed && std::find(cond.outcomes.begin(), cond.outcomes.end(), earlier) !=
                               cond.outcomes.end();
    }
    AddressedWords words =
        cs.first_block >= 0
            ? AddressedWords(key(cs.draw_stream), trial_,
                             static_cast<std::uint64_t>(cs.first_block), st_.shock_blocks[s])
            : AddressedWords(key(cs.draw_stream), trial_);
    int month = kNoMonth;
    if (allowed && (shock.p >= 1 || words.uniform(0) < shock.p)) {
      switch (shock.timing) {
        case ShockTiming::at:
          month = shock.at.index();
          break;
        case ShockTiming::window: {
          const int span = shock.window_first.months_until(shock.window_last) + 1;
          const int k = std::min(span - 1, static_cast<int>(words.uniform(1) * span));
          month = shock.window_first.index() + k;
          break;
        }
        case ShockTiming::hazard: {
          // The first month of the window whose Bernoulli(h) succeeds is geometric: month k with
          // probability h (1 - h)^k, drawn by inversion from one word, k = floor(log u /
          // log(1 - h)). No success within the window (k >= span, certain when u is below
          // hazard_miss_below): the shock does not happen.
          const double u = words.uniform(1);
          if (u < cs.hazard_miss_below) break;
          const int span = shock.window_first.months_until(shock.window_last) + 1;
          const double k = std::floor(std::log(u) / cs.log_no_hazard);
          if (k >= 0 && k < span) month = shock.window_first.index() + static_cast<int>(k);
          break;
        }
      }
    }
    if (month != kNoMonth) {
      int outcome = 0;
      if (cs.cumulative_p.size() > 1) {
        const double u = words.uniform(2);
        outcome = static_cast<int>(cs.cumulative_p.size()) - 1;
        for (std::size_t j = 0; j < cs.cumulative_p.size(); ++j) {
          if (u < cs.cumulative_p[j]) {
            outcome = static_cast<int>(j);
            break;
          }
        }
      }
      real.outcome = outcome;
      real.month = YearMonth::from_index(month);
      // Calendar order: by month, shocks of one month in declaration order.
      const ShockFire fire{month, static_cast<int>(s)};
      auto at = std::upper_bound(
          st_.fires.begin(), st_.fires.end(), fire,
          [](const ShockFire& a, const ShockFire& b) { return a.month < b.month; });
      st_.fires.insert(at, fire);
    }
    if (trace_) trace_->shock_drawn(static_cast<int>(s), real);
  }
}

}  // namespace parley
