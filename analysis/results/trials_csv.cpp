#include "analysis/results/trials_csv.hpp"

#include <cmath>

#include "analysis/results/number_format.hpp"

namespace parley {

TrialsCsvWriter::TrialsCsvWriter(const Scenario& scenario, std::ostream& out)
    : scenario_(scenario), out_(out) {
  out_ << "trial,table,outcome,amount,change_pct,month,total";
  for (const Shock& shock : scenario_.shocks)
    out_ << ',' << csv_field(shock.name);
  out_ << '\n';
}

void TrialsCsvWriter::write(std::int64_t trial, const TrialResult& result) {
  auto metric = [](const TableResult& t, Metric m) {
    const double v = t.metric(m);
    return std::isnan(v) ? std::string() : format_number(v);
  };
  for (std::size_t t = 0; t < result.tables.size(); ++t) {
    const TableResult& table = result.tables[t];
    out_ << trial << ',' << csv_field(scenario_.tables[t].name) << ',' << to_string(table.outcome)
         << ',' << metric(table, Metric::amount) << ',' << metric(table, Metric::change_pct) << ','
         << metric(table, Metric::month) << ',' << metric(table, Metric::total);
    for (std::size_t s = 0; s < result.shocks.size(); ++s) {
      const int outcome = result.shocks[s].outcome;
      out_ << ','
           << (outcome == kShockNone ? std::string("none")
                                     : csv_field(scenario_.shocks[s].outcomes[outcome].name));
    }
    out_ << '\n';
  }
}

}  // namespace parley
