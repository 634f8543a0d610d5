// parley.evaluate: a design matrix in, a matrix of statistics out (numpy), for SALib-style
// sensitivity analyses and EMA Workbench experiments.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "analysis/studies/sweep/design_evaluation.hpp"
#include "sim/python/bindings.hpp"
#include "sim/python/interruptible.hpp"
#include "sim/python/run_output.hpp"
#include "sim/python/scenario_handle.hpp"

namespace parley::python {
namespace {

namespace py = pybind11;

using Matrix = py::array_t<double, py::array::c_style | py::array::forcecast>;

Matrix evaluate(const ScenarioHandle& scenario, const std::vector<std::string>& params,
                const Matrix& x, const std::vector<std::string>& outputs,
                std::optional<std::int64_t> trials, std::optional<std::uint64_t> seed, int threads,
                std::optional<int> bins) {
  if (x.ndim() != 2)
    throw py::value_error("X: expected a 2-dimensional array (rows = design points), got " +
                          std::to_string(x.ndim()) + " dimension(s)");
  const auto rows = static_cast<std::size_t>(x.shape(0));
  if (static_cast<std::size_t>(x.shape(1)) != params.size())
    throw py::value_error("X has " + std::to_string(x.shape(1)) + " column(s) but " +
                          std::to_string(params.size()) +
                          " parameter path(s) were given; one column per path");
  checked_threads(threads);
  sweep::DesignEvaluation evaluation{scenario.yaml, scenario.file, scenario.overrides,
                                     params,        outputs,       {}};
  evaluation.options.trials = trials.value_or(scenario.scenario.trials);
  evaluation.options.seed = seed.value_or(scenario.scenario.seed);
  evaluation.options.threads = threads;
  evaluation.options.bins = bins;
  const std::vector<double> design(x.data(), x.data() + rows * params.size());

  std::vector<double> y;
  run_interruptibly([&](const std::function<bool()>& keep_going) {
    evaluation.options.keep_going = keep_going;
    y = sweep::evaluate_design(evaluation, design, rows);
  });
  Matrix out({rows, outputs.size()});
  std::copy(y.begin(), y.end(), out.mutable_data());
  return out;
}

}  // namespace

void bind_evaluate(py::module_& m) {
  m.def("evaluate", &evaluate, py::arg("scenario"), py::arg("params"), py::arg("X"),
        py::arg("outputs"), py::arg("trials"), py::arg("seed"), py::arg("threads"),
        py::arg("bins"));
}

}  // namespace parley::python
