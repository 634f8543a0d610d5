#include "sim/engine/settlement.hpp"

#include <algorithm>

#include "sim/engine/effects.hpp"

namespace parley {
namespace {

// sum_{y=0}^{years-1} prod_{k=1}^{y} (1 + g_k), g_k clipped to [floor, cap]: what the total is of
// the first year's amount. With more than two random years both usual blocks are computed at
// once, to overlap.
double escalated_years(const Trial& t, int table) {
  const Table& spec = t.scenario.tables[table];
  const CompiledTable& ct = t.compiled.tables[table];
  const StreamKey& k = t.key(ct.escalation_stream);
  RandomStream stream =
      ct.escalation_two_blocks
          ? RandomStream(k, t.number, k.block(t.number, 0, 0), k.block(t.number, 0, 1))
          : RandomStream(k, t.number);
  double growth = 1, years_sum = 1;
  for (int y = 1; y < spec.years; ++y) {
    const double g = std::min(std::max(spec.escalation.rate.sample(stream), spec.escalation.floor),
                              spec.escalation.cap);
    growth *= 1 + g;
    years_sum += growth;
  }
  return years_sum;
}

void mark_done(Trial& t, int table) {
  t.state.tables[table].done = true;
  --t.active;
}

}  // namespace

void finish_agreed(Trial& t, int table, int month, double amount) {
  const Table& spec = t.scenario.tables[table];
  const CompiledTable& ct = t.compiled.tables[table];
  const double years_sum = escalated_years(t, table);
  TableResult& r = t.result.tables[table];
  r.outcome = Outcome::agreed;
  r.amount = amount;
  r.change_pct = 100 * (amount / spec.baseline - 1);
  r.total = amount * years_sum;
  r.month = month - ct.opens;
  mark_done(t, table);
  for (int l : ct.links_out) {
    t.state.link_month[l] = month + 1;
    t.state.link_ratio[l] = amount / spec.baseline;
  }
  if (t.trace) t.trace->table_finished(YearMonth::from_index(month), table, r);
}

void finish_extended(Trial& t, int table, int month) {
  const Table& spec = t.scenario.tables[table];
  TableResult& r = t.result.tables[table];
  r.outcome = Outcome::extended;
  r.amount = spec.on_deadline.extend_amount.value_or(spec.baseline);
  r.change_pct = 100 * (r.amount / spec.baseline - 1);
  r.total = r.amount * spec.on_deadline.extend_years;  // a stop-gap continues the old level
  r.month = -1;
  mark_done(t, table);
  if (t.trace) t.trace->table_finished(YearMonth::from_index(month), table, r);
}

void finish_no_deal(Trial& t, int table, int month) {
  t.result.tables[table] = TableResult{};
  mark_done(t, table);
  if (t.trace) t.trace->table_finished(YearMonth::from_index(month), table, t.result.tables[table]);
}

bool pass_deadline(Trial& t, int table, int month) {
  TableState& ts = t.state.tables[table];
  const CompiledTable& ct = t.compiled.tables[table];
  ts.deadline_handled = true;
  const bool extended =
      ts.extend_p > 0 && AddressedWords(t.key(ct.extend_stream), t.number).uniform(0) < ts.extend_p;
  if (t.trace)
    t.trace->deadline_passed(YearMonth::from_index(month), table, month - ct.opens, extended);
  if (extended) {
    finish_extended(t, table, month);
    return false;
  }
  for (const CompiledEffect& effect : ct.lapse_effects)
    apply_effect(t, effect, month);
  return true;
}

}  // namespace parley
