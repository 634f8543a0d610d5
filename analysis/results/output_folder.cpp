#include "analysis/results/output_folder.hpp"

#include <unistd.h>

#include <stdexcept>
#include <system_error>

namespace parley {

OutputFolder::OutputFolder(std::filesystem::path dir) : dir_(std::move(dir)) {
  if (dir_.empty()) dir_ = ".";
  std::error_code ignored;
  const bool existed = std::filesystem::exists(dir_, ignored);
  std::filesystem::create_directories(dir_);  // throws filesystem_error with the reason
  if (!std::filesystem::is_directory(dir_))
    throw std::runtime_error("output folder '" + dir_.string() + "' is not a directory");
  created_dir_ = !existed;
}

OutputFolder::~OutputFolder() {
  if (committed_) return;
  abandon();
  if (created_dir_) {
    std::error_code ignored;
    if (std::filesystem::is_empty(dir_, ignored)) std::filesystem::remove(dir_, ignored);
  }
}

std::filesystem::path OutputFolder::temporary_path(const std::string& name) const {
  // Hidden, and named after the process so that two runs into one folder do not collide.
  return dir_ / ("." + name + "." + std::to_string(::getpid()) + ".tmp");
}

std::ofstream& OutputFolder::open(const std::string& name) {
  if (committed_) throw std::logic_error("OutputFolder::open after commit");
  for (const File& f : files_)
    if (f.name == name) throw std::logic_error("OutputFolder::open: '" + name + "' opened twice");
  auto stream = std::make_unique<std::ofstream>(temporary_path(name), std::ios::binary);
  if (!*stream)
    throw std::runtime_error("cannot create '" + temporary_path(name).string() + "' for writing");
  files_.push_back({name, std::move(stream)});
  return *files_.back().stream;
}

void OutputFolder::remove_on_commit(const std::string& name) {
  stale_.push_back(name);
}

void OutputFolder::commit() {
  if (committed_) throw std::logic_error("OutputFolder::commit twice");
  for (File& f : files_) {
    f.stream->flush();
    const bool ok = static_cast<bool>(*f.stream);
    f.stream->close();
    if (!ok || f.stream->fail())
      throw std::runtime_error("writing '" + (dir_ / f.name).string() + "' failed (disk full?)");
  }
  for (const File& f : files_)
    std::filesystem::rename(temporary_path(f.name), dir_ / f.name);
  for (const std::string& name : stale_) {
    bool written = false;
    for (const File& f : files_)
      written = written || f.name == name;
    std::error_code ignored;
    if (!written) std::filesystem::remove(dir_ / name, ignored);
  }
  committed_ = true;
}

void OutputFolder::abandon() noexcept {
  for (File& f : files_) {
    if (f.stream && f.stream->is_open()) f.stream->close();
    std::error_code ignored;
    std::filesystem::remove(temporary_path(f.name), ignored);
  }
  files_.clear();
}

}  // namespace parley
