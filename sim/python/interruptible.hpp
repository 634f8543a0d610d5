#pragma once
// Long computations called from Python: the GIL is released, and Ctrl-C still stops them.
//
//   run_interruptibly([&](const std::function<bool()>& keep_going) {
//     options.keep_going = keep_going;
//     result = run_scenario(scenario, options);
//   });   // raises KeyboardInterrupt (pybind11::error_already_set) after a Ctrl-C
//
// The work runs on a worker thread with the GIL released; the calling thread wakes every
// 50 ms and lets Python run its signal handlers (PyErr_CheckSignals, which acts only on the
// main thread). When a handler raises (KeyboardInterrupt on SIGINT), `keep_going` turns false,
// the work stops at its next check (a block of 4096 trials, or a design point), and the
// handler's exception is raised once the worker has finished. An exception thrown by the work
// is rethrown in the caller.
#include <functional>

namespace parley::python {

void run_interruptibly(const std::function<void(const std::function<bool()>& keep_going)>& work);

}  // namespace parley::python
