// --set PATH=VALUE: parsed, applied to the YAML tree before validation, located as --set:N:COL.
#include <gtest/gtest.h>

#include "sim/io/input_error.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley {
namespace {

const std::string kScenario = R"(scenario: overrides
trials: 1000
actors:
  us:
    role: demander
    opening: {dist: lognormal, median: 5900, sigma: 0.15}
    reservation: 1200
    patience: 12
  seoul: {role: payer, opening: 1000, reservation: 1300, patience: 12}
tables:
  seoul: {demander: us, payer: seoul, baseline: 1000, opens: 2019-09, horizon: 2020-12}
shocks:
  covid: {at: 2020-03, p: 0.9}
links: [{from: seoul, to: tokyo, weight: 0.5}]
)";

const std::string kTwoTables =
    R"(  tokyo: {demander: us, payer: seoul, baseline: 1000, opens: 2019-09, horizon: 2020-12}
)";

std::string scenario_with_tokyo() {
  std::string text = kScenario;
  text.insert(text.find("shocks:"), kTwoTables);
  return text;
}

std::vector<std::string> messages(const std::vector<ScalarOverride>& overrides) {
  try {
    load_scenario_text(scenario_with_tokyo(), "s.yaml", overrides);
  } catch (const InputError& e) {
    std::vector<std::string> all;
    for (const Diagnostic& d : e.diagnostics())
      all.push_back(d.str());
    return all;
  }
  return {};
}

TEST(ParseOverride, SplitsAtTheFirstEquals) {
  const ScalarOverride o = parse_override("a.b=5=6");
  EXPECT_EQ(o.path, "a.b");
  EXPECT_EQ(o.value, "5=6");
  EXPECT_EQ(parse_override("x=").value, "");
}

TEST(ParseOverride, RejectsAnArgumentWithoutPathOrEquals) {
  for (const char* bad : {"no_equals", "=5"}) {
    try {
      parse_override(bad);
      ADD_FAILURE() << bad;
    } catch (const InputError& e) {
      EXPECT_EQ(
          e.diagnostics().at(0).str(),
          std::string("--set:0:0: error: expected PATH=VALUE (e.g. shocks.covid.p=0.5), got '") +
              bad + "'");
    }
  }
}

TEST(Override, ReplacesAParameterOfADistribution) {
  const Scenario s =
      load_scenario_text(scenario_with_tokyo(), "s.yaml", {{"actors.us.opening.median", "5000"}});
  EXPECT_DOUBLE_EQ(s.actors[0].param(ActorParam::opening).quantile(0.5), 5000);
}

TEST(Override, ReplacesADistributionByANumberAndScalarsByIndex) {
  const Scenario s = load_scenario_text(scenario_with_tokyo(), "s.yaml",
                                        {{"actors.us.opening", "4000"},
                                         {"links.0.weight", "0.25"},
                                         {"trials", "500"},
                                         {"shocks.covid.p", "0.5"},
                                         {"actors.seoul.reservation", "+3%"}});
  EXPECT_TRUE(s.actors[0].param(ActorParam::opening).is_constant());
  EXPECT_DOUBLE_EQ(s.actors[0].param(ActorParam::opening).mean(), 4000);
  EXPECT_DOUBLE_EQ(s.links.at(0).weight, 0.25);
  EXPECT_EQ(s.trials, 500);
  EXPECT_DOUBLE_EQ(s.shocks[0].p, 0.5);
  EXPECT_DOUBLE_EQ(s.actors[1].param(ActorParam::reservation).mean(), 1030);
}

TEST(Override, ReplacesANumberByADistributionMap) {
  const Scenario s =
      load_scenario_text(scenario_with_tokyo(), "s.yaml",
                         {{"actors.us.reservation", "{dist: uniform, min: 1, max: 3}"}});
  EXPECT_EQ(s.actors[0].param(ActorParam::reservation).family_name(), "uniform");
  EXPECT_DOUBLE_EQ(s.actors[0].param(ActorParam::reservation).mean(), 2);
}

TEST(Override, LaterOverridesOfTheSamePathWin) {
  const Scenario s =
      load_scenario_text(scenario_with_tokyo(), "s.yaml", {{"trials", "5"}, {"trials", "7"}});
  EXPECT_EQ(s.trials, 7);
}

TEST(Override, ValueMistakesAreValidatedLikeTheFileAndLocatedAfterTheEquals) {
  EXPECT_EQ(messages({{"trials", "0"}, {"actors.us.opening.sigma", "-1"}}),
            (std::vector<std::string>{
                "--set:1:8: error: trials: must be an integer in [1, 1000000000000], got 0",
                "--set:2:25: error: actors.us.opening.sigma: must be >= 0, got -1"}));
}

TEST(Override, PathsThatDoNotExistNameTheKeysAvailable) {
  EXPECT_EQ(messages({{"actors.usa.opening", "1"}}),
            (std::vector<std::string>{
                "--set:1:1: error: actors.usa.opening: no 'usa' in 'actors'; did you mean 'us'? "
                "(keys there: us, seoul)"}));
  EXPECT_EQ(messages({{"links.1.weight", "1"}}),
            (std::vector<std::string>{"--set:1:1: error: links.1.weight: no '1' in 'links' "
                                      "(list indices there: 0..0)"}));
  EXPECT_EQ(
      messages({{"seed", "7"}}),
      (std::vector<std::string>{"--set:1:1: error: seed: no 'seed' in the file's top level "
                                "(keys there: scenario, trials, actors, tables, shocks, links)"}));
  EXPECT_EQ(messages({{"a..b", "1"}}),
            (std::vector<std::string>{
                "--set:1:1: error: 'a..b': expected a dotted path like actors.seoul.beta"}));
}

TEST(Override, AnchorsInAValueAreRefused) {
  EXPECT_EQ(
      messages({{"trials", "&a 5"}}),
      (std::vector<std::string>{
          "--set:1:8: error: trials: anchors ('&name') are not supported in scenario files"}));
}

}  // namespace
}  // namespace parley
