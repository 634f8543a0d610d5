// parley.sweep: `parley sweep` from Python, through the same job (files, resume, shards).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "analysis/studies/sweep/sweep_job.hpp"
#include "sim/python/bindings.hpp"
#include "sim/python/interruptible.hpp"

namespace parley::python {
namespace {

namespace py = pybind11;

// Runs the sweep; returns its report and the warnings to show, as a dict.
py::dict sweep(const sweep::SweepRequest& request) {
  std::vector<std::string> warnings;
  sweep::SweepJob job;
  sweep::SweepRunReport report;
  run_interruptibly([&](const std::function<bool()>& keep_going) {
    job = sweep::prepare_sweep(request,
                               [&](const std::string& warning) { warnings.push_back(warning); });
    report = sweep::run_sweep(job, {}, keep_going);
  });
  py::dict out;
  out["out"] = job.out;
  out["points"] = report.points;
  out["computed"] = report.computed;
  out["reused"] = report.reused;
  out["whole"] = job.manifest.shard.whole();
  out["warnings"] = warnings;
  return out;
}

}  // namespace

void bind_sweep(py::module_& m) {
  m.def(
      "sweep",
      [](const std::string& scenario_file, const std::vector<std::string>& params,
         const std::string& method, int samples, std::optional<std::int64_t> trials,
         std::optional<std::uint64_t> seed, int threads, const std::string& out, bool resume,
         const std::string& shard) {
        return sweep(sweep::SweepRequest{scenario_file, params, method, samples, trials, seed,
                                         threads, out, resume, shard});
      },
      py::arg("scenario_file"), py::arg("params"), py::arg("method"), py::arg("samples"),
      py::arg("trials"), py::arg("seed"), py::arg("threads"), py::arg("out"), py::arg("resume"),
      py::arg("shard"));
}

}  // namespace parley::python
