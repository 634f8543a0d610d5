#include "analysis/studies/sweep/design_evaluation.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "analysis/studies/sweep/output_selector.hpp"
#include "analysis/studies/sweep/scenario_point.hpp"
#include "analysis/studies/sweep/sweep_param.hpp"
#include "sim/engine/parallel.hpp"
#include "sim/io/input_error.hpp"

namespace parley::sweep {
namespace {

// Calls body(i) for every i in [0, count) on `threads` threads (0: every core); stops early and
// returns false when keep_going() says so. body may run in any order.
bool for_each_index(std::size_t count, int threads, const std::function<void(std::size_t)>& body,
                    const std::function<bool()>& keep_going) {
  const int workers = resolve_thread_count(threads);
  return detail::run_ordered_blocks(
      static_cast<std::int64_t>(count), workers, 2 * workers,
      [&](int, std::int64_t i) { body(static_cast<std::size_t>(i)); }, [](int, std::int64_t) {},
      keep_going);
}

// Every row valid before any runs: the first bad row (lowest index) is reported.
void validate_rows(const DesignEvaluation& evaluation, const std::vector<double>& x,
                   std::size_t rows, int threads, const std::function<bool()>& keep_going) {
  std::mutex mutex;
  std::optional<std::size_t> first_bad;
  std::optional<InputError> error;
  for_each_index(
      rows, threads,
      [&](std::size_t r) {
        try {
          scenario_at_row(evaluation, x, r);
        } catch (const InputError& e) {
          const std::lock_guard lock(mutex);
          if (!first_bad || r < *first_bad) {
            first_bad = r;
            error.emplace(e);
          }
        }
      },
      keep_going);
  if (!keep_going()) throw PointInterrupted{};
  if (error) throw *error;
}

}  // namespace

Scenario scenario_at_row(const DesignEvaluation& evaluation, const std::vector<double>& x,
                         std::size_t row) {
  const std::size_t columns = evaluation.paths.size();
  std::vector<ScalarOverride> overrides = evaluation.fixed;
  for (std::size_t c = 0; c < columns; ++c)
    overrides.push_back({evaluation.paths[c], format_number(x[row * columns + c])});
  try {
    return load_scenario_text(evaluation.yaml, evaluation.file_name, overrides);
  } catch (const InputError& e) {
    // The loader locates override k as --set:k:COL; a design column is located by its cell.
    const int fixed = static_cast<int>(evaluation.fixed.size());
    std::vector<Diagnostic> relabelled = e.diagnostics();
    for (Diagnostic& d : relabelled) {
      if (d.where.file != "--set" || d.where.line <= fixed) continue;
      d.where = {"X", static_cast<int>(row) + 1, d.where.line - fixed};
    }
    throw InputError(std::move(relabelled));
  }
}

std::vector<double> evaluate_design(const DesignEvaluation& evaluation,
                                    const std::vector<double>& x, std::size_t rows) {
  const std::size_t columns = evaluation.paths.size();
  if (x.size() != rows * columns)
    throw std::invalid_argument("evaluate_design: the design holds " + std::to_string(x.size()) +
                                " values, not rows x columns = " + std::to_string(rows * columns));
  const Scenario base = load_scenario_text(evaluation.yaml, evaluation.file_name, evaluation.fixed);
  std::vector<OutputSelector> selectors;
  for (std::size_t k = 0; k < evaluation.outputs.size(); ++k)
    selectors.push_back(parse_output_selector(evaluation.outputs[k], base,
                                              {"outputs", static_cast<int>(k) + 1, 1}));
  const int threads = evaluation.options.threads;
  const auto keep_going = [&] {
    return !evaluation.options.keep_going || evaluation.options.keep_going();
  };
  validate_rows(evaluation, x, rows, threads, keep_going);

  // Many rows: one row per thread (cheaper than splitting a row's few blocks); few rows: one
  // after another, each on every thread. Same numbers either way.
  const int cores = resolve_thread_count(threads);
  const bool rows_in_parallel = cores > 1 && rows >= static_cast<std::size_t>(cores);
  RunOptions options = evaluation.options;
  options.threads = rows_in_parallel ? 1 : threads;

  std::vector<double> y(rows * selectors.size());
  std::atomic<bool> interrupted{false};
  const bool completed = for_each_index(
      rows, rows_in_parallel ? threads : 1,
      [&](std::size_t r) {
        const RunResult result = run_scenario(scenario_at_row(evaluation, x, r), options);
        if (result.interrupted) {
          interrupted = true;
          return;
        }
        for (std::size_t k = 0; k < selectors.size(); ++k)
          y[r * selectors.size() + k] = select_output(result, selectors[k]);
      },
      keep_going);
  if (!completed || interrupted) throw PointInterrupted{};
  return y;
}

}  // namespace parley::sweep
