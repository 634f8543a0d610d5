#pragma once
// Histogram bin edges and the fine axis that quantiles are read from.
//
//   BinEdges edges = BinEdges::decimal(/*first=*/1100, /*step=*/20, /*exponent=*/0, /*bins=*/60);
//   int bin = edges.bin_of(1234.5);   // -1 underflow, edges.bins() overflow
//   FineAxis axis(edges, /*subdivision=*/70);  // a Boost.Histogram axis of 60 * 70 bins
//
// Every value is assigned to the bin whose printed edges contain it: the index computed by
// arithmetic is corrected against the edges themselves, so rounding never puts a value an ulp
// outside its bin (the quantile error bounds rely on that).
#include <boost/histogram/axis/option.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace parley {

class BinEdges {
 public:
  // `bins` equal bins over [lo, hi), e.g. a range the scenario gives.
  static BinEdges uniform(double lo, double hi, int bins);
  // Edge i = (first + i * step) * 10^exponent: decimal edges that print as written
  // (|exponent| <= 22 so that 10^exponent is exact).
  static BinEdges decimal(std::int64_t first, std::int64_t step, int exponent, int bins);
  // Bins of `width` whole numbers centred on integers: [first - 0.5, first + width - 0.5), ...
  static BinEdges integer_centred(std::int64_t first, std::int64_t width, int bins);

  int bins() const { return bins_; }
  double edge(int i) const;  // i in [0, bins]
  double lower() const { return edge(0); }
  double upper() const { return edge(bins_); }
  // Whether every bin holds whole numbers only and is centred on them (the `month` metric).
  bool integer_centred() const { return integer_width_ > 0; }
  std::int64_t integer_width() const { return integer_width_; }
  // -1 for x < lower() (and NaN), bins() for x >= upper(), else the i with edge(i) <= x <
  // edge(i+1).
  int bin_of(double x) const;

  std::string describe() const;  // "[1100, 2300) in 60 bins"
  friend bool operator==(const BinEdges&, const BinEdges&) = default;

 private:
  enum class Kind { uniform, decimal };
  Kind kind_ = Kind::uniform;
  int bins_ = 1;
  double lo_ = 0, hi_ = 1;             // uniform
  std::int64_t first_ = 0, step_ = 1;  // decimal
  int exponent_ = 0;                   // decimal
  std::int64_t integer_width_ = 0;     // > 0 when integer centred
};

// A Boost.Histogram axis: each bin of `edges` cut into `subdivision` equal fine bins, with
// underflow and overflow. Coarse bin c is fine bins [c * subdivision, (c + 1) * subdivision).
class FineAxis {
 public:
  FineAxis() : FineAxis(BinEdges(), 1) {}
  FineAxis(BinEdges edges, int subdivision);

  const BinEdges& coarse() const { return coarse_; }
  int subdivision() const { return subdivision_; }
  // Fine bin edge j in [0, size()].
  double value(double j) const;
  // Whether each fine bin holds exactly one whole number (then a quantile read from it is exact).
  bool single_integer_bins() const;

  // Boost.Histogram axis protocol. Runs in the hot loop of every trial: a guess from the
  // position in the range, settled by the tabulated edges (no division, no edge arithmetic).
  int index(double x) const;
  int size() const { return coarse_.bins() * subdivision_; }
  static constexpr unsigned options() noexcept {
    return boost::histogram::axis::option::underflow_t::value |
           boost::histogram::axis::option::overflow_t::value;
  }
  // The edge table is derived from the coarse edges and the subdivision, so it is not compared.
  friend bool operator==(const FineAxis& a, const FineAxis& b) {
    return a.coarse_ == b.coarse_ && a.subdivision_ == b.subdivision_;
  }

 private:
  double fine_edge(int coarse_bin, int sub) const;
  BinEdges coarse_;
  int subdivision_ = 1;
  // Every fine edge, value(0) .. value(size()), and the coarse ones apart (a few hundred bytes
  // that stay in the first-level cache), shared by the copies of this axis (one per histogram
  // cell and block); and size() / (upper - lower), bins() / (upper - lower).
  std::shared_ptr<const std::vector<double>> edges_, coarse_edges_;
  double fine_scale_ = 0, coarse_scale_ = 0;
};

}  // namespace parley
