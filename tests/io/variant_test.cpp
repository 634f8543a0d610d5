// `variants:`: named what-ifs read into Scenario::variants, applied like --set, checked with
// every mistake located at the variant's line.
#include <gtest/gtest.h>

#include "sim/io/input_error.hpp"
#include "sim/io/scenario_loader.hpp"
#include "sim/io/yaml_tree.hpp"

namespace parley {
namespace {

const std::string kBase = R"(scenario: variants
trials: 1000
actors:
  us: {role: demander, opening: 2000, reservation: 1200, patience: 12}
  seoul: {role: payer, opening: 1000, reservation: 1300, patience: 12}
tables:
  seoul: {demander: us, payer: seoul, baseline: 1000, opens: 2019-09, horizon: 2020-12}
shocks:
  election:
    at: 2020-03
    outcomes:
      a: {p: 0.5}
      b: {p: 0.5}
)";

std::vector<std::string> variant_messages(const std::string& variants) {
  try {
    load_scenario_text(kBase + variants, "v.yaml");
  } catch (const InputError& e) {
    std::vector<std::string> all;
    for (const Diagnostic& d : e.diagnostics())
      all.push_back(d.str());
    return all;
  }
  return {};
}

TEST(Variants, AreReadAsPlainDataInFileOrder) {
  const Scenario s = load_scenario_text(kBase + R"(variants:
  b_wins:
    description: B certainly wins.
    set:
      shocks.election.outcomes.a.p: 0
      shocks.election.outcomes.b.p: 1
  soft:
    set: {actors.us.opening: {dist: normal, mean: 1500, sd: 10}, tables.seoul.opens: "2019-10"}
)",
                                        "v.yaml");
  ASSERT_EQ(s.variants.size(), 2u);
  EXPECT_EQ(s.variants[0].name, "b_wins");
  EXPECT_EQ(s.variants[0].description, "B certainly wins.");
  ASSERT_EQ(s.variants[0].set.size(), 2u);
  EXPECT_EQ(s.variants[0].set[0].path, "shocks.election.outcomes.a.p");
  EXPECT_EQ(s.variants[0].set[0].value, "0");
  EXPECT_EQ(s.variants[1].name, "soft");
  EXPECT_EQ(s.variants[1].set[0].value, "{dist: normal, mean: 1500, sd: 10}");
  EXPECT_EQ(s.variants[1].set[1].value, "\"2019-10\"");  // a quoted string stays a string
  EXPECT_EQ(s.find_variant("soft"), 1);
  EXPECT_EQ(s.find_variant("hard"), -1);
  // The baseline is the file as written.
  EXPECT_DOUBLE_EQ(s.shocks[0].outcomes[0].p, 0.5);
}

TEST(Variants, ApplyTheirSettingsAfterTheOverrides) {
  const std::string text = kBase + R"(variants:
  b_wins:
    set:
      shocks.election.outcomes.a.p: 0
      shocks.election.outcomes.b.p: 1
)";
  const Scenario v =
      load_variant_text(text, "v.yaml", "b_wins", {{"tables.seoul.baseline", "900"}});
  EXPECT_DOUBLE_EQ(v.shocks[0].outcomes[0].p, 0.0);
  EXPECT_DOUBLE_EQ(v.shocks[0].outcomes[1].p, 1.0);
  EXPECT_DOUBLE_EQ(v.tables[0].baseline, 900.0);  // the override applies to every run
  // Setting the same path as an override: the variant wins.
  const Scenario w =
      load_variant_text(text, "v.yaml", "b_wins", {{"shocks.election.outcomes.b.p", "0.5"}});
  EXPECT_DOUBLE_EQ(w.shocks[0].outcomes[1].p, 1.0);
}

TEST(Variants, SettingTheSameValueGivesTheSameScenario) {
  const std::string text = kBase + R"(variants:
  same: {set: {shocks.election.outcomes.a.p: 0.5}}
)";
  const Scenario base = load_scenario_text(text, "v.yaml");
  const Scenario same = load_variant_text(text, "v.yaml", "same");
  EXPECT_EQ(same.shocks[0].outcomes[0].p, base.shocks[0].outcomes[0].p);
  EXPECT_EQ(same.variants.size(), 1u);
}

TEST(Variants, AnUnknownVariantNamesTheKnownOnes) {
  const std::string text = kBase + "variants:\n  b_wins: {set: {shocks.election.at: 2020-04}}\n";
  try {
    load_variant_text(text, "v.yaml", "b_win");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics().at(0).str(),
              "v.yaml:0:0: error: variants: no variant 'b_win'; did you mean 'b_wins'? "
              "(variants: b_wins)");
  }
}

TEST(Variants, AMistakeInAValueIsReportedAtTheVariantsLine) {
  const auto found =
      variant_messages("variants:\n  bad:\n    set:\n      tables.seoul.baseline: -5\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(
      found[0].rfind("v.yaml:17:30: error: variants.bad: tables.seoul.baseline: must be > 0", 0),
      0u)
      << found[0];
}

TEST(Variants, AMistakeElsewhereCausedByTheVariantIsReportedAtItsName) {
  // a and b no longer sum to 1: the check points at the outcomes, outside the variant.
  const auto found =
      variant_messages("variants:\n  lopsided:\n    set: {shocks.election.outcomes.a.p: 0.9}\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rfind("v.yaml:15:3: error: variants.lopsided: shocks.election.outcomes", 0),
            0u)
      << found[0];
}

TEST(Variants, ABadPathNamesTheKeysThere) {
  EXPECT_EQ(variant_messages("variants:\n  typo:\n    set: {shocks.electoin.p: 1}\n"),
            std::vector<std::string>{
                "v.yaml:16:11: error: variants.typo.set.shocks.electoin.p: no 'electoin' in "
                "'shocks'; did you mean 'election'? (keys there: election)"});
}

TEST(Variants, MayNotChangeTrialsSeedNameOrVariants) {
  const auto found = variant_messages(
      "variants:\n  v:\n    set:\n      seed: 3\n      trials: 10\n      scenario: x\n"
      "      variants.v.set: {}\n");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_NE(found[0].find("v.yaml:17:7: error: variants.v.set.seed: a variant may not change "
                          "'seed'"),
            std::string::npos)
      << found[0];
}

TEST(Variants, StructureIsChecked) {
  EXPECT_EQ(variant_messages("variants:\n  baseline: {set: {shocks.election.at: 2020-04}}\n"),
            std::vector<std::string>{"v.yaml:15:3: error: variants.baseline: 'baseline' names "
                                     "the scenario as written; choose another variant name"});
  EXPECT_EQ(variant_messages("variants:\n  empty: {set: {}}\n"),
            std::vector<std::string>{"v.yaml:15:16: error: variants.empty.set: expected a map of "
                                     "settings PATH: VALUE (e.g. shocks.covid.p: 0.5), got an "
                                     "empty map"});
  const auto unknown = variant_messages("variants:\n  v: {sett: {shocks.election.at: 2020-04}}\n");
  ASSERT_FALSE(unknown.empty());
  bool suggested = false;
  for (const std::string& m : unknown)
    suggested = suggested ||
                m.find("variants.v.sett: unknown key; did you mean 'set'?") != std::string::npos;
  EXPECT_TRUE(suggested) << unknown[0];
}

TEST(FlowYaml, ReadsBackAsTheSameValues) {
  Diagnostics found;
  const auto node = parse_yaml(
      "{a: -.inf, b: \"x, y\", c: [1, \"2\", -3], d: 'it''s', e: plain text, f: ~, g: +4%}",
      {"t", 1, 1}, found);
  ASSERT_TRUE(node);
  const std::string flow = to_flow_yaml(*node);
  EXPECT_EQ(
      flow,
      "{a: -.inf, b: \"x, y\", c: [1, \"2\", -3], d: \"it's\", e: plain text, f: null, g: +4%}");
  const auto again = parse_yaml(flow, {"t", 1, 1}, found);
  ASSERT_TRUE(again);
  EXPECT_EQ(to_flow_yaml(*again), flow);
  EXPECT_TRUE(found.empty());
}

}  // namespace
}  // namespace parley
