// v2 look-ahead keys: an actor's `lookahead`, the master switch `lookahead.enabled` and its
// `--set` override, which is valid for every file (the backtest's v1 column relies on it).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sim/io/input_error.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

const std::string kLookaheadScenario = R"(scenario: lookahead_keys
actors:
  us: {role: demander, opening: 1500, reservation: 1200, patience: 12}
  seoul:
    role: payer
    opening: 1000
    reservation: 1300
    patience: 12
    lookahead: {lead: 18, threshold: 0.05}
  tokyo: {role: payer, opening: 1000, reservation: 1300, patience: 12, lookahead: true}
tables:
  seoul: {demander: us, payer: seoul, baseline: 1000, opens: 2019-09, horizon: 2020-12}
  tokyo: {demander: us, payer: tokyo, baseline: 1000, opens: 2019-09, horizon: 2020-12}
)";

const Actor& actor(const Scenario& s, const char* name) {
  return s.actors.at(static_cast<std::size_t>(s.find_actor(name)));
}

std::vector<std::string> messages(const std::string& text,
                                  const std::vector<ScalarOverride>& overrides = {}) {
  try {
    load_scenario_text(text, "s.yaml", overrides);
  } catch (const InputError& e) {
    std::vector<std::string> all;
    for (const Diagnostic& d : e.diagnostics())
      all.push_back(d.str());
    return all;
  }
  return {};
}

TEST(LookaheadKeys, ActorKeysTurnItOnWithTheirValuesOrDefaults) {
  const Scenario s = load_scenario_text(kLookaheadScenario, "s.yaml");
  EXPECT_TRUE(s.lookahead_enabled);
  EXPECT_TRUE(s.any_lookahead());
  EXPECT_FALSE(actor(s, "us").lookahead.enabled);
  EXPECT_TRUE(actor(s, "seoul").lookahead.enabled);
  EXPECT_EQ(actor(s, "seoul").lookahead.lead, 18);
  EXPECT_EQ(actor(s, "seoul").lookahead.threshold, 0.05);
  EXPECT_TRUE(actor(s, "tokyo").lookahead.enabled);
  EXPECT_EQ(actor(s, "tokyo").lookahead.lead, Lookahead::kNoLeadLimit);
  EXPECT_EQ(actor(s, "tokyo").lookahead.threshold, 0.02);
}

TEST(LookaheadKeys, FalseAndEnabledFalseLeaveTheActorBlind) {
  const Scenario s = load_scenario_text(kLookaheadScenario, "s.yaml",
                                        {{"actors.tokyo.lookahead", "false"},
                                         {"actors.seoul.lookahead", "{enabled: false, lead: 18}"}});
  EXPECT_FALSE(s.any_lookahead());
  EXPECT_TRUE(s.lookahead_enabled);
}

TEST(LookaheadKeys, MasterSwitchOverrideWorksWithAndWithoutABlock) {
  const Scenario off =
      load_scenario_text(kLookaheadScenario, "s.yaml", {{"lookahead.enabled", "false"}});
  EXPECT_FALSE(off.lookahead_enabled);
  EXPECT_FALSE(off.any_lookahead());
  const Scenario on =
      load_scenario_text(kLookaheadScenario, "s.yaml", {{"lookahead.enabled", "true"}});
  EXPECT_TRUE(on.any_lookahead());

  const std::string with_block = kLookaheadScenario + "lookahead: {enabled: false}\n";
  EXPECT_FALSE(load_scenario_text(with_block, "s.yaml").any_lookahead());
  EXPECT_TRUE(
      load_scenario_text(with_block, "s.yaml", {{"lookahead.enabled", "true"}}).any_lookahead());
  const std::string empty_block = kLookaheadScenario + "lookahead:\n";
  EXPECT_FALSE(
      load_scenario_text(empty_block, "s.yaml", {{"lookahead.enabled", "false"}}).any_lookahead());
}

TEST(LookaheadKeys, EveryShippedScenarioAcceptsTheMasterSwitch) {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(PARLEY_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    const Scenario s = load_scenario_file(entry.path().string(), {{"lookahead.enabled", "false"}});
    EXPECT_FALSE(s.any_lookahead()) << entry.path();
    ++files;
  }
  EXPECT_GT(files, 0);
}

TEST(LookaheadKeys, MistakesAreLocatedAndNamed) {
  std::string text = kLookaheadScenario;
  text.replace(text.find("{lead: 18, threshold: 0.05}"), 27, "{lead: 0, threshold: 1, ahead: 3}");
  text.replace(text.find("lookahead: true"), 15, "lookahead: yes");
  text += "lookahead: {enabled: 2, actors: all}\n";
  EXPECT_EQ(
      messages(text),
      (std::vector<std::string>{
          "s.yaml:9:23: error: actors.seoul.lookahead.lead: must be an integer in [1, 1200], "
          "got 0",
          "s.yaml:9:37: error: actors.seoul.lookahead.threshold: must be in [0, 1), got 1",
          "s.yaml:9:40: error: actors.seoul.lookahead.ahead: unknown key; did you mean 'lead'?",
          "s.yaml:10:83: error: actors.tokyo.lookahead: expected true or false, got 'yes'",
          "s.yaml:14:22: error: lookahead.enabled: expected true or false, got '2'",
          "s.yaml:14:25: error: lookahead.actors: unknown key (expected one of enabled)",
      }));
}

TEST(LookaheadKeys, MasterSwitchOverrideValueIsValidated) {
  EXPECT_EQ(messages(kLookaheadScenario, {{"lookahead.enabled", "sometimes"}}),
            (std::vector<std::string>{
                "--set:1:19: error: lookahead.enabled: expected true or false, got 'sometimes'"}));
  EXPECT_EQ(messages(kLookaheadScenario, {{"lookahead.lead", "3"}}),
            (std::vector<std::string>{"--set:1:1: error: lookahead.lead: no 'lookahead' in the "
                                      "file's top level (keys there: scenario, actors, tables)"}));
}

}  // namespace
}  // namespace parley
