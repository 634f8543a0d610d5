// Distribution: every family, plain and truncated, against closed forms written here and the
// Boost.Math CDFs.
//   Moments: n = 20000 draws (fixed seed); the sample mean must lie within 4 standard errors
//   (sqrt(var / n)) of the closed-form mean, the sample variance within 4 standard errors
//   (sqrt((m4 - var^2) / n), m4 the sample fourth central moment) of the closed-form variance.
//   Shape: a Kolmogorov-Smirnov test at alpha = 0.001 (critical D = 1.9495 / sqrt(n) = 0.01379).
//   Distribution::mean()/variance() must equal the closed forms to 1e-7 relative.
#include "sim/model/distribution.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <boost/math/distributions/uniform.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace parley {
namespace {

namespace bm = boost::math;

constexpr int kDraws = 20000;
constexpr double kSigmas = 4.0;
// Kolmogorov-Smirnov critical value c(alpha) = sqrt(-ln(alpha / 2) / 2) for alpha = 0.001.
const double kKsCritical = std::sqrt(-std::log(0.001 / 2) / 2) / std::sqrt(double(kDraws));

struct Case {
  std::string name;
  Distribution d;
  double mean, variance;
  std::function<double(double)> cdf;  // Boost.Math, truncation applied here
};

// CDF of `raw` restricted to [lo, hi].
std::function<double(double)> truncated_cdf(std::function<double(double)> raw, double lo,
                                            double hi) {
  const double a = raw(lo), b = raw(hi);
  return [=](double x) { return x < lo ? 0.0 : x >= hi ? 1.0 : (raw(x) - a) / (b - a); };
}

// Mean and variance of a density restricted to [lo, hi], by adaptive Gauss-Kronrod.
std::pair<double, double> truncated_moments(const std::function<double(double)>& pdf, double lo,
                                            double hi) {
  using Q = bm::quadrature::gauss_kronrod<double, 61>;
  const double z = Q::integrate(pdf, lo, hi, 15, 1e-13);
  const double m = Q::integrate([&](double x) { return x * pdf(x); }, lo, hi, 15, 1e-13) / z;
  const double v =
      Q::integrate([&](double x) { return (x - m) * (x - m) * pdf(x); }, lo, hi, 15, 1e-13) / z;
  return {m, v};
}

// Uniform, and truncated (uniform on the intersection).
void add_uniform_cases(std::vector<Case>& cases) {
  const double a = 2, b = 5;
  bm::uniform_distribution<double> u(a, b);
  cases.push_back({"uniform", Distribution::uniform(a, b), (a + b) / 2, (b - a) * (b - a) / 12,
                   [u](double x) { return x <= 2   ? 0.0
                                          : x >= 5 ? 1.0
                                                   : bm::cdf(u, x); }});
  // Truncated uniform is uniform on the intersection.
  cases.push_back({"uniform_truncated", Distribution::uniform(a, b).truncated(3, 10), 4.0, 4.0 / 12,
                   [](double x) { return std::clamp((x - 3) / 2, 0.0, 1.0); }});
}

// Normal: plain, truncated on both sides, a far tail, and one-sided at 0.
void add_normal_cases(std::vector<Case>& cases) {
  const double mu = 1250, sd = 50;
  bm::normal_distribution<double> n(mu, sd);
  auto raw = [n](double x) { return bm::cdf(n, x); };
  cases.push_back({"normal", Distribution::normal(mu, sd), mu, sd * sd, raw});
  // Truncated normal, closed form with alpha, beta the standardised bounds.
  const double lo = 1200, hi = 1400, al = (lo - mu) / sd, be = (hi - mu) / sd;
  bm::normal_distribution<double> z01;
  const double z = bm::cdf(z01, be) - bm::cdf(z01, al);
  const double pa = bm::pdf(z01, al), pb = bm::pdf(z01, be);
  const double mean = mu + sd * (pa - pb) / z;
  const double var = sd * sd * (1 + (al * pa - be * pb) / z - std::pow((pa - pb) / z, 2));
  cases.push_back({"normal_truncated", Distribution::normal(mu, sd).truncated(lo, hi), mean, var,
                   truncated_cdf(raw, lo, hi)});
  // A far tail keeps 2.1 % of the mass: drawn by inverse CDF, not by rejection.
  {
    const double tlo = 1350, thi = 1400, ta = (tlo - mu) / sd, tb = (thi - mu) / sd;
    const double tz = bm::cdf(z01, tb) - bm::cdf(z01, ta);
    const double qa = bm::pdf(z01, ta), qb = bm::pdf(z01, tb);
    cases.push_back({"normal_far_tail", Distribution::normal(mu, sd).truncated(tlo, thi),
                     mu + sd * (qa - qb) / tz,
                     sd * sd * (1 + (ta * qa - tb * qb) / tz - std::pow((qa - qb) / tz, 2)),
                     truncated_cdf(raw, tlo, thi)});
  }
  // One-sided, as Distribution::at_least(0) does for amounts.
  const double al0 = (0 - 1.0) / 2.0, z0 = 1 - bm::cdf(z01, al0), p0 = bm::pdf(z01, al0);
  bm::normal_distribution<double> n12(1, 2);
  cases.push_back({"normal_at_least_0", Distribution::normal(1, 2).at_least(0), 1 + 2 * p0 / z0,
                   4 * (1 + al0 * p0 / z0 - std::pow(p0 / z0, 2)),
                   truncated_cdf([n12](double x) { return bm::cdf(n12, x); }, 0, HUGE_VAL)});
}

// Lognormal, plain and truncated.
void add_lognormal_cases(std::vector<Case>& cases) {
  const double median = 5900, sigma = 0.15, mu = std::log(median);
  bm::lognormal_distribution<double> ln(mu, sigma);
  auto raw = [ln](double x) { return x <= 0 ? 0.0 : bm::cdf(ln, x); };
  const double s2 = sigma * sigma;
  cases.push_back({"lognormal", Distribution::lognormal(median, sigma), median * std::exp(s2 / 2),
                   std::expm1(s2) * median * median * std::exp(s2), raw});
  // Truncated lognormal: E[X^k | a < X < b] = e^(k mu + k^2 s2 / 2)
  //   [Phi((ln b - mu - k s2) / s) - Phi((ln a - mu - k s2) / s)] / Z.
  const double lo = 5000, hi = 7000;
  bm::normal_distribution<double> z01;
  auto partial = [&](int k) {
    const double shift = k * s2;
    return std::exp(k * mu + k * k * s2 / 2) * (bm::cdf(z01, (std::log(hi) - mu - shift) / sigma) -
                                                bm::cdf(z01, (std::log(lo) - mu - shift) / sigma));
  };
  const double z = partial(0), m1 = partial(1) / z, m2 = partial(2) / z;
  cases.push_back({"lognormal_truncated", Distribution::lognormal(median, sigma).truncated(lo, hi),
                   m1, m2 - m1 * m1, truncated_cdf(raw, lo, hi)});
}

// Triangular, plain and truncated (moments by quadrature).
void add_triangular_cases(std::vector<Case>& cases) {
  const double a = 1150, c = 1200, b = 1350;
  bm::triangular_distribution<double> t(a, c, b);
  auto raw = [t](double x) { return x <= 1150 ? 0.0 : x >= 1350 ? 1.0 : bm::cdf(t, x); };
  cases.push_back({"triangular", Distribution::triangular(a, c, b), (a + b + c) / 3,
                   (a * a + b * b + c * c - a * b - a * c - b * c) / 18, raw});
  const auto [m, v] = truncated_moments([t](double x) { return bm::pdf(t, x); }, 1180, 1300);
  cases.push_back({"triangular_truncated", Distribution::triangular(a, c, b).truncated(1180, 1300),
                   m, v, truncated_cdf(raw, 1180, 1300)});
}

// PERT (a scaled beta): plain, truncated, its upper tail, and lambda = 2.
void add_pert_cases(std::vector<Case>& cases) {
  const double lo = 1150, mode = 1400, hi = 2000, lambda = 4;
  const double alpha = 1 + lambda * (mode - lo) / (hi - lo);
  const double beta = 1 + lambda * (hi - mode) / (hi - lo);
  bm::beta_distribution<double> be(alpha, beta);
  auto raw = [=](double x) {
    return x <= lo ? 0.0 : x >= hi ? 1.0 : bm::cdf(be, (x - lo) / (hi - lo));
  };
  const double mean = (lo + lambda * mode + hi) / (lambda + 2);
  cases.push_back({"pert", Distribution::pert(lo, mode, hi), mean,
                   (mean - lo) * (hi - mean) / (lambda + 3), raw});
  auto pdf = [=](double x) { return bm::pdf(be, (x - lo) / (hi - lo)) / (hi - lo); };
  const auto [m, v] = truncated_moments(pdf, 1300, 1700);
  cases.push_back({"pert_truncated", Distribution::pert(lo, mode, hi).truncated(1300, 1700), m, v,
                   truncated_cdf(raw, 1300, 1700)});
  // The upper tail [1850, 2000] keeps under 1 % of the mass: inverse CDF.
  const auto [tm, tv] = truncated_moments(pdf, 1850, 2000);
  cases.push_back({"pert_upper_tail", Distribution::pert(lo, mode, hi).truncated(1850, 2000), tm,
                   tv, truncated_cdf(raw, 1850, 2000)});
  // A flatter PERT (lambda = 2) keeps the same closed form.
  const double mean2 = (lo + 2 * mode + hi) / 4;
  const double a2 = 1 + 2 * (mode - lo) / (hi - lo), b2 = 1 + 2 * (hi - mode) / (hi - lo);
  bm::beta_distribution<double> be2(a2, b2);
  cases.push_back({"pert_lambda_2", Distribution::pert(lo, mode, hi, 2), mean2,
                   (mean2 - lo) * (hi - mean2) / 5, [=](double x) {
                     return x <= lo ? 0.0 : x >= hi ? 1.0 : bm::cdf(be2, (x - lo) / (hi - lo));
                   }});
}

// Beta on [lo, hi], plain and truncated (moments by quadrature).
void add_beta_cases(std::vector<Case>& cases) {
  const double a = 2, b = 5, lo = 0.5, hi = 0.9, w = hi - lo;
  bm::beta_distribution<double> be(a, b);
  auto raw = [=](double x) { return x <= lo ? 0.0 : x >= hi ? 1.0 : bm::cdf(be, (x - lo) / w); };
  cases.push_back({"beta", Distribution::beta(a, b, lo, hi), lo + w * a / (a + b),
                   w * w * a * b / ((a + b) * (a + b) * (a + b + 1)), raw});
  auto pdf = [=](double x) { return bm::pdf(be, (x - lo) / w) / w; };
  const auto [m, v] = truncated_moments(pdf, 0.55, 0.7);
  cases.push_back({"beta_truncated", Distribution::beta(a, b, lo, hi).truncated(0.55, 0.7), m, v,
                   truncated_cdf(raw, 0.55, 0.7)});
}

std::vector<Case> continuous_cases() {
  std::vector<Case> cases;
  add_uniform_cases(cases);
  add_normal_cases(cases);
  add_lognormal_cases(cases);
  add_triangular_cases(cases);
  add_pert_cases(cases);
  add_beta_cases(cases);
  return cases;
}

std::vector<double> draws(const Distribution& d, std::uint64_t seed) {
  std::mt19937_64 g(seed);
  std::vector<double> x(kDraws);
  for (double& v : x)
    v = d.sample(g);
  return x;
}

class ContinuousFamily : public testing::TestWithParam<Case> {};

TEST_P(ContinuousFamily, ExactMomentsMatchTheClosedForm) {
  const Case& c = GetParam();
  EXPECT_NEAR(c.d.mean(), c.mean, 1e-7 * std::abs(c.mean) + 1e-12);
  EXPECT_NEAR(c.d.variance(), c.variance, 1e-7 * c.variance);
}

TEST_P(ContinuousFamily, SampleMomentsWithinFourStandardErrors) {
  const Case& c = GetParam();
  const std::vector<double> x = draws(c.d, 42);
  double mean = 0;
  for (double v : x)
    mean += v;
  mean /= kDraws;
  double m2 = 0, m4 = 0;
  for (double v : x) {
    const double d2 = (v - mean) * (v - mean);
    m2 += d2;
    m4 += d2 * d2;
  }
  const double variance = m2 / (kDraws - 1);
  m4 /= kDraws;
  EXPECT_NEAR(mean, c.mean, kSigmas * std::sqrt(c.variance / kDraws));
  EXPECT_NEAR(variance, c.variance, kSigmas * std::sqrt((m4 - variance * variance) / kDraws));
  EXPECT_GE(*std::min_element(x.begin(), x.end()), c.d.support_lower());
  EXPECT_LE(*std::max_element(x.begin(), x.end()), c.d.support_upper());
}

TEST_P(ContinuousFamily, KolmogorovSmirnovAgainstBoostCdf) {
  const Case& c = GetParam();
  std::vector<double> x = draws(c.d, 7);
  std::sort(x.begin(), x.end());
  double d = 0;
  for (int i = 0; i < kDraws; ++i) {
    const double f = c.cdf(x[i]);
    d = std::max({d, f - double(i) / kDraws, double(i + 1) / kDraws - f});
  }
  EXPECT_LT(d, kKsCritical) << c.name;
}

TEST_P(ContinuousFamily, CdfAndQuantileAgreeWithBoost) {
  const Case& c = GetParam();
  for (double u : {0.01, 0.1, 0.5, 0.9, 0.99}) {
    const double x = c.d.quantile(u);
    EXPECT_NEAR(c.cdf(x), u, 1e-9) << c.name << " u=" << u;
    EXPECT_NEAR(c.d.cdf(x), u, 1e-9) << c.name << " u=" << u;
  }
}

INSTANTIATE_TEST_SUITE_P(Families, ContinuousFamily, testing::ValuesIn(continuous_cases()),
                         [](const testing::TestParamInfo<Case>& param) {
                           return param.param.name;
                         });

TEST(DiscreteFamily, FrequenciesAndMomentsMatch) {
  const std::vector<double> values = {1500, 1200, 1300};
  const std::vector<double> weights = {1, 1, 2};  // probabilities 1/4, 1/4, 1/2
  const Distribution d = Distribution::discrete(values, weights);
  const double mean = 0.25 * 1500 + 0.25 * 1200 + 0.5 * 1300;
  const double var = 0.25 * std::pow(1500 - mean, 2) + 0.25 * std::pow(1200 - mean, 2) +
                     0.5 * std::pow(1300 - mean, 2);
  EXPECT_DOUBLE_EQ(d.mean(), mean);
  EXPECT_DOUBLE_EQ(d.variance(), var);
  EXPECT_DOUBLE_EQ(d.cdf(1299), 0.25);
  EXPECT_DOUBLE_EQ(d.cdf(1300), 0.75);
  const std::vector<double> x = draws(d, 3);
  for (const auto& [value, p] :
       std::vector<std::pair<double, double>>{{1200, 0.25}, {1300, 0.5}, {1500, 0.25}}) {
    const double share = double(std::count(x.begin(), x.end(), value)) / kDraws;
    EXPECT_NEAR(share, p, kSigmas * std::sqrt(p * (1 - p) / kDraws)) << value;
  }
  double sample_mean = 0;
  for (double v : x)
    sample_mean += v;
  EXPECT_NEAR(sample_mean / kDraws, mean, kSigmas * std::sqrt(var / kDraws));
}

TEST(DiscreteFamily, TruncationKeepsTheMassInside) {
  const Distribution d = Distribution::discrete({1, 2, 3, 4}, {1, 1, 1, 1}).truncated(2, 3);
  EXPECT_DOUBLE_EQ(d.mean(), 2.5);
  EXPECT_DOUBLE_EQ(d.variance(), 0.25);
  const std::vector<double> x = draws(d, 5);
  const double twos = double(std::count(x.begin(), x.end(), 2.0)) / kDraws;
  EXPECT_EQ(std::count(x.begin(), x.end(), 2.0) + std::count(x.begin(), x.end(), 3.0), kDraws);
  EXPECT_NEAR(twos, 0.5, kSigmas * std::sqrt(0.25 / kDraws));
}

TEST(Distribution, ConstantsAndDegenerateParametersAreConstant) {
  EXPECT_TRUE(Distribution::constant(3).is_constant());
  EXPECT_TRUE(Distribution::normal(5, 0).is_constant());
  EXPECT_TRUE(Distribution::lognormal(5, 0).is_constant());
  EXPECT_TRUE(Distribution::triangular(2, 2, 2).is_constant());
  EXPECT_TRUE(Distribution::uniform(2, 2).is_constant());
  EXPECT_FALSE(Distribution::uniform(2, 3).is_constant());
  std::mt19937_64 g(1);
  EXPECT_EQ(Distribution::constant(3).sample(g), 3);
  EXPECT_EQ(Distribution::constant(3).truncated(0, 5).mean(), 3);
}

// The engine draws a plain uniform from a word it already holds (min + (max - min) *
// unit_from_word) instead of through sample(): the two must agree bitwise, and only where no
// truncation or clamp could move the draw.
TEST(Distribution, PlainUniformIsItsFirstWordScaled) {
  struct OneWord {  // a generator that has one word to give
    using result_type = std::uint64_t;
    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return ~result_type{0}; }
    result_type word;
    int calls = 0;
    result_type operator()() { return ++calls == 1 ? word : 0; }
  };
  std::mt19937_64 words(7);
  for (const Distribution& d :
       {Distribution::uniform(0.3, 1.0), Distribution::uniform(-5, 1e6),
        Distribution::uniform(1, 2).at_least(0), Distribution::uniform(1, 2).scaled(1038.9)}) {
    ASSERT_TRUE(d.is_plain_uniform()) << d.describe();
    const double lo = d.support_lower(), hi = d.support_upper();
    for (int i = 0; i < 10000; ++i) {
      OneWord g{words()};
      const double expected = lo + (hi - lo) * unit_from_word(g.word);
      ASSERT_EQ(d.sample(g), expected) << d.describe() << ", word " << g.word;
      ASSERT_EQ(g.calls, 1);
    }
  }
  EXPECT_FALSE(Distribution::uniform(1, 2).truncated(1.2, 1.8).is_plain_uniform());
  EXPECT_FALSE(Distribution::normal(1, 2).is_plain_uniform());
  EXPECT_FALSE(Distribution::constant(1).is_plain_uniform());
}

TEST(Distribution, AtLeastClampsNegligibleTailsAndTruncatesOthers) {
  const Distribution far = Distribution::normal(1000, 10).at_least(0);
  EXPECT_FALSE(far.is_truncated());  // P(X < 0) is 0 at double precision
  EXPECT_EQ(far.support_lower(), 0);
  const Distribution near = Distribution::normal(1, 2).at_least(0);
  EXPECT_TRUE(near.is_truncated());
  EXPECT_EQ(near.truncation_lower(), 0);
  const Distribution positive = Distribution::uniform(1, 2);
  EXPECT_EQ(positive.at_least(0).describe(), positive.describe());
}

TEST(Distribution, ScaledMultipliesEveryFamily) {
  const double k = 1038.9;
  for (const Distribution& d :
       {Distribution::normal(1.04, 0.015), Distribution::uniform(1, 2),
        Distribution::lognormal(1, 0.2), Distribution::triangular(1, 1.2, 2),
        Distribution::pert(1, 1.5, 2), Distribution::beta(2, 3, 1, 2),
        Distribution::discrete({1, 2}, {1, 3}), Distribution::normal(1, 0.1).truncated(0.9, 1.3)}) {
    const Distribution s = d.scaled(k);
    EXPECT_NEAR(s.mean(), k * d.mean(), 1e-9 * k) << d.describe();
    EXPECT_NEAR(s.variance(), k * k * d.variance(), 1e-7 * k * k * d.variance()) << d.describe();
    EXPECT_NEAR(s.quantile(0.3), k * d.quantile(0.3), 1e-9 * k) << d.describe();
  }
}

TEST(Distribution, DescribeNamesFamilyParametersAndTruncation) {
  EXPECT_EQ(Distribution::normal(1250, 50).truncated(1100, 1400).describe(),
            "normal(mean=1250, sd=50) truncated to [1100, 1400]");
  EXPECT_EQ(Distribution::pert(1, 2, 3).describe(), "pert(min=1, mode=2, max=3, lambda=4)");
  EXPECT_EQ(Distribution::constant(2.5).describe(), "2.5");
}

std::string factory_error(const std::function<void()>& make) {
  try {
    make();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Distribution, FactoriesNameTheOffendingParameter) {
  using D = Distribution;
  EXPECT_EQ(factory_error([] { D::normal(0, -1); }), "sd must be >= 0, got -1");
  EXPECT_EQ(factory_error([] { D::normal(NAN, 1); }), "mean must be a finite number, got nan");
  EXPECT_EQ(factory_error([] { D::uniform(2, 1); }), "min must be <= max (1), got 2");
  EXPECT_EQ(factory_error([] { D::uniform(0, HUGE_VAL); }), "max must be a finite number, got inf");
  EXPECT_EQ(factory_error([] { D::lognormal(-1, 1); }), "median must be > 0, got -1");
  EXPECT_EQ(factory_error([] { D::lognormal(1, -0.5); }), "sigma must be >= 0, got -0.5");
  EXPECT_EQ(factory_error([] { D::triangular(3, 2, 4); }), "min must be <= mode (2), got 3");
  EXPECT_EQ(factory_error([] { D::triangular(1, 5, 4); }), "mode must be <= max (4), got 5");
  EXPECT_EQ(factory_error([] { D::pert(1, 2, 3, 0); }), "lambda must be > 0, got 0");
  EXPECT_EQ(factory_error([] { D::pert(1, 4, 3); }), "mode must be <= max (3), got 4");
  EXPECT_EQ(factory_error([] { D::beta(0, 1); }), "a must be > 0, got 0");
  EXPECT_EQ(factory_error([] { D::beta(1, -2); }), "b must be > 0, got -2");
  EXPECT_EQ(factory_error([] { D::beta(1, 1, 2, 2); }), "min must be < max (2), got 2");
  EXPECT_EQ(factory_error([] { D::discrete({}, {}); }), "values must not be empty");
  EXPECT_EQ(factory_error([] {
              D::discrete({1, 2}, {1});
            }),
            "values and weights must have the same length, got 2 values and 1 weights");
  EXPECT_EQ(factory_error([] { D::discrete({1}, {-1}); }), "weights must be >= 0, got -1");
  EXPECT_EQ(factory_error([] {
              D::discrete({1, 2}, {0, 0});
            }),
            "weights must sum to a positive number, got 0");
  EXPECT_EQ(factory_error([] { D::normal(0, 1).truncated(2, 1); }),
            "truncate lower bound must be <= upper bound (1), got 2");
  EXPECT_EQ(factory_error([] { D::uniform(0, 1).truncated(2, 3); }),
            "truncate [2, 3] leaves no probability under uniform(min=0, max=1)");
  EXPECT_EQ(factory_error([] { D::constant(5).truncated(0, 1); }),
            "truncate [0, 1] excludes the constant 5");
  EXPECT_EQ(factory_error([] { D::normal(1, 1).scaled(-2); }),
            "scale must be a positive finite number, got -2");
}

// The family list is what the scenario parser reads: every family but the constant is named,
// in FamilyLaw's order, and builds itself from its parameters' values (defaults included).
TEST(FamilyList, NamedFamiliesBuildThemselvesFromTheirParameters) {
  std::vector<std::string> names;
  for (const NamedFamily& f : named_families())
    names.emplace_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{"uniform", "normal", "lognormal", "triangular", "pert",
                                             "beta", "discrete"}));
  const std::map<std::string, std::vector<std::vector<double>>> args = {
      {"uniform", {{1}, {3}}},        {"normal", {{1}, {2}}},
      {"lognormal", {{1}, {0.5}}},    {"triangular", {{1}, {2}, {3}}},
      {"pert", {{1}, {2}, {3}, {4}}}, {"beta", {{2}, {3}, {0}, {1}}},
      {"discrete", {{1, 2}, {1, 3}}},
  };
  for (const NamedFamily& f : named_families()) {
    const auto& values = args.at(std::string(f.name));
    ASSERT_EQ(values.size(), f.params.size()) << f.name;
    const Distribution d = f.from(FamilyArgs(values));
    EXPECT_EQ(d.family_name(), f.name);
  }
  EXPECT_EQ(Distribution::beta(2, 3).describe(), "beta(a=2, b=3, min=0, max=1)");
  const Distribution pert_distribution = Distribution::pert(1, 2, 3);  // outlives the reference
  const auto& pert = std::get<family::Pert>(pert_distribution.law());
  EXPECT_EQ(pert.lambda, family::Pert::kParams[3].default_value);
}

// A parameter's own check is declared once (FamilyParam::minimum) and made by its factory.
TEST(FamilyList, ParameterMinimaAreTheFactoriesChecks) {
  for (const NamedFamily& f : named_families()) {
    for (std::size_t i = 0; i < f.params.size(); ++i) {
      const FamilyParam& p = f.params[i];
      if (!p.has_minimum() || p.is_list) continue;
      ASSERT_EQ(p.minimum, 0.0) << "the messages below spell the minimum 0";
      std::vector<std::vector<double>> values;
      for (const FamilyParam& q : f.params)
        values.push_back({q.required ? 1.0 : q.default_value});
      values[i] = {p.minimum_excluded ? p.minimum : p.minimum - 1};
      const std::string expected =
          std::string(p.name) + " must be " + (p.minimum_excluded ? "> 0, got 0" : ">= 0, got -1");
      EXPECT_EQ(factory_error([&] { f.from(FamilyArgs(values)); }), expected) << f.name;
    }
  }
}

}  // namespace
}  // namespace parley
