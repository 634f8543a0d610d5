// `correlations:` -> Scenario::correlations: rank correlations between actor parameters, given as
// pairs {a, b, rho} or blocks {params, matrix}, turned into the correlation of the copula's
// normals (2 sin(pi rho / 6)) and checked positive definite.
#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <optional>
#include <tuple>

#include "sim/io/scenario_draft.hpp"
#include "sim/io/suggestions.hpp"

namespace parley {
namespace {

// Smallest eigenvalue accepted: below it the Cholesky factor is numerically meaningless.
constexpr double kMinEigenvalue = 1e-10;
constexpr double kSymmetryTolerance = 1e-12;

struct Collected {
  std::vector<ParamRef> params;
  std::vector<std::string> names;             // "actor.param", parallel to params
  std::vector<SourceLocation> first_seen;     // where each param first appeared
  std::map<std::pair<int, int>, double> rho;  // (i < j) -> rank correlation
  std::map<std::pair<int, int>, SourceLocation> rho_where;
};

// "actor.param" -> index into `c.params` (added on first appearance); -1 after an error.
int read_param(const YamlNode& node, const std::string& path, Collected& c, ScenarioDraft& draft) {
  Reader& read = draft.read;
  const std::size_t dot = node.is_scalar() ? node.text.find('.') : std::string::npos;
  if (dot == std::string::npos) {
    read.error(node.where, path, "expected ACTOR.PARAM, got " + node.describe());
    return -1;
  }
  YamlNode actor_name = node;
  actor_name.text = node.text.substr(0, dot);
  const int actor = draft.actor(actor_name, path);
  const std::string param_name = node.text.substr(dot + 1);
  const auto param = actor_param_from_string(param_name);
  if (!param) {
    std::vector<std::string> names;
    for (ActorParam p : kAllActorParams)
      names.push_back(to_string(p));
    read.error(node.where, path,
               "unknown parameter '" + param_name + "'" + did_you_mean(param_name, names) +
                   " (expected one of " + name_list(names) + ")");
    return -1;
  }
  if (actor < 0) return -1;
  if (draft.actors[actor].invalid[static_cast<int>(*param)]) return -1;  // reported already
  const ParamRef ref{actor, *param};
  const Distribution& d = draft.scenario.actors[actor].param(*param);
  if (d.is_constant()) {
    read.error(node.where, path,
               node.text + " is the constant " + d.describe() + "; there is nothing to correlate");
    return -1;
  }
  const auto it = std::find(c.params.begin(), c.params.end(), ref);
  if (it != c.params.end()) return static_cast<int>(it - c.params.begin());
  c.params.push_back(ref);
  c.names.push_back(node.text);
  c.first_seen.push_back(node.where);
  return static_cast<int>(c.params.size()) - 1;
}

void add_pair(int i, int j, double rho, const SourceLocation& where, const std::string& path,
              Collected& c, Reader& read) {
  if (i == j) {
    read.error(where, path, c.names[i] + " cannot be correlated with itself");
    return;
  }
  const auto key = std::minmax(i, j);
  if (const auto seen = c.rho_where.find(key); seen != c.rho_where.end()) {
    read.error(where, path,
               "the pair " + c.names[key.first] + ", " + c.names[key.second] +
                   " is already correlated (line " + std::to_string(seen->second.line) + ")");
    return;
  }
  c.rho[key] = rho;
  c.rho_where[key] = where;
}

void read_pair(MapFields& fields, Collected& c, ScenarioDraft& draft) {
  const YamlNode* a = fields.required("a");
  const YamlNode* b = fields.required("b");
  const YamlNode* rho = fields.required("rho");
  const int i = a ? read_param(*a, fields.path("a"), c, draft) : -1;
  const int j = b ? read_param(*b, fields.path("b"), c, draft) : -1;
  const auto r =
      rho ? draft.read.number(*rho, fields.path("rho"), Range::open(-1, 1)) : std::nullopt;
  if (i >= 0 && j >= 0 && r) add_pair(i, j, *r, b->where, fields.path("b"), c, draft.read);
}

// The cells of a block's n x n matrix; nothing (and the errors reported) when it is not a
// square list of lists of numbers in [-1, 1].
std::optional<Eigen::MatrixXd> read_block_cells(Reader& read, const YamlNode& matrix,
                                                const std::string& path, std::size_t n) {
  bool square = matrix.is_sequence() && matrix.items.size() == n;
  for (std::size_t r = 0; square && r < n; ++r) {
    square = matrix.items[r].is_sequence() && matrix.items[r].items.size() == n;
  }
  if (!square) {
    read.error(matrix.where, path,
               "expected a " + std::to_string(n) + " x " + std::to_string(n) +
                   " list of lists (one row per parameter), got " + matrix.describe());
    return std::nullopt;
  }
  Eigen::MatrixXd m(n, n);
  bool ok = true;
  for (std::size_t r = 0; r < n; ++r) {
    for (std::size_t k = 0; k < n; ++k) {
      const YamlNode& cell = matrix.items[r].items[k];
      const auto x = read.number(cell, join_path(join_path(path, r), k), Range::closed(-1, 1));
      ok = ok && x.has_value();
      m(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(k)) = x.value_or(0);
    }
  }
  if (!ok) return std::nullopt;
  return m;
}

// Reports every diagonal cell that is not 1 and every cell that differs from its mirror.
bool check_block_unit_diagonal_and_symmetric(Reader& read, const YamlNode& matrix,
                                             const std::string& path, const Eigen::MatrixXd& m) {
  const std::size_t n = matrix.items.size();
  bool ok = true;
  for (std::size_t r = 0; r < n; ++r) {
    for (std::size_t k = 0; k < n; ++k) {
      const auto R = static_cast<Eigen::Index>(r), K = static_cast<Eigen::Index>(k);
      const YamlNode& cell = matrix.items[r].items[k];
      const std::string cell_path = join_path(join_path(path, r), k);
      if (r == k && m(R, K) != 1) {
        read.error(cell.where, cell_path, "the diagonal must be 1, got " + cell.text);
        ok = false;
      } else if (k > r && std::abs(m(R, K) - m(K, R)) > kSymmetryTolerance) {
        read.error(cell.where, cell_path,
                   "the matrix must be symmetric: " + cell.text + " here but " +
                       matrix.items[k].items[r].text + " at row " + std::to_string(k) +
                       ", column " + std::to_string(r));
        ok = false;
      }
    }
  }
  return ok;
}

void read_block(MapFields& fields, Collected& c, ScenarioDraft& draft) {
  Reader& read = draft.read;
  const YamlNode* params = fields.required("params");
  const YamlNode* matrix = fields.required("matrix");
  if (!params || !matrix) return;
  if (!params->is_sequence() || params->items.size() < 2) {
    read.error(params->where, fields.path("params"),
               "expected a list of at least two ACTOR.PARAM, got " + params->describe());
    return;
  }
  const std::size_t n = params->items.size();
  std::vector<int> index;
  for (std::size_t k = 0; k < n; ++k) {
    index.push_back(read_param(params->items[k], join_path(fields.path("params"), k), c, draft));
  }
  const std::string path = fields.path("matrix");
  const std::optional<Eigen::MatrixXd> m = read_block_cells(read, *matrix, path, n);
  if (!m || !check_block_unit_diagonal_and_symmetric(read, *matrix, path, *m)) return;
  for (std::size_t r = 0; r < n; ++r) {
    for (std::size_t k = r + 1; k < n; ++k) {
      if (index[r] < 0 || index[k] < 0) continue;
      add_pair(index[r], index[k], (*m)(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(k)),
               matrix->items[r].items[k].where, join_path(join_path(path, r), k), c, read);
    }
  }
}

// Reports a matrix that is not positive definite, naming the parameters that carry the
// eigenvector of its most negative eigenvalue.
bool check_positive_definite(const Eigen::MatrixXd& normal, const Collected& c, Reader& read) {
  const Eigen::LLT<Eigen::MatrixXd> llt(normal);
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(normal);
  const double smallest = eigen.eigenvalues()(0);
  if (llt.info() == Eigen::Success && smallest > kMinEigenvalue) return true;
  const Eigen::VectorXd v = eigen.eigenvectors().col(0);
  const double largest = v.cwiseAbs().maxCoeff();
  std::vector<std::string> involved;
  int last = 0;
  for (Eigen::Index k = 0; k < v.size(); ++k) {
    if (std::abs(v(k)) >= 0.25 * largest) {
      involved.push_back(c.names[k]);
      last = static_cast<int>(k);
    }
  }
  // Point at the latest-written correlation among the involved parameters.
  SourceLocation where = c.first_seen[last];
  for (const auto& [pair, at] : c.rho_where) {
    const bool in =
        std::find(involved.begin(), involved.end(), c.names[pair.first]) != involved.end() &&
        std::find(involved.begin(), involved.end(), c.names[pair.second]) != involved.end();
    if (in && std::tie(at.line, at.column) > std::tie(where.line, where.column)) where = at;
  }
  read.error(where, "correlations",
             "the correlations of " + name_list(involved) +
                 " contradict each other: the copula's correlation matrix (2 sin(pi rho / 6)) is "
                 "not positive definite (smallest eigenvalue " +
                 number_text(smallest) + ")");
  return false;
}

}  // namespace

void read_correlations(const YamlNode& node, ScenarioDraft& draft) {
  Reader& read = draft.read;
  if (!read.list(node, "correlations")) return;
  Collected c;
  const std::size_t errors_before = read.diagnostics().all().size();
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const YamlNode& item = node.items[i];
    const std::string path = join_path("correlations", i);
    if (item.find("params") || item.find("matrix")) {
      MapFields fields(read, item, path, {"params", "matrix"});
      if (fields.ok()) read_block(fields, c, draft);
    } else {
      MapFields fields(read, item, path, {"a", "b", "rho"});
      if (fields.ok()) read_pair(fields, c, draft);
    }
  }
  if (c.params.empty() || read.diagnostics().all().size() != errors_before) return;
  const auto n = static_cast<Eigen::Index>(c.params.size());
  Eigen::MatrixXd rank = Eigen::MatrixXd::Identity(n, n);
  for (const auto& [pair, rho] : c.rho) {
    rank(pair.first, pair.second) = rank(pair.second, pair.first) = rho;
  }
  Eigen::MatrixXd normal = ((rank * (std::numbers::pi / 6)).array().sin() * 2).matrix();
  normal.diagonal().setOnes();
  if (!check_positive_definite(normal, c, read)) return;
  draft.scenario.correlations = Correlations{c.params, rank, normal};
}

}  // namespace parley
