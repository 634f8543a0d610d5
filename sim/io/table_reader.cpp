// `tables:` -> Scenario::tables. Every table name is registered before any table is read, so
// lapse effects may name tables written later in the file.
#include <algorithm>

#include "sim/io/distribution_parser.hpp"
#include "sim/io/effect_parser.hpp"
#include "sim/io/scenario_draft.hpp"

namespace parley {
namespace {

constexpr std::int64_t kMaxYears = 1000;

int read_seat(MapFields& fields, const char* seat, Role role, ScenarioDraft& draft) {
  const YamlNode* name = fields.required(seat);
  if (!name) return -1;
  const int a = draft.actor(*name, fields.path(seat));
  if (a < 0) return -1;
  const Actor& actor = draft.scenario.actors[a];
  if (draft.actors[a].role_given && actor.role != role) {
    draft.read.error(name->where, fields.path(seat),
                     "'" + actor.name + "' is a " + to_string(actor.role) + ", seated as " + seat +
                         " (the " + seat + " must have role " + to_string(role) + ")");
    return -1;
  }
  return a;
}

void read_on_deadline(const YamlNode& node, const std::string& path, Table& table,
                      ScenarioDraft& draft) {
  Reader& read = draft.read;
  MapFields fields(read, node, path,
                   {"extend_p", "extend_amount", "extend_years", "lapse_effects"});
  DeadlinePolicy& policy = table.on_deadline;
  if (const YamlNode* p = fields.get("extend_p")) {
    policy.extend_p = read.number(*p, fields.path("extend_p"), Range::closed(0, 1)).value_or(0);
  }
  if (const YamlNode* amount = fields.get("extend_amount")) {
    policy.extend_amount = read.number(*amount, fields.path("extend_amount"), Range::above(0));
  }
  if (const YamlNode* years = fields.get("extend_years")) {
    policy.extend_years = static_cast<int>(
        read.integer(*years, fields.path("extend_years"), 1, kMaxYears).value_or(1));
  }
  if (const YamlNode* effects = fields.get("lapse_effects")) {
    policy.lapse_effects = read_effects(*effects, fields.path("lapse_effects"), draft);
  }
}

void read_escalation(const YamlNode& node, const std::string& path, Table& table, Reader& read) {
  MapFields fields(read, node, path, {"rate", "floor", "cap"});
  if (!fields.ok()) return;
  const YamlNode* rate = fields.required("rate");
  std::optional<Distribution> g =
      rate ? read_distribution(read, *rate, fields.path("rate")) : std::nullopt;
  const YamlNode* floor = fields.get("floor");
  const YamlNode* cap = fields.get("cap");
  const auto lo = floor ? read.number(*floor, fields.path("floor")) : std::optional(-HUGE_VAL);
  const auto hi = cap ? read.number(*cap, fields.path("cap")) : std::optional(HUGE_VAL);
  if (!g || !lo || !hi) return;
  if (*lo > *hi) {
    read.error(floor->where, fields.path("floor"),
               "must be <= cap (" + cap->text + "), got " + floor->text);
    return;
  }
  // The amount grows by (1 + g) a year: the clipped growth must stay above -1.
  const double lowest = std::min(std::max(g->support_lower(), *lo), *hi);
  if (!(lowest > -1)) {
    read.error(rate->where, fields.path("rate"),
               "a yearly growth rate must stay > -1 after clipping to [floor, cap], but it can "
               "reach " +
                   number_text(lowest));
    return;
  }
  table.escalation = Escalation{*g, *lo, *hi};
}

void read_months(MapFields& fields, Table& table, Reader& read) {
  const YamlNode* opens = fields.required("opens");
  const YamlNode* horizon = fields.required("horizon");
  const YamlNode* deadline = fields.get("deadline");
  const auto o = opens ? read.month(*opens, fields.path("opens")) : std::nullopt;
  const auto h = horizon ? read.month(*horizon, fields.path("horizon")) : std::nullopt;
  const auto d = deadline ? read.month(*deadline, fields.path("deadline")) : h;
  if (!o || !h || !d) return;
  table.opens = *o;
  table.horizon = *h;
  table.deadline = *d;
  if (*o > *h) {
    read.error(horizon->where, fields.path("horizon"),
               "must not be before opens (" + o->str() + "), got " + h->str());
  } else if (deadline && (*d < *o || *d > *h)) {
    read.error(
        deadline->where, fields.path("deadline"),
        "must be between opens (" + o->str() + ") and horizon (" + h->str() + "), got " + d->str());
  }
}

void read_table(const YamlNode& node, const std::string& path, Table& table, ScenarioDraft& draft) {
  Reader& read = draft.read;
  MapFields fields(
      read, node, path,
      {"demander", "payer", "currency", "baseline", "opens", "deadline", "horizon", "protocol",
       "first", "stall_p", "offer_noise", "on_deadline", "years", "escalation"});
  if (!fields.ok()) return;
  table.demander = read_seat(fields, "demander", Role::demander, draft);
  table.payer = read_seat(fields, "payer", Role::payer, draft);
  if (const YamlNode* currency = fields.get("currency")) {
    table.currency = read.string(*currency, fields.path("currency")).value_or("");
  }
  if (const YamlNode* baseline = fields.required("baseline")) {
    // 1 keeps later checks (relative amounts, extend_amount) meaningful after an error.
    table.baseline = read.number(*baseline, fields.path("baseline"), Range::above(0)).value_or(1);
  }
  table.on_deadline.extend_amount = table.baseline;  // the default stop-gap amount
  read_months(fields, table, read);
  if (const YamlNode* protocol = fields.get("protocol")) {
    const auto p =
        read.choice(*protocol, fields.path("protocol"), {"alternating", "nash", "rubinstein"});
    table.protocol = static_cast<Protocol>(p.value_or(0));
  }
  if (const YamlNode* first = fields.get("first")) {
    const auto f = read.choice(*first, fields.path("first"), {"demander", "payer"});
    table.first = f.value_or(0) == 0 ? FirstProposer::demander : FirstProposer::payer;
  }
  if (const YamlNode* stall = fields.get("stall_p")) {
    table.stall_p = read.number(*stall, fields.path("stall_p"), Range::closed(0, 1)).value_or(0);
  }
  if (const YamlNode* noise = fields.get("offer_noise")) {
    table.offer_noise =
        read.number(*noise, fields.path("offer_noise"), Range::at_least(0)).value_or(0);
  }
  if (const YamlNode* on_deadline = fields.get("on_deadline")) {
    read_on_deadline(*on_deadline, fields.path("on_deadline"), table, draft);
  }
  if (const YamlNode* years = fields.get("years")) {
    table.years =
        static_cast<int>(read.integer(*years, fields.path("years"), 1, kMaxYears).value_or(1));
  }
  if (const YamlNode* escalation = fields.get("escalation")) {
    read_escalation(*escalation, fields.path("escalation"), table, read);
  }
}

}  // namespace

void read_tables(const YamlNode& node, ScenarioDraft& draft) {
  Reader& read = draft.read;
  draft.tables_read = true;
  if (!node.is_map()) {
    read.error(
        node.where, "tables",
        "expected a map of tables (name: {demander: ..., payer: ...}), got " + node.describe());
    return;
  }
  if (node.entries.empty()) {
    read.error(node.where, "tables",
               "expected at least one table (name: {demander: ..., payer: ...}), got an empty map");
    return;
  }
  for (const YamlEntry& entry : node.entries) {
    read.identifier(entry.key_node(), join_path("tables", entry.key));
    Table table;
    table.name = entry.key;
    draft.scenario.tables.push_back(std::move(table));
    draft.tables.push_back(TableDraft{entry.key_where, join_path("tables", entry.key)});
  }
  for (std::size_t t = 0; t < node.entries.size(); ++t) {
    read_table(node.entries[t].value, draft.tables[t].path, draft.scenario.tables[t], draft);
  }
}

}  // namespace parley
