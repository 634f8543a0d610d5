// Good scenarios load with the values written in them; file-level problems are reported at
// FILE:0:0.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <numbers>

#include "sim/io/input_error.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

const std::string kSource = PARLEY_SOURCE_DIR;

std::string only_message(const std::function<void()>& load) {
  try {
    load();
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics().size(), 1u) << e.what();
    return e.diagnostics().front().str();
  }
  ADD_FAILURE() << "no InputError";
  return "";
}

// A small valid scenario, extended by each test.
const std::string kMinimal = R"(scenario: minimal
actors:
  us: {role: demander, opening: 1500, reservation: 1200, patience: 12}
  seoul: {role: payer, opening: "-10%", reservation: "x1.2", patience: 12}
tables:
  seoul: {demander: us, payer: seoul, baseline: 1000, opens: 2019-09, horizon: 2020-12}
)";

// The actors of tests/io/good/example.yaml: families, bounds, constants, defaults and a
// relative amount.
void expect_example_actors(const Scenario& s) {
  const Actor& trump = s.actors[s.find_actor("us_trump")];
  EXPECT_EQ(trump.role, Role::demander);
  EXPECT_EQ(trump.param(ActorParam::opening).family_name(), "lognormal");
  EXPECT_DOUBLE_EQ(trump.param(ActorParam::opening).quantile(0.5), 5900);
  EXPECT_EQ(trump.param(ActorParam::reservation).family_name(), "pert");
  EXPECT_DOUBLE_EQ(trump.param(ActorParam::reservation).support_lower(), 1150);
  EXPECT_DOUBLE_EQ(trump.param(ActorParam::reservation).support_upper(), 2000);
  EXPECT_DOUBLE_EQ(trump.param(ActorParam::beta).support_upper(), 0.6);
  EXPECT_DOUBLE_EQ(trump.param(ActorParam::discount).mean(), 0.95);  // default
  EXPECT_DOUBLE_EQ(trump.param(ActorParam::power).mean(), 0.5);      // default

  const Actor& biden = s.actors[s.find_actor("us_biden")];
  EXPECT_TRUE(biden.param(ActorParam::beta).is_constant());
  EXPECT_DOUBLE_EQ(biden.param(ActorParam::beta).mean(), 1.5);
  EXPECT_DOUBLE_EQ(biden.param(ActorParam::patience).mean(), 4);

  // Seoul's opening is relative: normal(1.04, 0.015) x baseline 1038.9.
  const Actor& seoul = s.actors[s.find_actor("seoul")];
  EXPECT_EQ(seoul.role, Role::payer);
  EXPECT_NEAR(seoul.param(ActorParam::opening).mean(), 1.04 * 1038.9, 1e-9);
  EXPECT_NEAR(std::sqrt(seoul.param(ActorParam::opening).variance()), 0.015 * 1038.9, 1e-9);
}

// Its one table, with its deadline policy and escalation.
void expect_example_table(const Scenario& s) {
  const Table& t = s.tables[0];
  EXPECT_EQ(t.name, "seoul");
  EXPECT_EQ(s.actors[t.demander].name, "us_trump");
  EXPECT_EQ(s.actors[t.payer].name, "seoul");
  EXPECT_EQ(t.currency, "KRW_bn");
  EXPECT_DOUBLE_EQ(t.baseline, 1038.9);
  EXPECT_EQ(t.opens, YearMonth::of(2019, 9));
  EXPECT_EQ(t.deadline, YearMonth::of(2019, 12));
  EXPECT_EQ(t.horizon, YearMonth::of(2021, 12));
  EXPECT_EQ(t.protocol, Protocol::alternating);
  EXPECT_EQ(t.first, FirstProposer::demander);
  EXPECT_DOUBLE_EQ(t.stall_p, 0.1);
  EXPECT_DOUBLE_EQ(t.on_deadline.extend_p, 0.2);
  EXPECT_DOUBLE_EQ(t.on_deadline.extend_amount.value(), 1038.9);
  EXPECT_EQ(t.on_deadline.extend_years, 1);
  ASSERT_EQ(t.on_deadline.lapse_effects.size(), 1u);
  EXPECT_EQ(t.on_deadline.lapse_effects[0].kind, Effect::Kind::scale);
  EXPECT_EQ(t.on_deadline.lapse_effects[0].param, ActorParam::reservation);
  EXPECT_DOUBLE_EQ(t.on_deadline.lapse_effects[0].value.mean(), 1.02);
  EXPECT_EQ(t.years, 5);
  EXPECT_DOUBLE_EQ(t.escalation.rate.mean(), 0.06);
  EXPECT_DOUBLE_EQ(t.escalation.floor, 0.0);
  EXPECT_DOUBLE_EQ(t.escalation.cap, 0.10);
}

// Its shocks: an election that replaces an actor, a sure one and a conditioned window.
void expect_example_shocks(const Scenario& s) {
  const Shock& election = s.shocks[0];
  EXPECT_EQ(election.name, "us_election_2020");
  EXPECT_EQ(election.timing, ShockTiming::at);
  EXPECT_EQ(election.at, YearMonth::of(2020, 11));
  ASSERT_EQ(election.outcomes.size(), 2u);
  EXPECT_EQ(election.outcomes[0].name, "trump");
  EXPECT_DOUBLE_EQ(election.outcomes[0].p, 0.45);
  EXPECT_TRUE(election.outcomes[0].effects.empty());
  ASSERT_EQ(election.outcomes[1].effects.size(), 1u);
  const Effect& replace = election.outcomes[1].effects[0];
  EXPECT_EQ(replace.kind, Effect::Kind::replace);
  EXPECT_EQ(s.actors[replace.actor].name, "us_trump");
  EXPECT_EQ(s.actors[replace.replacement].name, "us_biden");
  EXPECT_TRUE(replace.tables.empty());

  const Shock& covid = s.shocks[1];
  EXPECT_DOUBLE_EQ(covid.p, 0.9);
  ASSERT_EQ(covid.outcomes.size(), 1u);
  EXPECT_EQ(covid.outcomes[0].name, "happened");
  EXPECT_DOUBLE_EQ(covid.outcomes[0].p, 1.0);

  const Shock& tariff = s.shocks[2];
  EXPECT_EQ(tariff.timing, ShockTiming::window);
  EXPECT_EQ(tariff.window_first, YearMonth::of(2021, 1));
  EXPECT_EQ(tariff.window_last, YearMonth::of(2021, 10));
  ASSERT_EQ(tariff.when.size(), 1u);
  EXPECT_EQ(tariff.when[0].shock, 0);
  EXPECT_EQ(tariff.when[0].outcomes, std::vector<int>{0});
  ASSERT_EQ(tariff.outcomes[0].effects.size(), 2u);
  EXPECT_EQ(tariff.outcomes[0].effects[0].value.family_name(), "uniform");
  EXPECT_EQ(s.actors[tariff.outcomes[0].effects[1].actor].name, "us_trump");
  EXPECT_EQ(tariff.outcomes[0].effects[1].param, ActorParam::beta);
}

TEST(Loader, ExampleCopyLoadsWithTheWrittenValues) {
  const Scenario s = load_scenario_file(kSource + "/tests/io/good/example.yaml");
  EXPECT_EQ(s.name, "korea_sma11_example");
  EXPECT_EQ(s.trials, 100000);
  EXPECT_EQ(s.seed, 2019u);
  ASSERT_EQ(s.actors.size(), 3u);
  ASSERT_EQ(s.tables.size(), 1u);
  ASSERT_EQ(s.shocks.size(), 3u);

  expect_example_actors(s);
  expect_example_table(s);
  expect_example_shocks(s);

  EXPECT_TRUE(s.links.empty());
  EXPECT_TRUE(s.correlations.params.empty());
  EXPECT_EQ(s.outputs.metrics.size(), 4u);
  EXPECT_EQ(s.outputs.group_by, std::vector<int>{0});
  for (const HistogramSpec& h : s.outputs.histogram) {
    EXPECT_EQ(h.bins, 60);
    EXPECT_FALSE(h.min.has_value());
  }
}

// The example scenario of the original v1 specification (the model is docs/model.md), kept
// beside this test.
TEST(Loader, SpecExampleValidates) {
  EXPECT_NO_THROW(load_scenario_file(kSource + "/tests/io/spec_example.yaml"));
}

TEST(Loader, EveryShippedScenarioValidates) {
  int count = 0;
  for (const auto& entry : fs::directory_iterator(kSource + "/scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    ++count;
    try {
      load_scenario_file(entry.path().string());
    } catch (const InputError& e) {
      ADD_FAILURE() << e.what();
    }
  }
  RecordProperty("scenarios", count);
  // The library holds 20 scenarios: fewer means the folder was not found or files went missing.
  EXPECT_GE(count, 20);
}

TEST(Loader, RelativeAmountsAreMultipliedByTheBaseline) {
  const Scenario s = load_scenario_text(kMinimal, "minimal.yaml");
  const Actor& seoul = s.actors[1];
  EXPECT_DOUBLE_EQ(seoul.param(ActorParam::opening).mean(), 900);
  EXPECT_DOUBLE_EQ(seoul.param(ActorParam::reservation).mean(), 1200);
  EXPECT_EQ(s.tables[0].deadline, s.tables[0].horizon);  // deadline defaults to the horizon
}

TEST(Loader, AmountsAndPatienceAreTruncatedAtZero) {
  const Scenario s =
      load_scenario_text(kMinimal + R"(correlations:
  - {a: us.opening, b: us.patience, rho: 0.3}
)",
                         "x.yaml",
                         {{"actors.us.opening", "{dist: normal, mean: 1, sd: 2}"},
                          {"actors.us.patience", "{dist: uniform, min: -5, max: 5}"}});
  EXPECT_DOUBLE_EQ(s.actors[0].param(ActorParam::opening).support_lower(), 0);
  EXPECT_DOUBLE_EQ(s.actors[0].param(ActorParam::patience).support_lower(), 0);
  EXPECT_NEAR(s.actors[0].param(ActorParam::patience).mean(), 2.5, 1e-9);
  ASSERT_EQ(s.correlations.params.size(), 2u);
  const double normal = 2 * std::sin(std::numbers::pi * 0.3 / 6);
  EXPECT_DOUBLE_EQ(s.correlations.rank_correlation(0, 1), 0.3);
  EXPECT_DOUBLE_EQ(s.correlations.normal_correlation(1, 0), normal);
  EXPECT_DOUBLE_EQ(s.correlations.normal_correlation(1, 1), 1);
}

TEST(Loader, CorrelationMatrixAndPairsMergeInOrderOfFirstAppearance) {
  const Scenario s =
      load_scenario_text(kMinimal + R"(correlations:
  - {a: seoul.opening, b: us.opening, rho: -0.2}
  - params: [us.opening, us.reservation, us.patience]
    matrix: [[1, 0.5, 0.1], [0.5, 1, 0], [0.1, 0, 1]]
)",
                         "x.yaml",
                         {{"actors.us.opening", "{dist: uniform, min: 1400, max: 1600}"},
                          {"actors.us.reservation", "{dist: uniform, min: 1100, max: 1300}"},
                          {"actors.us.patience", "{dist: uniform, min: 6, max: 18}"},
                          {"actors.seoul.opening", "{dist: normal, mean: 900, sd: 10}"}});
  const Correlations& c = s.correlations;
  ASSERT_EQ(c.params.size(), 4u);
  EXPECT_EQ(c.params[0], (ParamRef{1, ActorParam::opening}));
  EXPECT_EQ(c.params[1], (ParamRef{0, ActorParam::opening}));
  EXPECT_EQ(c.params[2], (ParamRef{0, ActorParam::reservation}));
  EXPECT_EQ(c.params[3], (ParamRef{0, ActorParam::patience}));
  EXPECT_DOUBLE_EQ(c.rank_correlation(0, 1), -0.2);
  EXPECT_DOUBLE_EQ(c.rank_correlation(1, 2), 0.5);
  EXPECT_DOUBLE_EQ(c.rank_correlation(3, 1), 0.1);
  EXPECT_DOUBLE_EQ(c.rank_correlation(0, 3), 0);  // unspecified pair
}

TEST(Loader, MissingFileDirectoryAndEmptyTextAreFileLevelErrors) {
  EXPECT_EQ(only_message([] { load_scenario_file("/nonexistent/s.yaml"); }),
            "/nonexistent/s.yaml:0:0: error: cannot read the scenario: no such file");
  const std::string dir = kSource + "/tests/io";
  EXPECT_EQ(only_message([&] { load_scenario_file(dir); }),
            dir + ":0:0: error: cannot read the scenario: this is a directory, not a file");
  EXPECT_EQ(only_message([] { load_scenario_text("", "empty.yaml"); }),
            "empty.yaml:0:0: error: the file holds no scenario (it is empty or only comments); "
            "expected a map with at least 'scenario', 'actors' and 'tables'");
  EXPECT_EQ(only_message([] { load_scenario_text("\n\n   \n", "blank.yaml"); }),
            "blank.yaml:0:0: error: the file holds no scenario (it is empty or only comments); "
            "expected a map with at least 'scenario', 'actors' and 'tables'");
}

TEST(Loader, OversizedTextIsRefusedBeforeParsing) {
  const std::string huge(17u << 20, ' ');
  EXPECT_EQ(only_message([&] { load_scenario_text(huge, "big.yaml"); }),
            "big.yaml:0:0: error: the file is larger than 16 MiB; a scenario is a few kilobytes");
}

TEST(Loader, UnreadableFileIsReported) {
  const fs::path file = fs::temp_directory_path() / "parley_unreadable.yaml";
  std::ofstream(file) << kMinimal;
  fs::permissions(file, fs::perms::none);
  if (std::ifstream(file)) {
    fs::remove(file);
    GTEST_SKIP() << "running as a user who can read anything (root)";
  }
  EXPECT_EQ(only_message([&] { load_scenario_file(file.string()); }),
            file.string() + ":0:0: error: cannot read the scenario: Permission denied");
  fs::remove(file);
}

TEST(Loader, AllErrorsOfSeveralSectionsAreReportedTogetherInFileOrder) {
  try {
    load_scenario_text(kMinimal + "links: [{from: seoul, to: tokio, weight: 2}]\n", "m.yaml",
                       {{"actors.us.patience", "0"}});
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 3u) << e.what();
    EXPECT_EQ(e.diagnostics()[0].str(),
              "--set:1:20: error: actors.us.patience: must be > 0, got 0");
    EXPECT_EQ(e.diagnostics()[1].str(),
              "m.yaml:7:27: error: links.0.to: unknown table 'tokio' (defined: seoul)");
    EXPECT_EQ(e.diagnostics()[2].str(),
              "m.yaml:7:42: error: links.0.weight: must be in [0, 1], got 2");
  }
}

}  // namespace
}  // namespace parley
