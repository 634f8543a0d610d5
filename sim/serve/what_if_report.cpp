#include "sim/serve/what_if_report.hpp"

#include <unistd.h>

#include <atomic>
#include <filesystem>

#include "analysis/results/report/report.hpp"

namespace parley::serve {
namespace {

namespace fs = std::filesystem;

// A fresh folder of this process under the system's temporary directory, removed on scope exit
// (also when the report throws). Names are unique per process and request.
class ScratchFolder {
 public:
  ScratchFolder() {
    static std::atomic<std::uint64_t> counter{0};
    path_ = fs::temp_directory_path() /
            ("parley-serve-report-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

std::string what_if_report_html(const RunResult& result, const RunMetadata& metadata) {
  const ScratchFolder scratch;
  write_result_files(result, metadata, scratch.path());
  return report_html(scratch.path());
}

}  // namespace parley::serve
