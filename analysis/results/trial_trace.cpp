#include "analysis/results/trial_trace.hpp"

#include <cmath>
#include <ostream>
#include <sstream>

#include "sim/engine/simulator.hpp"
#include "sim/engine/trace.hpp"
#include "sim/model/number_text.hpp"

namespace parley {
namespace {

std::string num(double x) {
  return std::isnan(x) ? "-" : format_significant(x, 6);
}

// Prints each event as one line, with the scenario's names.
class TracePrinter : public TraceSink {
 public:
  TracePrinter(const Scenario& s, std::ostream& out) : s_(s), out_(out) {}

  void actor_drawn(int actor, const ActorParams& p) override {
    const Actor& a = s_.actors[actor];
    out_ << "  " << a.name << " (" << to_string(a.role) << "):";
    for (ActorParam param : kAllActorParams)
      out_ << " " << to_string(param) << " " << num(p[static_cast<int>(param)]);
    out_ << "\n";
  }

  void shock_drawn(int shock, const ShockRealisation& r) override {
    if (shock == 0) out_ << "Shocks drawn at trial start:\n";
    const Shock& sh = s_.shocks[shock];
    out_ << "  " << sh.name << ": ";
    if (r.outcome == kShockNone) {
      out_ << "does not happen\n";
    } else {
      out_ << sh.outcomes[r.outcome].name << " in " << r.month.str() << "\n";
    }
  }

  void shock_fired(YearMonth month, int shock, int outcome) override {
    calendar_header();
    out_ << month.str() << "  shock " << s_.shocks[shock].name << ": "
         << s_.shocks[shock].outcomes[outcome].name << "\n";
  }

  void effect_applied(YearMonth month, const Effect& e, double value, double before,
                      double after) override {
    calendar_header();
    out_ << month.str() << "    effect: ";
    switch (e.kind) {
      case Effect::Kind::scale:
      case Effect::Kind::shift:
      case Effect::Kind::set: {
        const char* verb = e.kind == Effect::Kind::scale   ? "scale"
                           : e.kind == Effect::Kind::shift ? "shift"
                                                           : "set";
        out_ << s_.actors[e.actor].name << "." << to_string(e.param) << " " << verb << " "
             << num(value) << ": " << num(before) << " -> " << num(after) << "\n";
        break;
      }
      case Effect::Kind::reset_clock:
        out_ << s_.actors[e.actor].name << " restarts its clock\n";
        break;
      case Effect::Kind::replace:
        out_ << s_.actors[e.replacement].name << " takes the seat of " << s_.actors[e.actor].name
             << " (clock 0)\n";
        break;
      case Effect::Kind::table_deadline:
      case Effect::Kind::table_horizon:
        out_ << s_.tables[e.table].name << "."
             << (e.kind == Effect::Kind::table_deadline ? "deadline" : "horizon") << ": "
             << YearMonth::from_index(static_cast<int>(before)).str() << " -> "
             << YearMonth::from_index(static_cast<int>(after)).str() << "\n";
        break;
      case Effect::Kind::table_extend_p:
        out_ << s_.tables[e.table].name << ".extend_p: " << num(before) << " -> " << num(after)
             << "\n";
        break;
    }
  }

  void link_applied(YearMonth month, int link, int actor, double before, double after) override {
    calendar_header();
    const Link& l = s_.links[link];
    out_ << month.str() << "  precedent " << s_.tables[l.from].name << " -> "
         << s_.tables[l.to].name << ": " << s_.actors[actor].name << ".reservation " << num(before)
         << " -> " << num(after) << "\n";
  }

  void table_opened(YearMonth month, int table) override {
    calendar_header();
    const Table& t = s_.tables[table];
    out_ << month.str() << "  " << t.name << ": talks open (" << to_string(t.protocol)
         << ", deadline " << t.deadline.str() << ", horizon " << t.horizon.str() << ")\n";
  }

  void deadline_passed(YearMonth month, int table, int round, bool extended) override {
    out_ << month.str() << "  " << s_.tables[table].name << " round " << round
         << ": deadline passed, "
         << (extended ? "stop-gap extension signed" : "agreement lapsed, talks go on") << "\n";
  }

  void round_stalled(YearMonth month, int table, int round) override {
    out_ << month.str() << "  " << s_.tables[table].name << " round " << round
         << ": stalled, nobody proposes\n";
  }

  void proposal(const ProposalEvent& e) override {
    const bool by_demander = e.proposer == Role::demander;
    out_ << e.month.str() << "  " << s_.tables[e.table].name << " round " << e.round << ": "
         << s_.actors[e.actor].name << " proposes " << num(e.offer) << "; the "
         << (by_demander ? "payer accepts up to " : "demander accepts from ") << num(e.threshold)
         << " -> " << (e.accepted ? "ACCEPTED" : "refused") << "  (clocks " << e.clock_demander
         << "/" << e.clock_payer << ")\n";
  }

  void lookahead_decided(const LookaheadEvent& e) override {
    const LookaheadDecision& d = e.decision;
    out_ << e.month.str() << "  " << s_.tables[e.table].name << ": " << s_.actors[e.actor].name
         << " looks ahead to " << s_.shocks[d.shock].name << " ("
         << YearMonth::from_index(d.event_month).str() << "): value now " << num(d.value_now)
         << ", expected after " << num(d.value_after) << " -> " << to_string(d.choice) << "\n";
  }

  void closed_form(YearMonth month, int table, double zopa, double amount) override {
    out_ << month.str() << "  " << s_.tables[table].name << ": "
         << to_string(s_.tables[table].protocol) << ", ZOPA " << num(zopa) << ", amount "
         << num(amount) << "\n";
  }

  void table_finished(YearMonth month, int table, const TableResult& r) override {
    out_ << month.str() << "  " << s_.tables[table].name << ": " << to_string(r.outcome) << "\n";
  }

 private:
  void calendar_header() {
    if (calendar_started_) return;
    calendar_started_ = true;
    out_ << "Calendar:\n";
  }

  const Scenario& s_;
  std::ostream& out_;
  bool calendar_started_ = false;
};

// The settlement of every table, as run_trial reports it.
void write_result(std::ostream& out, const Scenario& scenario, const TrialResult& result) {
  out << "Result:\n";
  for (std::size_t i = 0; i < scenario.tables.size(); ++i) {
    const Table& t = scenario.tables[i];
    const TableResult& r = result.tables[i];
    out << "  " << t.name << ": " << to_string(r.outcome);
    if (r.outcome != Outcome::no_deal) {
      out << ", amount " << num(r.amount) << " " << t.currency << " ("
          << (r.change_pct >= 0 ? "+" : "") << num(r.change_pct) << " % on the baseline "
          << num(t.baseline) << "), total " << num(r.total);
    }
    if (r.outcome == Outcome::agreed)
      out << ", round " << r.month << " (" << t.opens.plus_months(r.month).str() << ")";
    out << "\n";
  }
}

}  // namespace

std::string trial_trace(const Scenario& scenario, std::uint64_t seed, std::int64_t trial) {
  const Simulator simulator(scenario);
  TrialResult result = TrialResult::for_scenario(scenario);
  std::ostringstream out;
  out << "parley trace: scenario " << scenario.name << ", seed " << seed << ", trial " << trial
      << "\nActors drawn for this trial:\n";
  TracePrinter sink(scenario, out);
  simulator.run_trial(seed, trial, result, &sink);
  write_result(out, scenario, result);
  return out.str();
}

}  // namespace parley
