#pragma once
// The fuzz targets' bodies, shared by the libFuzzer programs (tests/fuzz/*_fuzz.cpp, built with
// PARLEY_FUZZ=ON and clang) and by the regression replay (replay_test.cpp, in every build).
// Each takes arbitrary bytes and checks the contract of one input path: bad input is reported
// as parley::InputError with located, non-empty diagnostics; nothing else escapes, and what is
// accepted can be simulated. A broken contract throws FuzzFinding (libFuzzer reports it as a
// crash, the replay test as a failure).
//
//   parley::fuzz::scenario_loader(bytes);   // YAML text -> load_scenario_text
//   parley::fuzz::set_overrides(bytes);     // a base scenario and --set arguments
//   parley::fuzz::sweep_param(bytes);       // one --param argument
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/studies/sweep/sweep_param.hpp"
#include "sim/engine/simulator.hpp"
#include "sim/io/input_error.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley::fuzz {

struct FuzzFinding : std::logic_error {
  using std::logic_error::logic_error;
};

inline void require(bool holds, const std::string& what) {
  if (!holds) throw FuzzFinding(what);
}

inline int line_count(std::string_view text) {
  int lines = 1;
  for (char c : text)
    lines += c == '\n';
  return lines;
}

// Every diagnostic names `file` (or the --set arguments), lies within the text and says
// something.
inline void check_diagnostics(const InputError& e, const std::string& file, std::string_view text) {
  require(!e.diagnostics().empty(), "InputError without diagnostics");
  for (const Diagnostic& d : e.diagnostics()) {
    require(!d.message.empty(), "empty diagnostic at " + d.str());
    const bool in_file = d.where.file == file;
    require(in_file || d.where.file == "--set", "diagnostic names another file: " + d.str());
    require(d.where.line >= 0 && d.where.column >= 0, "negative location: " + d.str());
    require((d.where.line == 0) == (d.where.column == 0),
            "line and column not both given: " + d.str());
    if (in_file) require(d.where.line <= line_count(text), "line beyond the text: " + d.str());
  }
}

inline bool same_number(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

// An accepted scenario runs: a few trials on the fast path and on the stepwise reference give
// bitwise the same results (docs/model.md: one model, two implementations).
inline void simulate(const Scenario& scenario) {
  const Simulator simulator(scenario);
  TrialResult fast = TrialResult::for_scenario(scenario);
  TrialResult stepwise = TrialResult::for_scenario(scenario);
  for (std::int64_t trial = 0; trial < 3; ++trial) {
    simulator.run_trial(scenario.seed, trial, fast);
    simulator.run_trial_stepwise(scenario.seed, trial, stepwise);
    for (std::size_t t = 0; t < fast.tables.size(); ++t) {
      const TableResult& a = fast.tables[t];
      const TableResult& b = stepwise.tables[t];
      require(a.outcome == b.outcome && same_number(a.amount, b.amount) &&
                  same_number(a.change_pct, b.change_pct) && same_number(a.total, b.total) &&
                  a.month == b.month,
              "fast path and stepwise reference differ at table " + std::to_string(t) + ", trial " +
                  std::to_string(trial));
    }
    for (std::size_t s = 0; s < fast.shocks.size(); ++s) {
      require(fast.shocks[s].outcome == stepwise.shocks[s].outcome &&
                  (fast.shocks[s].outcome == kShockNone ||
                   fast.shocks[s].month == stepwise.shocks[s].month),
              "fast path and stepwise reference differ at shock " + std::to_string(s));
    }
  }
}

// Bytes are YAML text of a scenario file.
inline void scenario_loader(std::string_view text) {
  const std::string file = "fuzz.yaml";
  Scenario scenario;
  try {
    scenario = load_scenario_text(text, file);
  } catch (const InputError& e) {
    check_diagnostics(e, file, text);
    return;
  }
  simulate(scenario);
}

// The bases the --set target overrides, by relative path from the repository root.
inline const std::vector<std::string>& override_bases() {
  static const std::vector<std::string> bases = {"tests/io/good/example.yaml",
                                                 "scenarios/korea_sma11.yaml",
                                                 "scenarios/tariff_linkage_2025.yaml",
                                                 "scenarios/teach_correlated_demands.yaml",
                                                 "scenarios/teach_election_replace.yaml",
                                                 "scenarios/japan_sma2022.yaml"};
  return bases;
}

inline std::string read_base(const std::string& relative) {
  std::ifstream in(std::filesystem::path(PARLEY_SOURCE_DIR) / relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Bytes: the first line names a base (one of override_bases(); anything else means the
// first), every further line is one `--set` argument; a line starting with a tab continues the
// previous argument on a new line (a multi-line YAML value).
inline void set_overrides(std::string_view input) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= input.size()) {
    const std::size_t end = std::min(input.find('\n', start), input.size());
    lines.emplace_back(input.substr(start, end - start));
    start = end + 1;
  }
  const std::vector<std::string>& bases = override_bases();
  std::size_t base = 0;
  while (base < bases.size() && bases[base] != lines[0])
    ++base;
  static std::vector<std::string> texts;
  if (texts.empty()) {
    for (const std::string& b : bases)
      texts.push_back(read_base(b));
  }
  const std::string& text = texts[base == bases.size() ? 0 : base];
  std::vector<std::string> arguments;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (!lines[i].empty() && lines[i][0] == '\t' && !arguments.empty())
      arguments.back() += "\n" + lines[i].substr(1);
    else
      arguments.push_back(lines[i]);
  }
  std::vector<ScalarOverride> overrides;
  for (const std::string& argument : arguments) {
    try {
      overrides.push_back(parse_override(argument));
    } catch (const InputError& e) {
      require(!e.diagnostics().empty() && !e.diagnostics()[0].message.empty(),
              "parse_override threw InputError without a message");
      return;
    }
  }
  const std::string file = "base.yaml";
  Scenario scenario;
  try {
    scenario = load_scenario_text(text, file, overrides);
  } catch (const InputError& e) {
    check_diagnostics(e, file, text);
    return;
  }
  simulate(scenario);
}

// Bytes: one `--param PATH=SPEC` argument. What is accepted yields values a sweep can use:
// non-empty, and for a range finite numbers from LO to HI.
inline void sweep_param(std::string_view argument) {
  sweep::SweepParam p;
  try {
    p = sweep::parse_sweep_param(argument, 1);
  } catch (const InputError& e) {
    require(e.diagnostics().size() == 1, "--param mistake without exactly one diagnostic");
    const Diagnostic& d = e.diagnostics()[0];
    require(d.where.file == "--param" && d.where.line == 1 && d.where.column >= 1 &&
                d.where.column <= static_cast<int>(argument.size()) + 1 && !d.message.empty(),
            "--param diagnostic badly located: " + d.str());
    return;
  }
  require(!p.path.empty(), "accepted an empty path");
  std::vector<std::string> values;
  if (p.kind == sweep::SweepParam::Kind::list) {
    require(!p.values.empty(), "accepted an empty list");
    values = p.values;
  } else {
    require(std::isfinite(p.lo) && std::isfinite(p.hi) && p.lo < p.hi,
            "accepted a range without finite LO < HI");
    const int count = p.count.value_or(5);
    if (count <= 1000) {
      values = p.grid_values(5);
      require(values.size() == static_cast<std::size_t>(count), "grid of the wrong size");
      require(values.front() == sweep::format_number(p.lo), "grid does not start at LO");
      require(values.back() == sweep::format_number(p.hi), "grid does not end at HI");
    }
  }
  for (double u : {0.0, 0.25, 0.5, 0.999999, 1.0})
    values.push_back(p.value_at(u));
  for (const std::string& value : values) {
    require(!value.empty(), "an empty value");
    if (p.kind == sweep::SweepParam::Kind::range) {
      double x = NAN;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), x);
      require(ec == std::errc() && end == value.data() + value.size(),
              "value '" + value + "' of range '" + p.spec + "' is not a number");
      require(std::isfinite(x) && x >= p.lo && x <= p.hi,
              "value '" + value + "' outside the range '" + p.spec + "'");
    }
  }
}

}  // namespace parley::fuzz
