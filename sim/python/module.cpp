// The compiled half of the `parley` Python package (docs/python.md). The pure-Python half
// (sim/python/parley/) turns what these functions return into pandas DataFrames and numpy
// arrays and carries the user-facing docstrings.
#include "sim/python/bindings.hpp"

PYBIND11_MODULE(_parley, m) {
  m.doc() = "parley's engine, loader and result writers (use the `parley` package, not this)";
  m.attr("__version__") = PARLEY_VERSION;
  parley::python::bind_errors(m);
  parley::python::bind_scenario(m);
  parley::python::bind_run(m);
  parley::python::bind_evaluate(m);
  parley::python::bind_sweep(m);
  parley::python::bind_compare(m);
}
