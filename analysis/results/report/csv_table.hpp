#pragma once
// A CSV file of a result folder read back as text cells (RFC 4180 quoting, `\n` or `\r\n`
// line ends), with columns looked up by name; for the report, which reads what runs wrote.
//
//   CsvTable summary = CsvTable::read("out/korea_sma11/summary.csv");
//   for (const auto& row : summary.rows()) use(summary.text(row, "table"), summary.number(row,
//   "p50"));
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace parley {

class CsvTable {
 public:
  using Row = std::vector<std::string>;
  // Throws InputError (FILE:LINE:0) for an unreadable file, a row of the wrong width or an
  // unterminated quote.
  static CsvTable read(const std::filesystem::path& file);
  static CsvTable parse(const std::string& text, const std::string& file_name);

  const std::vector<std::string>& header() const { return header_; }
  const std::vector<Row>& rows() const { return rows_; }
  bool has(const std::string& column) const { return index_of(column) >= 0; }
  // -1 when absent.
  int index_of(const std::string& column) const;
  // Throws InputError naming the file when the column is missing.
  const std::string& text(const Row& row, const std::string& column) const;
  // Empty cells and text that is not a number (inf and nan are numbers) give nullopt.
  std::optional<double> number(const Row& row, const std::string& column) const;

 private:
  std::string file_;
  std::vector<std::string> header_;
  std::vector<Row> rows_;
};

}  // namespace parley
