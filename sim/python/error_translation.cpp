// C++ exceptions as Python exceptions: parley::InputError becomes parley.InputError (defined
// in parley/_errors.py, so that it is an ordinary Python class with attributes), carrying
// every diagnostic; a stopped design point, which only a Ctrl-C causes, KeyboardInterrupt.
#include <pybind11/pybind11.h>

#include "analysis/studies/sweep/scenario_point.hpp"
#include "sim/io/input_error.hpp"
#include "sim/python/bindings.hpp"

namespace parley::python {

namespace py = pybind11;

void bind_errors(py::module_& m) {
  (void)m;
  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const InputError& e) {
      py::list diagnostics;
      for (const Diagnostic& d : e.diagnostics())
        diagnostics.append(py::make_tuple(d.where.file, d.where.line, d.where.column, d.message));
      const py::object type = py::module_::import("parley._errors").attr("InputError");
      const py::object error = type(e.what(), diagnostics);
      PyErr_SetObject(type.ptr(), error.ptr());
    } catch (const sweep::PointInterrupted&) {
      PyErr_SetNone(PyExc_KeyboardInterrupt);
    }
  });
}

}  // namespace parley::python
