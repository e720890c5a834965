#pragma once
// The seam between the store and its databases. The store's methods are written once, in
// Samen's SQL, against this small interface; sqlite/ and postgres/ adapt it to their
// libraries. Only parameterised SQL passes: values travel in Params, never in the text.
//
// Samen's SQL is SQLite's and PostgreSQL's common ground (RETURNING, ON CONFLICT, row
// values, CAST, TRUE/FALSE) with `?` or `?N` placeholders, plus the few spellings below
// where the two truly differ. A missed translation is a syntax error, never a silent
// difference, because each token is invalid in both dialects as written:
//   {in_ids ?}     membership in a list bound with Params::ids     (json_each / = ANY(bigint[]))
//   {in_texts ?}   membership in a list bound with Params::texts   (json_each / = ANY(text[]))
//   {texts_table ?}  a list bound with Params::texts as a table with one column, value
//   {max_char}     the highest code point as a one-character string (a prefix range's end)
//   {cross_join}   a join whose order SQLite's planner must keep (CROSS JOIN); PostgreSQL
//                  plans it as a plain JOIN
//   {index name}   a planner hint that SQLite needs and PostgreSQL has no word for
//                  (SQLite: INDEXED BY name; PostgreSQL: nothing)
//   GREATEST(, LEAST(   PostgreSQL's words; SQLite's scalar max( and min( do the same
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace samen::store::sql {

enum class Dialect { sqlite, postgres };

// Parses a string id to the integer key; nullopt for anything that is not a positive
// integer, so a malformed id simply finds nothing.
std::optional<std::int64_t> parse_id(std::string_view id);

// The parameters of one statement, by position, typed so that SQLite compares integers as
// integers and PostgreSQL gets the text it infers a type for.
class Params {
 public:
  struct IdList {
    std::vector<std::int64_t> ids;
  };
  struct TextList {
    std::vector<std::string> texts;
  };
  using Value = std::variant<std::monostate, std::int64_t, std::string, bool, IdList, TextList>;

  // Most statements bind a handful of values: one allocation for them, not one per growth.
  Params() { values_.reserve(8); }

  Params& text(std::string_view v) {
    values_.emplace_back(std::string(v));
    return *this;
  }
  // NULL for an empty string: optional text columns stay NULL, not ''.
  Params& optional(std::string_view v) { return v.empty() ? null() : text(v); }
  Params& integer(std::int64_t v) {
    values_.emplace_back(v);
    return *this;
  }
  Params& boolean(bool v) {
    values_.emplace_back(v);
    return *this;
  }
  Params& null() {
    values_.emplace_back(std::monostate{});
    return *this;
  }
  // An id as the API passes it; empty or malformed becomes NULL and matches nothing.
  Params& id(std::string_view v) {
    if (auto key = parse_id(v)) return integer(*key);
    return null();
  }
  // For {in_ids ?}; malformed ids are left out (they would match nothing anyway).
  Params& ids(const std::vector<std::string>& ids);
  // For {in_texts ?}.
  Params& texts(const std::vector<std::string>& texts) {
    values_.emplace_back(TextList{texts});
    return *this;
  }
  const std::vector<Value>& values() const { return values_; }

 private:
  std::vector<Value> values_;
};

// The rows of one statement, read front to back. The statement stays open until the Rows
// are destroyed, so keep them in a narrow scope.
class Rows {
 public:
  virtual ~Rows() = default;
  virtual bool next() = 0;  // moves to the next row; false when there is none
  virtual bool is_null(int col) const = 0;
  virtual std::string text(int col) const = 0;
  virtual std::int64_t integer(int col) const = 0;
  virtual bool boolean(int col) const = 0;
  // An integer key as the string id the API uses; empty for NULL.
  virtual std::string id(int col) const = 0;
  // NULL as nullopt.
  std::optional<std::string> optional_text(int col) const {
    if (is_null(col)) return std::nullopt;
    return text(col);
  }
};

class Connection {
 public:
  virtual ~Connection() = default;
  // A statement from a string literal (or a static string: its address must stay valid
  // and its text unchanged), prepared once per connection and cached by that address.
  virtual std::unique_ptr<Rows> query(const char* sql, const Params& params = {}) = 0;
  // SQL built at run time (identifiers from the catalogue; values still bound): not cached.
  virtual std::unique_ptr<Rows> query_built(const std::string& sql, const Params& params = {}) = 0;
  // Runs a statement to its end; returns how many rows it changed.
  virtual std::int64_t run(const char* sql, const Params& params = {}) = 0;
  virtual Dialect dialect() const = 0;
};

// A statement built at run time from identifiers (a table's name from the catalogue or the
// record kinds) kept for the life of the process: the same text gives the same address,
// so Connection::query prepares it once per connection like a literal. For the few
// statements made per table, not for anything built from values.
const char* interned_sql(const std::string& sql);

// Samen's SQL in the dialect's own spelling, with `?` placeholders numbered where the
// dialect needs it ($N for PostgreSQL).
std::string translate(std::string_view sql, Dialect dialect);

// A list value as the dialect receives it: a JSON array for SQLite's json_each, an array
// literal for PostgreSQL.
std::string list_text(const Params::IdList& list, Dialect dialect);
std::string list_text(const Params::TextList& list, Dialect dialect);

}  // namespace samen::store::sql
