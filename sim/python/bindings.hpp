#pragma once
// The parts of the `_parley` extension module, one per file, registered by module.cpp.
#include <pybind11/pybind11.h>

namespace parley::python {

void bind_errors(pybind11::module_& m);    // parley::InputError -> parley.InputError
void bind_scenario(pybind11::module_& m);  // Scenario, load
void bind_run(pybind11::module_& m);       // RunOutput, run
void bind_evaluate(pybind11::module_& m);  // evaluate (external designs)
void bind_sweep(pybind11::module_& m);     // sweep
void bind_compare(pybind11::module_& m);   // CompareOutput, compare

}  // namespace parley::python
