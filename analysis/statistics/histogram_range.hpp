#pragma once
// Chooses the histogram bins of one (table, metric): the scenario's range when it gives one,
// otherwise a deterministic range read off the pilot trials (the run's first block, which the
// run keeps). Values outside are never lost: they land in the underflow and overflow counts.
//
//   BinEdges e = choose_bin_edges(scenario, /*table=*/0, Metric::amount, std::nullopt,
//                                 pilot_amounts);
#include <optional>
#include <span>

#include "analysis/statistics/bin_edges.hpp"
#include "sim/model/scenario.hpp"

namespace parley {

// Fine bins per (table, metric, group) that quantiles are read from, at least; the coarse bins
// are cut into equal parts to reach it.
inline constexpr int kQuantileFineBins = 4096;

// `bins_override` is --bins. `pilot_values` are the metric's defined (finite) values among the
// pilot trials, in any order.
BinEdges choose_bin_edges(const Scenario& scenario, int table, Metric metric,
                          std::optional<int> bins_override, std::span<const double> pilot_values);

// The fine axis for quantiles: `edges` cut into enough parts to reach kQuantileFineBins, or,
// for integer-centred edges, into bins of one whole number each.
FineAxis fine_axis_for(const BinEdges& edges);

// Exactly `bins` decimal edges of a "nice" width (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a
// power of ten) that cover [lo, hi], with [lo, hi] centred to a whole step; falls back to uniform
// edges when the numbers are too extreme for exact decimal edges.
BinEdges nice_edges_covering(double lo, double hi, int bins);

}  // namespace parley
