// The bounds of actor parameters: normalise() enforces each rule of docs/model.md v1.3, and
// normalise_changed() (used after effects and links) gives bitwise the same parameters as
// normalise() whenever one parameter of normalised ones changed.
#include "sim/engine/parameter_bounds.hpp"

#include <gtest/gtest.h>

#include <random>

namespace parley {
namespace {

TEST(ParameterBounds, NormaliseEnforcesEachRule) {
  ActorParams p{};
  p[param_index(ActorParam::opening)] = 1000;
  p[param_index(ActorParam::reservation)] = 1200;  // a demander asking less than it accepts
  p[param_index(ActorParam::beta)] = -1;
  p[param_index(ActorParam::patience)] = -5;
  p[param_index(ActorParam::discount)] = 1.5;
  p[param_index(ActorParam::power)] = -0.25;
  ActorParams payer = p;
  normalise(p, Role::demander);
  EXPECT_EQ(p[param_index(ActorParam::reservation)], 1000);
  EXPECT_EQ(p[param_index(ActorParam::beta)], 1e-9);
  EXPECT_EQ(p[param_index(ActorParam::patience)], 0);
  EXPECT_EQ(p[param_index(ActorParam::discount)], 1.0 - 1e-12);
  EXPECT_EQ(p[param_index(ActorParam::power)], 0);
  // A payer offering 1000 and accepting up to 1200 concedes in the right direction: unchanged.
  normalise(payer, Role::payer);
  EXPECT_EQ(payer[param_index(ActorParam::reservation)], 1200);
  EXPECT_EQ(payer[param_index(ActorParam::power)], 0);
}

// Fixed seed; values on both sides of every bound, and exactly on them.
TEST(ParameterBounds, ChangingOneParameterNormalisesLikeTheWholeSet) {
  std::mt19937_64 rng(20261123);
  std::uniform_real_distribution<double> wide(-2, 3);
  const auto value = [&] {
    switch (rng() % 5) {
      case 0:
        return 0.0;
      case 1:
        return 1.0;
      case 2:
        return 1e-9;
      default:
        return wide(rng);
    }
  };
  int changed_by_rules = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    const Role role = trial % 2 == 0 ? Role::demander : Role::payer;
    ActorParams p{};
    for (double& x : p)
      x = value();
    normalise(p, role);
    const auto param = static_cast<ActorParam>(rng() % kActorParamCount);
    p[param_index(param)] = value();
    ActorParams whole = p, one = p;
    normalise(whole, role);
    normalise_changed(one, role, param);
    ASSERT_EQ(whole, one) << "trial " << trial << ", changed " << to_string(param);
    changed_by_rules += whole != p;
  }
  // The draws exercise the rules, not only values already inside the bounds.
  EXPECT_GT(changed_by_rules, 2000);
}

}  // namespace
}  // namespace parley
