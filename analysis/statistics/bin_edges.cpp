#include "analysis/statistics/bin_edges.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

#include "sim/model/number_text.hpp"

namespace parley {
namespace {

// Powers of ten that are exact doubles.
constexpr std::array<double, 23> kPowersOfTen = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

void check_bins(int bins) {
  if (bins < 1)
    throw std::invalid_argument("histogram bins must be >= 1, got " + std::to_string(bins));
}

}  // namespace

BinEdges BinEdges::uniform(double lo, double hi, int bins) {
  check_bins(bins);
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo < hi)) {
    std::string message = "histogram range needs finite min < max, got [";
    message.append(format_significant(lo, 6)).append(", ").append(format_significant(hi, 6));
    throw std::invalid_argument(message + "]");
  }
  BinEdges e;
  e.kind_ = Kind::uniform;
  e.bins_ = bins;
  e.lo_ = lo;
  e.hi_ = hi;
  return e;
}

BinEdges BinEdges::decimal(std::int64_t first, std::int64_t step, int exponent, int bins) {
  check_bins(bins);
  if (step < 1) throw std::invalid_argument("decimal bin step must be >= 1");
  if (exponent < -22 || exponent > 22)
    throw std::invalid_argument("decimal bin exponent out of range");
  BinEdges e;
  e.kind_ = Kind::decimal;
  e.bins_ = bins;
  e.first_ = first;
  e.step_ = step;
  e.exponent_ = exponent;
  e.lo_ = e.edge(0);
  e.hi_ = e.edge(bins);
  return e;
}

BinEdges BinEdges::integer_centred(std::int64_t first, std::int64_t width, int bins) {
  if (width < 1) throw std::invalid_argument("integer bin width must be >= 1");
  // Edges first - 0.5 + i * width, written in tenths so that they are exact.
  BinEdges e = decimal(10 * first - 5, 10 * width, -1, bins);
  e.integer_width_ = width;
  return e;
}

double BinEdges::edge(int i) const {
  if (kind_ == Kind::uniform) {
    if (i <= 0) return lo_;
    if (i >= bins_) return hi_;
    return lo_ + (hi_ - lo_) * i / bins_;
  }
  const auto units = static_cast<double>(first_ + static_cast<std::int64_t>(i) * step_);
  return exponent_ >= 0 ? units * kPowersOfTen[exponent_] : units / kPowersOfTen[-exponent_];
}

int BinEdges::bin_of(double x) const {
  if (!(x >= lo_)) return -1;
  if (x >= hi_) return bins_;
  const double z = (x - lo_) / (hi_ - lo_) * bins_;
  int i = std::clamp(static_cast<int>(z), 0, bins_ - 1);
  // The arithmetic index can be off by one at an edge; the edges decide.
  while (i > 0 && x < edge(i))
    --i;
  while (i < bins_ - 1 && x >= edge(i + 1))
    ++i;
  return i;
}

std::string BinEdges::describe() const {
  std::string text = "[";
  text.append(format_significant(lower(), 6)).append(", ").append(format_significant(upper(), 6));
  return text.append(") in ").append(std::to_string(bins_)).append(" bins");
}

FineAxis::FineAxis(BinEdges edges, int subdivision) : coarse_(edges), subdivision_(subdivision) {
  if (subdivision < 1) throw std::invalid_argument("fine bin subdivision must be >= 1");
  auto table = std::make_shared<std::vector<double>>(static_cast<std::size_t>(size()) + 1);
  for (int j = 0; j <= size(); ++j)
    (*table)[j] = value(j);
  edges_ = std::move(table);
  auto coarse = std::make_shared<std::vector<double>>(static_cast<std::size_t>(coarse_.bins()) + 1);
  for (int c = 0; c <= coarse_.bins(); ++c)
    (*coarse)[c] = value(c * subdivision_);
  coarse_edges_ = std::move(coarse);
  const double width = coarse_.upper() - coarse_.lower();
  fine_scale_ = size() / width;
  coarse_scale_ = coarse_.bins() / width;
}

double FineAxis::fine_edge(int coarse_bin, int sub) const {
  if (sub <= 0) return coarse_.edge(coarse_bin);
  if (sub >= subdivision_) return coarse_.edge(coarse_bin + 1);
  const double a = coarse_.edge(coarse_bin);
  const double b = coarse_.edge(coarse_bin + 1);
  return a + (b - a) * sub / subdivision_;
}

double FineAxis::value(double j) const {
  const int fine = static_cast<int>(j);
  if (fine <= 0) return coarse_.lower();
  if (fine >= size()) return coarse_.upper();
  return fine_edge(fine / subdivision_, fine % subdivision_);
}

bool FineAxis::single_integer_bins() const {
  return coarse_.integer_centred() && subdivision_ == coarse_.integer_width();
}

int FineAxis::index(double x) const {
  // The same bins as BinEdges::bin_of followed by the subdivision of that coarse bin: the
  // largest coarse c with edge(c) <= x, then the largest fine s within it with
  // fine_edge(c, s) <= x. Edges are non-decreasing, so where the guess starts does not matter.
  const std::vector<double>& e = *edges_;
  const std::vector<double>& coarse = *coarse_edges_;  // coarse[c] == e[c * sub]
  const int bins = coarse_.bins(), sub = subdivision_;
  if (!(x >= coarse[0])) return -1;
  if (x >= coarse[bins]) return size();
  int c = std::clamp(static_cast<int>((x - coarse[0]) * coarse_scale_), 0, bins - 1);
  while (c > 0 && x < coarse[c])
    --c;
  while (c < bins - 1 && x >= coarse[c + 1])
    ++c;
  if (sub == 1) return c;
  int s = std::clamp(static_cast<int>((x - coarse[0]) * fine_scale_) - c * sub, 0, sub - 1);
  while (s > 0 && x < e[c * sub + s])
    --s;
  while (s < sub - 1 && x >= e[c * sub + s + 1])
    ++s;
  return c * sub + s;
}

}  // namespace parley
