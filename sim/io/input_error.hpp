#pragma once
// Input mistakes, reported as `FILE:LINE:COL: error: MESSAGE` (exit code 2 in the CLI).
//
//   Diagnostics found;
//   found.error({file, node.Mark().line + 1, node.Mark().column + 1}, "key 'sd': ...");
//   found.throw_if_any();   // throws InputError carrying every diagnostic, in file order
#include <stdexcept>
#include <string>
#include <vector>

namespace parley {

struct SourceLocation {
  std::string file;  // a path, or "--set" / "--param" for command-line overrides
  int line = 0;      // 1-based; 0 when the mistake concerns the file as a whole
  int column = 0;    // 1-based
};

struct Diagnostic {
  SourceLocation where;
  std::string message;
  // "FILE:LINE:COL: error: MESSAGE"
  std::string str() const;
};

class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  InputError(SourceLocation where, std::string message);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

class Diagnostics {
 public:
  void error(SourceLocation where, std::string message);
  bool empty() const { return found_.empty(); }
  const std::vector<Diagnostic>& all() const { return found_; }
  // Sorted by line and column, duplicates removed.
  void throw_if_any();

 private:
  std::vector<Diagnostic> found_;
};

}  // namespace parley
