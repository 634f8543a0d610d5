// parley.compare: runs on common random numbers and their paired differences, computed and
// written by the same code as `parley compare` (docs/compare.md).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "analysis/studies/compare/compare_runner.hpp"
#include "analysis/studies/compare/comparison_files.hpp"
#include "analysis/studies/compare/comparison_rows.hpp"
#include "sim/python/bindings.hpp"
#include "sim/python/interruptible.hpp"
#include "sim/python/run_output.hpp"
#include "sim/python/scenario_handle.hpp"

namespace parley::python {
namespace {

namespace py = pybind11;

struct CompareOutput {
  ComparisonResult result;
  ComparisonMetadata metadata;
  int threads = 0;

  std::string compare_csv() const {
    std::ostringstream text;
    write_compare_csv(text, comparison_rows(result));
    return text.str();
  }
  std::string compare_json() const {
    std::ostringstream text;
    write_compare_json(text, result, metadata, comparison_rows(result));
    return text.str();
  }
  std::string text_table() const {
    std::ostringstream text;
    write_comparison_text(text, result, comparison_rows(result));
    return text.str();
  }
  // Run k (0 = the baseline) as parley.run would have returned it.
  RunOutput run(std::size_t k) const {
    if (k >= result.runs.size())
      throw py::index_error("run " + std::to_string(k) + " of " +
                            std::to_string(result.runs.size()));
    return RunOutput{result.runs[k], metadata.runs[k], threads};
  }
};

// (name, scenario, description) per run; the first is the baseline.
using NamedRun = std::tuple<std::string, ScenarioHandle, std::string>;

CompareOutput compare(const std::vector<NamedRun>& named, std::optional<std::int64_t> trials,
                      std::optional<std::uint64_t> seed, int threads) {
  RunOptions options = run_options(trials, seed, threads);
  std::vector<ComparedRun> runs;
  ComparisonMetadata metadata;
  for (const auto& [name, handle, description] : named) {
    runs.push_back({name, handle.scenario});
    metadata.runs.push_back(run_metadata(handle));
    metadata.descriptions.push_back(description);
  }
  std::optional<ComparisonResult> result;
  run_interruptibly([&](const std::function<bool()>& keep_going) {
    options.keep_going = keep_going;
    result.emplace(run_comparison(runs, options));
  });
  return CompareOutput{std::move(*result), std::move(metadata), threads};
}

}  // namespace

void bind_compare(py::module_& m) {
  py::class_<CompareOutput>(m, "CompareOutput")
      .def_property_readonly("names", [](const CompareOutput& c) { return c.result.names; })
      .def("compare_csv", &CompareOutput::compare_csv)
      .def("compare_json", &CompareOutput::compare_json)
      .def("text_table", &CompareOutput::text_table)
      .def("run", &CompareOutput::run, py::arg("k"))
      .def("write_folder", [](const CompareOutput& c, const std::filesystem::path& dir) {
        write_comparison(c.result, c.metadata, dir);
      });
  m.def("compare", &compare, py::arg("runs"), py::arg("trials"), py::arg("seed"),
        py::arg("threads"));
}

}  // namespace parley::python
