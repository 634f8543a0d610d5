// scalar_fields(): every scalar `--set` can reach, with the rule the validator applies there.
#include "sim/io/scalar_fields.hpp"

#include <gtest/gtest.h>

#include <map>

namespace parley {
namespace {

constexpr const char* kYaml = R"(scenario: small
actors:
  us: {role: demander, opening: {dist: normal, mean: 300, sd: 20}, reservation: 150,
       beta: 0.5, patience: 12}
  host: {role: payer, opening: "+2%",
         reservation: {dist: pert, min: 105, mode: 120, max: 140, lambda: 4}, patience: 6,
         beta: {dist: discrete, values: [0.5, 1], weights: [1, 3]}}
tables:
  talks: {demander: us, payer: host, baseline: 100, opens: 2024-01, horizon: 2025-12,
          stall_p: 0.1, years: 5, on_deadline: {extend_p: 0.2}}
shocks:
  vote: {at: 2024-06, outcomes: {a: {p: 0.5}, b: {p: 0.5, effects: [{target: us.beta, scale: 2}]}}}
links: []
)";

std::map<std::string, ScalarField> by_path(const std::vector<ScalarField>& fields) {
  std::map<std::string, ScalarField> out;
  for (const ScalarField& f : fields)
    out[f.path] = f;
  return out;
}

TEST(ScalarFields, ListsEveryScalarInFileOrderWithItsValue) {
  const std::vector<ScalarField> fields = scalar_fields(kYaml, "small.yaml");
  ASSERT_FALSE(fields.empty());
  EXPECT_EQ(fields.front().path, "scenario");
  EXPECT_EQ(fields.back().path, "shocks.vote.outcomes.b.effects.0.scale");
  const auto f = by_path(fields);
  EXPECT_EQ(f.at("actors.us.opening.mean").value, "300");
  EXPECT_EQ(f.at("actors.us.opening.mean").where.line, 3);
  EXPECT_TRUE(f.at("actors.host.opening").quoted);
  EXPECT_EQ(f.size(), fields.size());  // paths are unique
}

TEST(ScalarFields, RangesAreThoseTheValidatorChecks) {
  const auto f = by_path(scalar_fields(kYaml, "small.yaml"));
  const Range stall = f.at("tables.talks.stall_p").rule.range;
  EXPECT_EQ(f.at("tables.talks.stall_p").rule.kind, FieldRule::Kind::number);
  EXPECT_EQ(stall.str(), "in [0, 1]");
  EXPECT_EQ(f.at("tables.talks.on_deadline.extend_p").rule.range.str(), "in [0, 1]");
  EXPECT_EQ(f.at("tables.talks.baseline").rule.range.str(), "> 0");
  EXPECT_EQ(f.at("actors.us.beta").rule.range.str(), "> 0");              // constant actor param
  EXPECT_EQ(f.at("actors.us.reservation").rule.range.str(), ">= 0");      // an amount
  EXPECT_EQ(f.at("actors.us.opening.sd").rule.range.str(), ">= 0");       // Distribution factory
  EXPECT_EQ(f.at("actors.us.opening.mean").rule.range.str(), ">= -inf");  // unbounded
  EXPECT_EQ(f.at("actors.host.reservation.lambda").rule.range.str(), "> 0");
  EXPECT_EQ(f.at("actors.host.beta.weights.1").rule.range.str(), ">= 0");  // each weight
  EXPECT_EQ(f.at("actors.host.beta.values.0").rule.range.str(), ">= -inf");
  EXPECT_EQ(f.at("shocks.vote.outcomes.a.p").rule.range.str(), "in [0, 1]");
  EXPECT_EQ(f.at("shocks.vote.outcomes.b.effects.0.scale").rule.range.str(), ">= 0");
  const FieldRule years = f.at("tables.talks.years").rule;
  EXPECT_EQ(years.kind, FieldRule::Kind::integer);
  EXPECT_EQ(years.range.str(), "in [1, 1000]");
  EXPECT_EQ(f.at("tables.talks.opens").rule.kind, FieldRule::Kind::month);
  EXPECT_EQ(f.at("actors.us.role").rule.options, (std::vector<std::string>{"demander", "payer"}));
  EXPECT_EQ(f.at("tables.talks.demander").rule.options, (std::vector<std::string>{"us", "host"}));
  EXPECT_EQ(f.at("actors.host.opening").rule.kind, FieldRule::Kind::text);  // relative amount
}

TEST(ScalarFields, AFileWithMistakesStillGivesItsFields) {
  const std::string bad = std::string(kYaml) + "trials: lots\n";
  const auto f = by_path(scalar_fields(bad, "bad.yaml"));
  EXPECT_EQ(f.at("trials").rule.kind, FieldRule::Kind::integer);
  EXPECT_EQ(f.at("tables.talks.stall_p").rule.range.str(), "in [0, 1]");
}

TEST(ScalarFields, TextThatIsNotAMapIsAnInputError) {
  EXPECT_THROW(scalar_fields("- a\n- b\n", "list.yaml"), InputError);
  EXPECT_THROW(scalar_fields("a: [\n", "broken.yaml"), InputError);
}

}  // namespace
}  // namespace parley
