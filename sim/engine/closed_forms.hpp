#pragma once
// The closed-form protocols (docs/model.md v1.6), settled in the table's first round: nash (the
// demander gets its bargaining power's share of the zone of agreement r_P - r_D) and rubinstein
// (the subgame- perfect split of alternating offers with discount factors). No zone (r_P < r_D): no
// deal.
//
//   settle_closed_form(t, table, month);  // the table is done afterwards
#include "sim/engine/trial.hpp"

namespace parley {

// The agreed amount under `protocol` (nash or rubinstein) given both sides' parameters, when the
// zone of agreement r_P - r_D is not negative.
double closed_form_amount(Protocol protocol, FirstProposer first, const ActorParams& demander,
                          const ActorParams& payer);

void settle_closed_form(Trial& t, int table, int month);

}  // namespace parley
