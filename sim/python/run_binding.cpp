// parley.run and what it returns: the run's statistics, kept in memory, written by the same
// writers as `parley run` (to text for pandas, or into a folder).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <optional>
#include <sstream>
#include <utility>

#include "analysis/results/result_files.hpp"
#include "sim/python/bindings.hpp"
#include "sim/python/interruptible.hpp"
#include "sim/python/run_output.hpp"
#include "sim/python/scenario_handle.hpp"

namespace parley::python {
namespace {

namespace py = pybind11;

template <class Writer>
std::string to_text(Writer write) {
  std::ostringstream text;
  write(text);
  return text.str();
}

RunOutput run(const ScenarioHandle& scenario, std::optional<std::int64_t> trials,
              std::optional<std::uint64_t> seed, int threads, std::optional<int> bins) {
  RunOptions options = run_options(trials, seed, threads);
  options.bins = bins;
  RunMetadata metadata = run_metadata(scenario);
  metadata.bins = bins;
  std::optional<RunResult> result;
  run_interruptibly([&](const std::function<bool()>& keep_going) {
    options.keep_going = keep_going;
    result.emplace(run_scenario(scenario.scenario, options));
  });
  return RunOutput{std::move(*result), std::move(metadata), threads};
}

}  // namespace

void bind_run(py::module_& m) {
  py::class_<RunOutput>(m, "RunOutput")
      .def_property_readonly("trials_done",
                             [](const RunOutput& r) { return r.result.trials_done(); })
      .def("summary_csv",
           [](const RunOutput& r) {
             return to_text([&](std::ostream& o) { write_summary_csv(o, r.result); });
           })
      .def("histograms_csv",
           [](const RunOutput& r) {
             return to_text([&](std::ostream& o) { write_histograms_csv(o, r.result); });
           })
      .def("outcomes_csv",
           [](const RunOutput& r) {
             return to_text([&](std::ostream& o) { write_outcomes_csv(o, r.result); });
           })
      .def("run_json",
           [](const RunOutput& r) {
             return to_text([&](std::ostream& o) { write_run_json(o, r.result, r.metadata); });
           })
      .def("trials_csv", &RunOutput::trials_csv, py::arg("count"))
      .def("write_folder", &RunOutput::write_folder, py::arg("dir"), py::arg("dump_trials"));
  m.def("run", &run, py::arg("scenario"), py::arg("trials"), py::arg("seed"), py::arg("threads"),
        py::arg("bins"));
}

}  // namespace parley::python
