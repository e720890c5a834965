#pragma once
// Reading a pupil export from a school administration system: a header row with Dutch or
// English column names (docs/api.md lists them), then one pupil per row, in the CSV
// dialect of csv_records.hpp; dates as dd-mm-yyyy or yyyy-mm-dd. Every row is validated
// with validate_pupil; all errors are collected (up to 100) with line number, column and
// reason, so a school can fix the whole file at once.
//
// The reader streams: it is fed the file in pieces and hands over one row at a time, so
// it holds one row, never the file. Checks across rows (a pupil number that occurs twice)
// and against the database (the mentor's e-mail) belong to the importer.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/csv_records.hpp"
#include "domain/pupil.hpp"

namespace samen::domain {

inline constexpr std::size_t kMaxCsvErrors = 100;

// The errors of one file in line order: the first kMaxCsvErrors, and whether there were
// more.
struct CsvErrors {
  std::vector<CsvError> list;
  bool truncated = false;

  void add(CsvError error);
  bool empty() const { return list.empty(); }
  // Adds errors found by a later check (each list in line order), keeping line order and
  // the limit; on the same line the errors already here come first.
  void merge(std::vector<CsvError> later, bool later_truncated);
};

struct CsvPupilRow {
  int line = 0;
  Pupil pupil;
  std::string mentor_email;  // resolved to a user id by the caller
};

class PupilCsvReader {
 public:
  // Gets every data row that has as many fields as the header: `valid` is false when the
  // row had errors (already added to the errors), and then only its pupil number counts.
  using OnRow = std::function<void(CsvPupilRow& row, bool valid)>;

  PupilCsvReader(std::string school_id, CsvErrors& errors, OnRow on_row);

  void feed(std::string_view piece) { records_.feed(piece); }
  // The end of the file; adds the error that ended reading, if any.
  void finish();
  // Reads nothing more: once errors are truncated, more rows would tell nothing new.
  void stop() { records_.stop(); }
  bool stopped() const { return records_.stopped(); }

  const std::vector<std::string>& ignored_columns() const { return ignored_columns_; }

  // How a column is used.
  enum class Field {
    ignored,
    pupil_number,
    given_name,
    name_prefix,
    family_name,
    date_of_birth,
    bsn,
    class_name,
    mentor_email,
    enrolment_start,
    enrolment_end,
    guardian_name,
    guardian_relation,
    guardian_email,
    guardian_phone,
    guardian_authority,
    guardian_number,  // the school system's number for the guardian: their identity
  };
  struct Column {
    std::string header;     // as written in the file
    std::string canonical;  // "given_name", "guardian1_email"; empty when ignored
    Field field = Field::ignored;
    int guardian = 0;  // 0 or 1 for guardian fields
  };
  // The column of a field as the file names it ("Leerlingnummer"), or empty: for errors
  // that later checks find (a repeated number, an unknown mentor).
  std::string header_of(Field field) const;

 private:
  void record(int line, std::span<const std::string> fields);
  void header(std::span<const std::string> fields);
  void row(int line, std::span<const std::string> fields);

  std::string school_id_;
  CsvErrors& errors_;
  OnRow on_row_;
  CsvRecordReader records_;
  std::vector<Column> columns_;
  bool have_header_ = false;
  std::vector<std::string> ignored_columns_;
  CsvPupilRow scratch_;  // reused for every row
};

// The canonical field a header name maps to ("roepnaam" → "given_name"), or empty.
std::string canonical_column(std::string_view header);

}  // namespace samen::domain
