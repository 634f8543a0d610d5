// The trace sink sees a trial as it happens, and a traced trial gives run_trial's result.
#include "sim/engine/trace.hpp"

#include <gtest/gtest.h>

#include "sample_scenarios.hpp"
#include "sim/engine/simulator.hpp"
#include "trial_helpers.hpp"

namespace parley {
namespace {

using namespace parley::testing;

struct Recorder : TraceSink {
  std::vector<TableResult> finished;
  std::vector<ProposalEvent> proposals;
  std::vector<int> fired;
  int stalls = 0, deadlines = 0, drawn_actors = 0, drawn_shocks = 0;
  void actor_drawn(int, const ActorParams&) override { ++drawn_actors; }
  void shock_drawn(int, const ShockRealisation&) override { ++drawn_shocks; }
  void shock_fired(YearMonth, int shock, int) override { fired.push_back(shock); }
  void deadline_passed(YearMonth, int, int, bool) override { ++deadlines; }
  void round_stalled(YearMonth, int, int) override { ++stalls; }
  void proposal(const ProposalEvent& e) override { proposals.push_back(e); }
  void table_finished(YearMonth, int, const TableResult& r) override { finished.push_back(r); }
};

TEST(Trace, TracedTrialEqualsRunTrial) {
  const Simulator sim(sma11_like_scenario());
  TrialResult plain = TrialResult::for_scenario(sim.scenario());
  TrialResult traced = plain;
  int stalls = 0, proposals = 0;
  for (int trial = 0; trial < 500; ++trial) {
    sim.run_trial(12, trial, plain);
    Recorder rec;
    sim.run_trial(12, trial, traced, &rec);
    ASSERT_TRUE(same_bits(plain, traced)) << trial;
    ASSERT_EQ(rec.finished.size(), 1u);
    ASSERT_TRUE(same_bits(rec.finished[0], plain.tables[0])) << trial;
    EXPECT_EQ(rec.drawn_actors, 3);
    EXPECT_EQ(rec.drawn_shocks, 3);
    stalls += rec.stalls;
    proposals += static_cast<int>(rec.proposals.size());
    // Every proposal but the last is refused; the last is accepted iff the table agreed.
    for (std::size_t i = 0; i + 1 < rec.proposals.size(); ++i)
      ASSERT_FALSE(rec.proposals[i].accepted);
    if (plain.tables[0].outcome == Outcome::agreed) {
      ASSERT_TRUE(rec.proposals.back().accepted);
      EXPECT_EQ(rec.proposals.back().offer, plain.tables[0].amount);
      EXPECT_EQ(rec.proposals.back().round, plain.tables[0].month);
    }
    for (const ProposalEvent& e : rec.proposals)
      EXPECT_EQ(e.proposer == Role::demander, e.round % 2 == 0);
  }
  // stall_p = 0.1: about a tenth of the rounds stall.
  const double share = static_cast<double>(stalls) / (stalls + proposals);
  EXPECT_NEAR(share, 0.1, 0.02);
}

}  // namespace
}  // namespace parley
