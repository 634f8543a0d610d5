#pragma once
// Runs the built `parley` executable (PARLEY_BINARY) as a child process for the contract tests:
// exit code, stdout and stderr captured; optionally started in the background to be signalled.
//
//   ParleyProcess p = ParleyProcess::run({"run", fixture("two_tables_grouped.yaml"), "--quiet"});
//   EXPECT_EQ(p.exit_code, 0);
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace parley::testing {

inline std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::string fixture(const std::string& name) {
  return std::string(PARLEY_SOURCE_DIR) + "/tests/cli_run/" + name;
}

class ParleyProcess {
 public:
  // Starts `parley ARGS...` in `working_dir` (empty: the test's own), output to temporary files.
  static ParleyProcess start(const std::vector<std::string>& args,
                             const std::filesystem::path& working_dir = {}) {
    ParleyProcess p;
    static int serial = 0;
    const auto stem = std::filesystem::temp_directory_path() /
                      ("parley_cli_" + std::to_string(::getpid()) + "_" + std::to_string(serial++));
    p.stdout_file_ = stem.string() + ".out";
    p.stderr_file_ = stem.string() + ".err";
    std::vector<std::string> argv_storage = {PARLEY_BINARY};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : argv_storage)
      argv.push_back(a.data());
    argv.push_back(nullptr);
    p.pid_ = ::fork();
    if (p.pid_ == 0) {
      if (!working_dir.empty() && ::chdir(working_dir.c_str()) != 0) ::_exit(127);
      const int out = ::open(p.stdout_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int err = ::open(p.stderr_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(out, STDOUT_FILENO);
      ::dup2(err, STDERR_FILENO);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    return p;
  }

  // Runs to completion.
  static ParleyProcess run(const std::vector<std::string>& args,
                           const std::filesystem::path& working_dir = {}) {
    ParleyProcess p = start(args, working_dir);
    p.wait();
    return p;
  }

  void signal(int signal_number) const { ::kill(pid_, signal_number); }
  int pid() const { return pid_; }

  void wait() {
    int status = 0;
    ::waitpid(pid_, &status, 0);
    exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 1000 + WTERMSIG(status);
    out = read_text(stdout_file_);
    err = read_text(stderr_file_);
    std::filesystem::remove(stdout_file_);
    std::filesystem::remove(stderr_file_);
  }

  int exit_code = -1;
  std::string out, err;

 private:
  int pid_ = -1;
  std::string stdout_file_, stderr_file_;
};

}  // namespace parley::testing
