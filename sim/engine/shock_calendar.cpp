#include "sim/engine/shock_calendar.hpp"

#include <algorithm>
#include <cmath>

namespace parley {
namespace {

// Every shock's first block before any decision (as for actors: the generator rounds of
// independent blocks overlap); a shock excluded by its `when` condition leaves its block unread.
void compute_first_blocks(Trial& t) {
  for (std::size_t s = 0; s < t.compiled.shocks.size(); ++s) {
    const CompiledShock& cs = t.compiled.shocks[s];
    if (cs.first_block >= 0)
      t.state.shock_blocks[s] =
          t.key(cs.draw_stream).block(t.number, 0, static_cast<std::uint64_t>(cs.first_block));
  }
}

// The shock's `when` condition: every earlier shock it names ended in one of the listed outcomes.
bool allowed(const Trial& t, const Shock& shock) {
  bool ok = true;
  for (const ShockCondition& cond : shock.when) {
    const int earlier = t.result.shocks[cond.shock].outcome;
    ok =
        ok && std::find(cond.outcomes.begin(), cond.outcomes.end(), earlier) != cond.outcomes.end();
  }
  return ok;
}

int window_span(const Shock& shock) {
  return shock.window_first.months_until(shock.window_last) + 1;
}

// Uniform over the window's months.
int window_month(const Shock& shock, double u) {
  const int span = window_span(shock);
  const int k = std::min(span - 1, static_cast<int>(u * span));
  return shock.window_first.index() + k;
}

// The first month of the window whose Bernoulli(h) succeeds is geometric: month k with
// probability h (1 - h)^k, drawn by inversion from one word, k = floor(log u / log(1 - h)). No
// success within the window (k >= span, certain when u is below hazard_miss_below): kNoMonth.
int hazard_month(const Shock& shock, const CompiledShock& cs, double u) {
  if (u < cs.hazard_miss_below) return kNoMonth;
  const int span = window_span(shock);
  const double k = std::floor(std::log(u) / cs.log_no_hazard);
  return k >= 0 && k < span ? shock.window_first.index() + static_cast<int>(k) : kNoMonth;
}

// The month an allowed shock fires, or kNoMonth when it does not happen.
int draw_month(const Shock& shock, const CompiledShock& cs, AddressedWords& words) {
  if (!(shock.p >= 1 || words.uniform(0) < shock.p)) return kNoMonth;
  switch (shock.timing) {
    case ShockTiming::at:
      return shock.at.index();
    case ShockTiming::window:
      return window_month(shock, words.uniform(1));
    case ShockTiming::hazard:
      return hazard_month(shock, cs, words.uniform(1));
  }
  return kNoMonth;
}

// The outcome of a shock that happens, by its cumulative probabilities.
int draw_outcome(const CompiledShock& cs, AddressedWords& words) {
  if (cs.cumulative_p.size() <= 1) return 0;
  const int last = static_cast<int>(cs.cumulative_p.size()) - 1;
  const double u = words.uniform(2);
  for (int j = 0; j < last; ++j) {
    if (u < cs.cumulative_p[j]) return j;
  }
  return last;
}

// Calendar order: by month, shocks of one month in declaration order (the order of the draws).
void schedule(std::vector<ShockFire>& fires, ShockFire fire) {
  const auto at =
      std::upper_bound(fires.begin(), fires.end(), fire,
                       [](const ShockFire& a, const ShockFire& b) { return a.month < b.month; });
  fires.insert(at, fire);
}

}  // namespace

void draw_shock_calendar(Trial& t) {
  compute_first_blocks(t);
  for (std::size_t s = 0; s < t.scenario.shocks.size(); ++s) {
    const Shock& shock = t.scenario.shocks[s];
    const CompiledShock& cs = t.compiled.shocks[s];
    ShockRealisation& real = t.result.shocks[s];
    real = ShockRealisation{};
    const StreamKey& key = t.key(cs.draw_stream);
    AddressedWords words =
        cs.first_block >= 0
            ? AddressedWords(key, t.number, static_cast<std::uint64_t>(cs.first_block),
                             t.state.shock_blocks[s])
            : AddressedWords(key, t.number);
    const int month = allowed(t, shock) ? draw_month(shock, cs, words) : kNoMonth;
    if (month != kNoMonth) {
      real.outcome = draw_outcome(cs, words);
      real.month = YearMonth::from_index(month);
      schedule(t.state.fires, ShockFire{month, static_cast<int>(s)});
    }
    if (t.trace) t.trace->shock_drawn(static_cast<int>(s), real);
  }
}

}  // namespace parley
