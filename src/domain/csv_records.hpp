#pragma once
// Reading CSV records from a file that arrives in pieces (a file read in chunks, an upload
// held in memory), so that a file of any size is read in memory that does not grow with
// it. Pieces may end anywhere: inside a line, a quoted field or a UTF-8 sequence.
//
// Rules: RFC 4180 quoting (libcsv, strict), ';' or ',' as delimiter (whichever occurs more
// often outside quotes in the first line), UTF-8 with or without BOM. Each record comes
// with the 1-based physical line it starts on. The first problem that makes the rest of
// the bytes unreadable (not UTF-8, broken quoting, a line or record over 1 MiB) stops the
// reader and is kept as its failure.
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace samen::domain {

struct CsvError {
  int line = 0;        // 1-based physical line where the record starts
  std::string column;  // the header name as written in the file, or empty
  std::string message;
};

class CsvRecordReader {
 public:
  // Called for every record with its fields (trimmed of nothing; the caller decides).
  using OnRecord = std::function<void(int line, std::span<const std::string> fields)>;

  explicit CsvRecordReader(OnRecord on_record);
  ~CsvRecordReader();
  CsvRecordReader(const CsvRecordReader&) = delete;
  CsvRecordReader& operator=(const CsvRecordReader&) = delete;

  void feed(std::string_view piece);
  void finish();  // the end of the file: the last line may lack its newline
  // Reads nothing more (the consumer has seen enough).
  void stop() { stopped_ = true; }
  bool stopped() const { return stopped_; }
  const std::optional<CsvError>& failure() const { return failure_; }
  // False while the bytes so far are only whitespace (an "empty" file).
  bool saw_content() const { return saw_content_; }

 private:
  struct Parser;
  void line(std::string_view bytes);
  void fail(int line, std::string message);
  static void on_field(void* data, std::size_t len, void* self);
  static void on_record(int terminator, void* self);

  OnRecord on_record_;
  std::unique_ptr<Parser> parser_;
  std::string partial_;  // a line split across pieces
  std::vector<std::string> fields_;
  std::size_t field_count_ = 0;
  int current_line_ = 1;
  int record_line_ = 0;
  std::size_t record_bytes_ = 0;
  bool first_line_ = true;
  bool saw_content_ = false;
  bool stopped_ = false;
  std::optional<CsvError> failure_;
};

}  // namespace samen::domain
