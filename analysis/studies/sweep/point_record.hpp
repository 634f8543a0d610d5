#pragma once
// What one finished design point produced, persisted as OUT/.points/point_NNNNNNNN.txt the moment
// it completes, so a killed sweep resumes without redoing it and shards can be merged.
//
//   PointRecord r{17, {"3000"}, {result_rows(run), sweep_statistics(run)}};
//   write_point_record(points_dir, r);                       // atomic: temp name + rename
//   std::optional<PointRecord> back = read_point_record(points_dir / point_file_name(17));
//
// The file holds the rows as the CSV lines `parley run` writes (without the point/parameter
// prefix) and the statistics, all numbers with round-trip precision: a record read back holds
// the same values bit for bit, so final files assembled from records are byte-identical however
// the points were computed (one run, resumed, or sharded).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analysis/results/result_rows.hpp"

namespace parley::sweep {

// One scalar output the sensitivity analysis decomposes, e.g. {"seoul", "amount_mean", 1402.5}.
struct PointStatistic {
  std::string table;
  std::string name;
  double value = 0;
};

// A design point's results: the rows of its summary, outcomes and histograms files, as values
// until the final write, plus the statistics.
struct PointOutput {
  ResultRows rows;
  std::vector<PointStatistic> statistics;
};

struct PointRecord {
  std::size_t point = 0;
  std::vector<std::string> values;  // one per swept parameter
  PointOutput output;
};

std::string point_file_name(std::size_t point);  // "point_00000017.txt"

// Writes `text` to `file` whole or not at all (temporary name in the same folder, then rename).
void write_file_atomically(const std::filesystem::path& file, const std::string& text);

void write_point_record(const std::filesystem::path& points_dir, const PointRecord& record);
// nullopt when the file is missing or not a complete record (it is then recomputed).
std::optional<PointRecord> read_point_record(const std::filesystem::path& file);

}  // namespace parley::sweep
