#pragma once
// Reading a pupil export from a school administration system: a header row with Dutch or
// English column names (docs/api.md lists them), ';' or ',' as delimiter (detected from
// the header), RFC 4180 quoting, UTF-8 with or without BOM, dates as dd-mm-yyyy or
// yyyy-mm-dd. Every row is validated with validate_pupil; all errors are collected (up to
// 100) with line number, column and reason, so a school can fix the whole file at once.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/pupil.hpp"

namespace samen::domain {

struct CsvError {
  int line = 0;        // 1-based physical line where the record starts
  std::string column;  // the header name as written in the file, or empty
  std::string message;
};

struct CsvPupilRow {
  int line = 0;
  Pupil pupil;
  std::string mentor_email;  // resolved to a user id by the caller
};

struct CsvParseResult {
  std::vector<CsvPupilRow> rows;
  std::vector<CsvError> errors;
  std::vector<std::string> ignored_columns;
  bool truncated_errors = false;  // more than kMaxCsvErrors
};

inline constexpr std::size_t kMaxCsvErrors = 100;

// `progress` (optional) is told how many bytes have been parsed.
CsvParseResult parse_pupil_csv(std::string_view bytes, const std::string& school_id,
                               const std::function<void(std::size_t)>& progress = {});

// The canonical field a header name maps to ("roepnaam" → "given_name"), or empty.
std::string canonical_column(std::string_view header);

}  // namespace samen::domain
