#pragma once
// The distribution families, one type each: its parameters, and what Distribution asks of every
// family (sample, cdf, quantile, support, moments, describe, scaled). Distribution holds one of
// them in a std::variant and adds truncation and the clamp of at_least() around it.
//
//   family::Normal n{1250, 50};
//   double x = n.sample(stream), p = n.cdf(1300), q = n.quantile(0.95);
//
// A new family is added here: its type (the members below, with kName as written in YAML), its
// place at the end of `FamilyLaw` and of DistributionFamily (same order), its math in
// distribution_families.cpp, a factory in Distribution, and its YAML keys in
// sim/io/distribution_parser.cpp. Sampling is the hot path: it is inline here.
#include <algorithm>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/triangle_distribution.hpp>
#include <cmath>
#include <ostream>
#include <variant>
#include <vector>

#include "sim/model/gamma_variate.hpp"
#include "sim/model/unit_interval.hpp"

namespace parley {

// The index of each family in FamilyLaw.
enum class DistributionFamily {
  constant,
  uniform,
  normal,
  lognormal,
  triangular,
  pert,
  beta,
  discrete
};

namespace family {

// Every family has, besides its parameters:
//   static constexpr const char* kName;      // as in the scenario YAML
//   static constexpr int kUsualWords;        // 64-bit words a draw usually takes
//   double sample(Urng&) const;              // one draw, inline
//   double cdf(double x) const;  double quantile(double u) const;
//   double lower(double floor) const;        // smallest value a draw can take, given the
//   double upper() const;                    //   clamp of at_least() (see Distribution)
//   double mean() const;  double variance() const;
//   void describe(std::ostream&) const;      // "normal(mean=1250, sd=50)"
//   <Family> scaled(double k) const;         // the law of k X, k > 0

struct Constant {
  double value = 0;
  static constexpr const char* kName = "constant";
  static constexpr int kUsualWords = 0;
  template <class Urng>
  double sample(Urng&) const {
    return value;
  }
  double cdf(double x) const { return x >= value ? 1.0 : 0.0; }
  double quantile(double) const { return value; }
  double lower(double) const { return value; }
  double upper() const { return value; }
  double mean() const { return value; }
  double variance() const { return 0.0; }
  void describe(std::ostream& out) const;
  Constant scaled(double k) const { return {value * k}; }
};

struct Uniform {
  double min = 0, max = 0;
  static constexpr const char* kName = "uniform";
  static constexpr int kUsualWords = 1;
  template <class Urng>
  double sample(Urng& g) const {
    return min + (max - min) * open_unit_interval(g);
  }
  double cdf(double x) const;
  double quantile(double u) const { return min + (max - min) * u; }
  double lower(double) const { return min; }
  double upper() const { return max; }
  double mean() const { return 0.5 * (min + max); }
  double variance() const { return (max - min) * (max - min) / 12.0; }
  void describe(std::ostream& out) const;
  Uniform scaled(double k) const { return {min * k, max * k}; }
};

struct Normal {
  double mu = 0, sd = 1;
  static constexpr const char* kName = "normal";
  static constexpr int kUsualWords = 1;
  template <class Urng>
  double sample(Urng& g) const {
    return boost::random::normal_distribution<double>(mu, sd)(g);
  }
  double cdf(double x) const;
  double quantile(double u) const;
  double lower(double floor) const { return floor; }
  double upper() const { return HUGE_VAL; }
  double mean() const { return mu; }
  double variance() const { return sd * sd; }
  void describe(std::ostream& out) const;
  Normal scaled(double k) const { return {mu * k, sd * k}; }
};

struct Lognormal {
  double median = 1, sigma = 0;
  double log_median = 0;  // log(median), kept for the sampler
  static Lognormal of(double median, double sigma) { return {median, sigma, std::log(median)}; }
  static constexpr const char* kName = "lognormal";
  static constexpr int kUsualWords = 1;
  template <class Urng>
  double sample(Urng& g) const {
    return boost::random::lognormal_distribution<double>(log_median, sigma)(g);
  }
  double cdf(double x) const;
  double quantile(double u) const;
  double lower(double floor) const { return std::max(0.0, floor); }
  double upper() const { return HUGE_VAL; }
  double mean() const { return median * std::exp(0.5 * sigma * sigma); }
  double variance() const;
  void describe(std::ostream& out) const;
  Lognormal scaled(double k) const { return of(median * k, sigma); }
};

struct Triangular {
  double min = 0, mode = 0, max = 0;
  // Boost's sampler, whose constructor takes two square roots: built once.
  boost::random::triangle_distribution<double> sampler;
  static Triangular of(double min, double mode, double max) {
    return {min, mode, max, boost::random::triangle_distribution<double>(min, mode, max)};
  }
  static constexpr const char* kName = "triangular";
  static constexpr int kUsualWords = 1;
  template <class Urng>
  double sample(Urng& g) const {
    auto s = sampler;  // Boost's operator() is not const; it changes no state
    return s(g);
  }
  double cdf(double x) const;
  double quantile(double u) const;
  double lower(double) const { return min; }
  double upper() const { return max; }
  double mean() const { return (min + mode + max) / 3.0; }
  double variance() const;
  void describe(std::ostream& out) const;
  Triangular scaled(double k) const { return of(min * k, mode * k, max * k); }
};

// Beta(a, b) on [min, max]: min + (max - min) X / (X + Y), X ~ Gamma(a), Y ~ Gamma(b).
struct Beta {
  double a = 1, b = 1, min = 0, max = 1;
  GammaShape gamma_a, gamma_b;  // the sampler's constants for shapes a and b
  static Beta of(double a, double b, double min, double max) {
    return {a, b, min, max, GammaShape::of(a), GammaShape::of(b)};
  }
  static constexpr const char* kName = "beta";
  static constexpr int kUsualWords = 4;  // two gammas, each a normal and a uniform
  template <class Urng>
  double sample(Urng& g) const {
    return min + (max - min) * beta_variate(gamma_a, gamma_b, g);
  }
  double cdf(double x) const;
  double quantile(double u) const;
  double lower(double) const { return min; }
  double upper() const { return max; }
  double mean() const { return min + (max - min) * a / (a + b); }
  double variance() const;
  void describe(std::ostream& out) const;
  Beta scaled(double k) const {
    Beta s = *this;
    s.min *= k;
    s.max *= k;
    return s;
  }
};

// PERT: a beta on [min, max] with mean (min + lambda * mode + max) / (lambda + 2).
struct Pert {
  Beta beta;
  double mode = 0, lambda = 4;  // as given, for describe()
  static Pert of(double min, double mode, double max, double lambda) {
    return {Beta::of(1 + lambda * (mode - min) / (max - min),
                     1 + lambda * (max - mode) / (max - min), min, max),
            mode, lambda};
  }
  static constexpr const char* kName = "pert";
  static constexpr int kUsualWords = Beta::kUsualWords;
  template <class Urng>
  double sample(Urng& g) const {
    return beta.sample(g);
  }
  double cdf(double x) const { return beta.cdf(x); }
  double quantile(double u) const { return beta.quantile(u); }
  double lower(double floor) const { return beta.lower(floor); }
  double upper() const { return beta.upper(); }
  double mean() const { return beta.mean(); }
  double variance() const { return beta.variance(); }
  void describe(std::ostream& out) const;
  Pert scaled(double k) const { return {beta.scaled(k), mode * k, lambda}; }
};

// Values with weights; values ascending, the cumulative weights normalised (the last exactly 1).
struct Discrete {
  std::vector<double> values;
  std::vector<double> cumulative;
  static constexpr const char* kName = "discrete";
  static constexpr int kUsualWords = 1;
  template <class Urng>
  double sample(Urng& g) const {
    return quantile(open_unit_interval(g));
  }
  double cdf(double x) const;  // mass at or below x
  double mass_below(double x) const;
  double quantile(double u) const;
  double lower(double) const { return values.front(); }
  double upper() const { return values.back(); }
  double mean() const;
  double variance() const;
  // The moments restricted to [lo, hi], whose mass is cdf_hi - cdf_lo.
  double mean_within(double lo, double hi, double cdf_lo, double cdf_hi) const;
  double variance_within(double lo, double hi, double cdf_lo, double cdf_hi) const;
  void describe(std::ostream& out) const;
  Discrete scaled(double k) const;
};

}  // namespace family

// One family's law, in the order of DistributionFamily.
using FamilyLaw = std::variant<family::Constant, family::Uniform, family::Normal, family::Lognormal,
                               family::Triangular, family::Pert, family::Beta, family::Discrete>;

const char* to_string(DistributionFamily family);

}  // namespace parley
