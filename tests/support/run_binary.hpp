#pragma once
// Runs the built `parley` executable (PARLEY_BINARY) as a child process for the tests that use
// it as a user would: exit code, stdout and stderr captured; optionally started in the
// background to be signalled. Arguments as a list (no shell), or as one command line that
// /bin/sh splits (quotes, globs) before `parley` replaces it (exec).
//
//   ParleyProcess p = ParleyProcess::run({"validate", "scenarios/korea_sma11.yaml"});
//   ParleyProcess q = ParleyProcess::run_command_line("sweep a.yaml --param x=1,2 --quiet");
//   EXPECT_EQ(p.exit_code, 0) << p.err;
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

// The bytes of a file ("" when it cannot be read).
inline std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class ParleyProcess {
 public:
  // Starts `parley ARGS...` in `working_dir` (empty: the test's own), output to temporary files.
  static ParleyProcess start(const std::vector<std::string>& args,
                             const std::filesystem::path& working_dir = {}) {
    std::vector<std::string> argv = {PARLEY_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return spawn(argv, working_dir);
  }

  // Starts `parley ARGUMENTS` with ARGUMENTS split by the shell.
  static ParleyProcess start_command_line(const std::string& arguments,
                                          const std::filesystem::path& working_dir = {}) {
    return spawn({"/bin/sh", "-c", "exec " + std::string(PARLEY_BINARY) + " " + arguments},
                 working_dir);
  }

  // Runs to completion.
  static ParleyProcess run(const std::vector<std::string>& args,
                           const std::filesystem::path& working_dir = {}) {
    ParleyProcess p = start(args, working_dir);
    p.wait();
    return p;
  }
  static ParleyProcess run_command_line(const std::string& arguments,
                                        const std::filesystem::path& working_dir = {}) {
    ParleyProcess p = start_command_line(arguments, working_dir);
    p.wait();
    return p;
  }

  void signal(int signal_number) const {
    if (pid_ > 0) ::kill(pid_, signal_number);  // never kill(-1, ...): that is every process
  }
  int pid() const { return pid_; }
  // What the running process has written to stdout so far (a server's address line).
  std::string out_so_far() const { return read_text(stdout_file_); }
  std::string err_so_far() const { return read_text(stderr_file_); }

  // Waits for the end; fills exit_code, out and err.
  void wait() {
    int status = 0;
    if (pid_ <= 0 || ::waitpid(pid_, &status, 0) != pid_) {
      exit_code = -1;  // never started (fork failed) or already waited for
      return;
    }
    exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : kSignalled + WTERMSIG(status);
    out = read_text(stdout_file_);
    err = read_text(stderr_file_);
    std::filesystem::remove(stdout_file_);
    std::filesystem::remove(stderr_file_);
  }
  // Whether a signal ended the process (exit_code is then kSignalled + the signal).
  bool killed_by_signal() const { return exit_code >= kSignalled; }

  static constexpr int kSignalled = 1000;
  int exit_code = -1;
  std::string out, err;

 private:
  static ParleyProcess spawn(std::vector<std::string> argv_storage,
                             const std::filesystem::path& working_dir) {
    ParleyProcess p;
    // ctest runs the tests in parallel processes: files named by process id and a serial.
    static int serial = 0;
    const auto stem = std::filesystem::temp_directory_path() /
                      ("parley_cli_" + std::to_string(::getpid()) + "_" + std::to_string(serial++));
    p.stdout_file_ = stem.string() + ".out";
    p.stderr_file_ = stem.string() + ".err";
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

  int pid_ = -1;
  std::string stdout_file_, stderr_file_;
};

}  // namespace parley::testing
