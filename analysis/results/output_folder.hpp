#pragma once
// Result files written whole or not at all: each file goes to a temporary name inside the
// output folder and is renamed only by commit(). A folder object destroyed without commit()
// (an error, an interrupted run) removes its temporary files, and the folder itself when it
// created it and it is left empty.
//
//   OutputFolder folder("out/korea_sma11");
//   folder.open("summary.csv") << "table,metric,...\n";
//   folder.commit();   // renames every file into place; throws on a write error
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace parley {

class OutputFolder {
 public:
  // Creates `dir` (and missing parents). Throws std::filesystem::filesystem_error when it
  // cannot, e.g. when a file of that name exists.
  explicit OutputFolder(std::filesystem::path dir);
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  // A stream to the temporary file that commit() renames to `name`. Throws when it cannot be
  // created.
  std::ofstream& open(const std::string& name);
  // After commit(), `name` no longer exists in the folder (a stale file of an earlier run
  // that this run does not write, such as trials.csv).
  void remove_on_commit(const std::string& name);
  // Flushes and closes every file, checks that nothing failed, renames them into place.
  void commit();
  // Deletes the temporary files now (also done by the destructor).
  void abandon() noexcept;

  // The temporary path used for `name` (tests check none is left behind).
  std::filesystem::path temporary_path(const std::string& name) const;

 private:
  struct File {
    std::string name;
    std::unique_ptr<std::ofstream> stream;
  };
  std::filesystem::path dir_;
  bool created_dir_ = false;
  bool committed_ = false;
  std::vector<File> files_;
  std::vector<std::string> stale_;
};

}  // namespace parley
