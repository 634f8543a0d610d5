// One table's rounds: the deadline policy, alternating offers (stepped or solved between
// events), the closed-form protocols and the settlement with its escalated total.
#include <algorithm>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "sim/engine/concession.hpp"
#include "sim/engine/trial_run.hpp"

namespace parley {
namespace {

// The actor's position at clock c: D(c) for a demander, P(c) for a payer.
double position(const ActorParams& p, const ConcessionShape& shape, int clock) {
  return concession_offer(p[param_index(ActorParam::opening)],
                          p[param_index(ActorParam::reservation)], concession_level(clock, shape));
}

}  // namespace

bool TrialRun::demander_proposes(int table, int month) const {
  const bool even = ((month - c_.tables[table].opens) & 1) == 0;
  return even == (sc_.tables[table].first == FirstProposer::demander);
}

// exp(N(0, offer_noise)) from the round's own stream, or 1 without noise.
double TrialRun::noise_factor(int table, int round) const {
  const double sd = sc_.tables[table].offer_noise;
  if (!(sd > 0)) return 1.0;
  RandomStream stream(key(c_.tables[table].noise_stream), trial_,
                      static_cast<std::uint64_t>(round));
  return std::exp(boost::random::normal_distribution<double>(0.0, sd)(stream));
}

bool TrialRun::stalled(int table, int month) {
  const double p = sc_.tables[table].stall_p;
  if (!(p > 0)) return false;
  const auto round = static_cast<std::uint64_t>(month - c_.tables[table].opens);
  return st_.tables[table].stall.uniform(round) < p;
}

// True when no proposal can be accepted at any clock: a demander's position never goes below
// r_D and a payer's never above r_P (noise is clamped there too), and r_D exceeds r_P by far
// more than the rounding of o + (r - o) alpha (at most 3 ulp of |o| + |r|). Parameters change
// only through events, so the fast path may skip such a table's rounds until the next one.
bool TrialRun::out_of_reach(int table) const {
  const TableState& ts = st_.tables[table];
  const auto& d = st_.actors[ts.seat[0]];
  const auto& p = st_.actors[ts.seat[1]];
  const double o_d = d[param_index(ActorParam::opening)],
               r_d = d[param_index(ActorParam::reservation)];
  const double o_p = p[param_index(ActorParam::opening)],
               r_p = p[param_index(ActorParam::reservation)];
  const double scale = std::abs(o_d) + std::abs(r_d) + std::abs(o_p) + std::abs(r_p);
  return r_d - r_p > 1e-12 * scale;
}

// An actor's concession shape (a logarithm and a reciprocal), recomputed only when its patience
// or beta changed since it was last needed: in many trials an actor never proposes at all (its
// table is out of reach until it is replaced, say).
const ConcessionShape& TrialRun::shape(int actor) {
  ConcessionShape& s = st_.shapes[actor];
  const auto& p = st_.actors[actor];
  const double patience = p[param_index(ActorParam::patience)];
  const double beta = p[param_index(ActorParam::beta)];
  if (!(s.patience == patience && s.beta == beta)) s = ConcessionShape::of(patience, beta);
  return s;
}

// The proposal of round `month` and the other side's answer (AC_next: accept iff the offer is
// at least as good as what it would itself propose next round).
TrialRun::Proposal TrialRun::propose(int table, int month, double noise_factor) {
  const TableState& ts = st_.tables[table];
  const auto& d = st_.actors[ts.seat[0]];
  const auto& p = st_.actors[ts.seat[1]];
  const ConcessionShape& shape_d = shape(ts.seat[0]);
  const ConcessionShape& shape_p = shape(ts.seat[1]);
  const int clock_d = month - ts.origin[0];
  const int clock_p = month - ts.origin[1];
  Proposal out;
  out.by_demander = demander_proposes(table, month);
  if (out.by_demander) {
    out.offer = position(d, shape_d, clock_d);
    if (noise_factor != 1.0)
      out.offer = std::max(out.offer * noise_factor, d[param_index(ActorParam::reservation)]);
    out.threshold = position(p, shape_p, clock_p + 1);
    out.accepted = out.offer <= out.threshold;
  } else {
    out.offer = position(p, shape_p, clock_p);
    if (noise_factor != 1.0)
      out.offer = std::min(out.offer * noise_factor, p[param_index(ActorParam::reservation)]);
    out.threshold = position(d, shape_d, clock_d + 1);
    out.accepted = out.offer >= out.threshold;
  }
  return out;
}

void TrialRun::play_round(int table, int month) {
  const Table& t = sc_.tables[table];
  const CompiledTable& ct = c_.tables[table];
  TableState& ts = st_.tables[table];
  const int round = month - ct.opens;
  const YearMonth when = YearMonth::from_index(month);
  if (trace_ && round == 0) trace_->table_opened(when, table);
  if (month > ts.horizon) return finish_no_deal(table, month);
  if (!ts.deadline_handled && month > ts.deadline) {
    ts.deadline_handled = true;
    const bool extended =
        ts.extend_p > 0 && AddressedWords(key(ct.extend_stream), trial_).uniform(0) < ts.extend_p;
    if (trace_) trace_->deadline_passed(when, table, round, extended);
    if (extended) return finish_extended(table, month);
    for (const CompiledEffect& effect : ct.lapse_effects)
      apply_effect(effect, month);
    if (month > ts.horizon) return finish_no_deal(table, month);  // a lapse effect moved it
  }
  if (t.protocol != Protocol::alternating) return closed_form(table, month);

  if (fast_ && trace_ == nullptr) {
    // The stall and noise draws are addressed by round, so the order in which they are looked
    // at, or whether they are at all, changes no other draw: a round is settled when its
    // proposal is accepted and it did not stall, and the stall draw (a generator block the
    // round would wait for) is needed only for an accepted proposal.
    if (!out_of_reach(table)) {
      const Proposal p = propose(table, month, noise_factor(table, round));
      if (p.accepted && !stalled(table, month)) return finish_agreed(table, month, p.offer);
    }
  } else if (stalled(table, month)) {
    if (trace_) trace_->round_stalled(when, table, round);
  } else {
    const Proposal p = propose(table, month, noise_factor(table, round));
    if (trace_) {
      const bool d = p.by_demander;
      trace_->proposal({when, table, round, d ? Role::demander : Role::payer, ts.seat[d ? 0 : 1],
                        month - ts.origin[0], month - ts.origin[1], p.offer, p.threshold,
                        p.accepted});
    }
    if (p.accepted) return finish_agreed(table, month, p.offer);
  }
  if (month >= ts.horizon) finish_no_deal(table, month);
}

void TrialRun::closed_form(int table, int month) {
  const Table& t = sc_.tables[table];
  const TableState& ts = st_.tables[table];
  const auto& d = st_.actors[ts.seat[0]];
  const auto& p = st_.actors[ts.seat[1]];
  const double r_d = d[param_index(ActorParam::reservation)];
  const double r_p = p[param_index(ActorParam::reservation)];
  const double zopa = r_p - r_d;
  double amount = NAN;
  if (zopa >= 0) {
    if (t.protocol == Protocol::nash) {
      amount = r_d + d[param_index(ActorParam::power)] * zopa;
    } else {
      const double d_d = d[param_index(ActorParam::discount)];
      const double d_p = p[param_index(ActorParam::discount)];
      amount = t.first == FirstProposer::demander ? r_d + zopa * (1 - d_p) / (1 - d_d * d_p)
                                                  : r_p - zopa * (1 - d_d) / (1 - d_d * d_p);
    }
  }
  if (trace_) trace_->closed_form(YearMonth::from_index(month), table, zopa, amount);
  if (zopa >= 0) {
    finish_agreed(table, month, amount);
  } else {
    finish_no_deal(table, month);
  }
}

// First month in [begin, end) at which table's proposal is accepted, or `end`; its offer goes
// to the table's `first_offer`. Parameters and seats are constant on the stretch and the clocks
// advance with the months, so the demander's position D falls and the payer's P rises;
// acceptance, once true, stays true, across the alternation of proposers too: a demander's
// accepted D(c_D) <= P(c_P + 1) gives the payer's P(c_P + 1) >= D(c_D + 2) a month later, and a
// payer's accepted P(c_P) >= D(c_D + 1) gives the demander's D(c_D + 1) <= P(c_P + 2). One
// bisection finds the first accepted month; stalls (addressed by round) then only need looking
// at from it.
int TrialRun::first_acceptance(int table, int begin, int end) {
  if (end <= begin || out_of_reach(table)) return end;
  const Proposal last = propose(table, end - 1, 1.0);
  if (!last.accepted) return end;
  int lo = begin, hi = end - 1;
  double hi_offer = last.offer;  // the offer of month hi, accepted
  while (lo < hi) {
    const int mid = lo + (hi - lo) / 2;
    const Proposal p = propose(table, mid, 1.0);
    if (p.accepted) {
      hi = mid;
      hi_offer = p.offer;
    } else {
      lo = mid + 1;
    }
  }
  for (int month = lo; month < end; ++month) {
    if (!stalled(table, month)) {
      st_.tables[table].first_offer = month == hi ? hi_offer : propose(table, month, 1.0).offer;
      return month;
    }
  }
  return end;
}

// Solves the months [begin, end), in which nothing but rounds happens. A settlement at a table
// with outgoing links schedules a link for the next month, so the stretch ends there.
int TrialRun::fast_forward(int begin, int end) {
  int limit = end;
  for (int i = 0; i < table_count_; ++i) {
    TableState& ts = st_.tables[i];
    if (ts.done || c_.tables[i].opens > begin) continue;
    const int stop = std::min(end, ts.horizon + 1);
    ts.first_acceptance = first_acceptance(i, begin, stop);
    if (ts.first_acceptance < stop && !c_.tables[i].links_out.empty())
      limit = std::min(limit, ts.first_acceptance + 1);
  }
  for (int i = 0; i < table_count_; ++i) {
    TableState& ts = st_.tables[i];
    if (ts.done || c_.tables[i].opens > begin) continue;
    if (ts.first_acceptance < limit && ts.first_acceptance <= ts.horizon) {
      finish_agreed(i, ts.first_acceptance, ts.first_offer);
    } else if (ts.horizon < limit) {
      finish_no_deal(i, ts.horizon);
    }
  }
  return limit;
}

void TrialRun::finish_agreed(int table, int month, double amount) {
  const Table& t = sc_.tables[table];
  const CompiledTable& ct = c_.tables[table];
  // total = amount * sum_{y=0}^{years-1} prod_{k=1}^{y} (1 + g_k), g_k clipped to [floor, cap].
  // With more than two random years both usual blocks are computed at once, to overlap.
  const StreamKey& k = key(ct.escalation_stream);
  RandomStream stream = ct.escalation_two_blocks
                            ? RandomStream(k, trial_, k.block(trial_, 0, 0), k.block(trial_, 0, 1))
                            : RandomStream(k, trial_);
  double growth = 1, years_sum = 1;
  for (int y = 1; y < t.years; ++y) {
    const double g =
        std::min(std::max(t.escalation.rate.sample(stream), t.escalation.floor), t.escalation.cap);
    growth *= 1 + g;
    years_sum += growth;
  }
  TableResult& r = out_.tables[table];
  r.outcome = Outcome::agreed;
  r.amount = amount;
  r.change_pct = 100 * (amount / t.baseline - 1);
  r.total = amount * years_sum;
  r.month = month - ct.opens;
  st_.tables[table].done = true;
  --active_;
  for (int l : ct.links_out) {
    st_.link_month[l] = month + 1;
    st_.link_ratio[l] = amount / t.baseline;
  }
  if (trace_) trace_->table_finished(YearMonth::from_index(month), table, r);
}

void TrialRun::finish_extended(int table, int month) {
  const Table& t = sc_.tables[table];
  TableResult& r = out_.tables[table];
  r.outcome = Outcome::extended;
  r.amount = t.on_deadline.extend_amount.value_or(t.baseline);
  r.change_pct = 100 * (r.amount / t.baseline - 1);
  r.total = r.amount * t.on_deadline.extend_years;  // a stop-gap continues the old level
  r.month = -1;
  st_.tables[table].done = true;
  --active_;
  if (trace_) trace_->table_finished(YearMonth::from_index(month), table, r);
}

void TrialRun::finish_no_deal(int table, int month) {
  out_.tables[table] = TableResult{};
  st_.tables[table].done = true;
  --active_;
  if (trace_) trace_->table_finished(YearMonth::from_index(month), table, out_.tables[table]);
}

}  // namespace parley
