#include "sim/python/interruptible.hpp"

#include <pybind11/pybind11.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace parley::python {
namespace {

namespace py = pybind11;

constexpr auto kSignalPoll = std::chrono::milliseconds(50);

// The exception a Python signal handler raised, held without the GIL until it is raised again.
struct PendingPythonError {
  PyObject* type = nullptr;
  PyObject* value = nullptr;
  PyObject* traceback = nullptr;
  bool set() const { return type != nullptr; }
};

}  // namespace

void run_interruptibly(const std::function<void(const std::function<bool()>& keep_going)>& work) {
  std::atomic<bool> stop{false};
  std::exception_ptr failure;
  PendingPythonError pending;
  {
    py::gil_scoped_release release;
    std::mutex mutex;
    std::condition_variable finished_signal;
    bool finished = false;
    std::thread worker([&] {
      try {
        work([&] { return !stop.load(std::memory_order_relaxed); });
      } catch (...) {
        failure = std::current_exception();
      }
      const std::lock_guard lock(mutex);
      finished = true;
      finished_signal.notify_all();
    });
    std::unique_lock lock(mutex);
    while (!finished_signal.wait_for(lock, kSignalPoll, [&] { return finished; })) {
      if (pending.set()) continue;  // stop asked for: wait for the worker
      lock.unlock();
      {
        py::gil_scoped_acquire acquire;
        if (PyErr_CheckSignals() != 0) {
          PyErr_Fetch(&pending.type, &pending.value, &pending.traceback);
          stop = true;
        }
      }
      lock.lock();
    }
    lock.unlock();
    worker.join();
  }
  if (pending.set()) {
    PyErr_Restore(pending.type, pending.value, pending.traceback);
    throw py::error_already_set();
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace parley::python
