#include "domain/csv_records.hpp"

#include <csv.h>

#include "domain/text.hpp"

namespace samen::domain {
namespace {

// No pupil export has a line or a record anywhere near this long; a file that does is not
// one, and holding it would make memory depend on the file again.
constexpr std::size_t kMaxRecordBytes = std::size_t{1} << 20;

char detect_delimiter(std::string_view header) {
  int semis = 0, commas = 0;
  bool quoted = false;
  for (char c : header) {
    if (c == '"') quoted = !quoted;
    if (!quoted && c == ';') ++semis;
    if (!quoted && c == ',') ++commas;
  }
  return semis > commas ? ';' : ',';
}

}  // namespace

struct CsvRecordReader::Parser {
  csv_parser csv;
  Parser() { csv_init(&csv, CSV_STRICT | CSV_STRICT_FINI); }
  ~Parser() { csv_free(&csv); }
};

CsvRecordReader::CsvRecordReader(OnRecord on_record)
    : on_record_(std::move(on_record)), parser_(std::make_unique<Parser>()) {}

CsvRecordReader::~CsvRecordReader() = default;

void CsvRecordReader::fail(int line, std::string message) {
  failure_ = CsvError{line, "", std::move(message)};
  stopped_ = true;
}

void CsvRecordReader::on_field(void* data, std::size_t len, void* self_ptr) {
  auto* self = static_cast<CsvRecordReader*>(self_ptr);
  if (self->field_count_ == 0 && self->record_line_ == 0) self->record_line_ = self->current_line_;
  // Field strings are reused from record to record: no allocation per field once warm.
  if (self->field_count_ == self->fields_.size()) self->fields_.emplace_back();
  self->fields_[self->field_count_++].assign(data ? static_cast<const char*>(data) : "",
                                             data ? len : 0);
}

void CsvRecordReader::on_record(int, void* self_ptr) {
  auto* self = static_cast<CsvRecordReader*>(self_ptr);
  if (self->record_line_ == 0) self->record_line_ = self->current_line_;
  int line = self->record_line_;
  std::size_t count = self->field_count_;
  self->field_count_ = 0;
  self->record_line_ = 0;
  self->record_bytes_ = 0;
  if (!self->stopped_)
    self->on_record_(line, std::span<const std::string>(self->fields_.data(), count));
}

void CsvRecordReader::feed(std::string_view piece) {
  while (!piece.empty() && !stopped_) {
    auto nl = piece.find('\n');
    if (nl == std::string_view::npos) {
      partial_.append(piece);
      if (partial_.size() > kMaxRecordBytes)
        fail(current_line_, "line is longer than 1 MiB; this is not a pupil export");
      return;
    }
    if (partial_.empty()) {
      line(piece.substr(0, nl + 1));
    } else {
      partial_.append(piece.substr(0, nl + 1));
      line(partial_);
      partial_.clear();
    }
    piece.remove_prefix(nl + 1);
  }
}

void CsvRecordReader::line(std::string_view bytes) {
  if (first_line_) {
    first_line_ = false;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    csv_set_delim(&parser_->csv, static_cast<unsigned char>(detect_delimiter(bytes)));
  }
  // A multi-byte UTF-8 sequence never contains '\n', so checking whole lines is exact.
  if (!is_valid_utf8(bytes))
    return fail(current_line_, "the file is not UTF-8; export it as UTF-8");
  if (!saw_content_ && !trim(bytes).empty()) saw_content_ = true;
  record_bytes_ += bytes.size();
  if (csv_parse(&parser_->csv, bytes.data(), bytes.size(), on_field, on_record, this) !=
      bytes.size())
    return fail(
        record_line_ ? record_line_ : current_line_,
        std::string("the file is not valid CSV here: ") + csv_strerror(csv_error(&parser_->csv)));
  if (record_bytes_ > kMaxRecordBytes)
    return fail(record_line_ ? record_line_ : current_line_,
                "record is longer than 1 MiB; this is not a pupil export");
  ++current_line_;
}

void CsvRecordReader::finish() {
  if (!partial_.empty() && !stopped_) {
    std::string last = std::move(partial_);
    partial_.clear();
    line(last);
  }
  if (stopped_) return;
  if (csv_fini(&parser_->csv, on_field, on_record, this) != 0)
    fail(record_line_ ? record_line_ : current_line_ - 1, "the file ends inside a quoted field");
}

}  // namespace samen::domain
