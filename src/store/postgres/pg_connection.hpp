#pragma once
// A libpq connection with a cache of prepared statements (named by the address of their
// SQL literal), and results read by row and column. Parameters always travel separately
// from the SQL text, as text values; NULL is an empty optional.
#include <libpq-fe.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace samen::store::postgres {

class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result) {}
  PgResult(PgResult&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  ~PgResult() { PQclear(result_); }

  int rows() const { return PQntuples(result_); }
  // Rows an INSERT, UPDATE or DELETE changed.
  std::int64_t affected() const;
  bool empty() const { return rows() == 0; }
  bool is_null(int row, int col) const { return PQgetisnull(result_, row, col) == 1; }
  std::string text(int row, int col) const;
  std::int64_t integer(int row, int col) const;
  bool boolean(int row, int col) const;
  std::string id(int row, int col) const {
    return is_null(row, col) ? std::string() : text(row, col);
  }

 private:
  PGresult* result_;
};

// Builds a parameter list: text, integers, booleans, NULL.
class Params {
 public:
  Params& text(std::string_view v) {
    values_.emplace_back(std::string(v));
    return *this;
  }
  Params& optional(std::string_view v) {
    if (v.empty())
      values_.emplace_back(std::nullopt);
    else
      values_.emplace_back(std::string(v));
    return *this;
  }
  Params& integer(std::int64_t v) {
    values_.emplace_back(std::to_string(v));
    return *this;
  }
  Params& boolean(bool v) {
    values_.emplace_back(v ? "true" : "false");
    return *this;
  }
  Params& null() {
    values_.emplace_back(std::nullopt);
    return *this;
  }
  // An id as the API passes it; a malformed one becomes NULL and matches nothing.
  Params& id(std::string_view v);
  // A text[] in PostgreSQL's array syntax, every element quoted (for `= ANY($n::text[])`).
  Params& text_array(const std::vector<std::string>& values);
  const std::vector<std::optional<std::string>>& values() const { return values_; }

 private:
  std::vector<std::optional<std::string>> values_;
};

// Appends one value in COPY's text format (backslash escapes, \N for NULL).
void append_copy_text(std::string& out, const std::optional<std::string>& value);

class PgConnection {
 public:
  explicit PgConnection(const std::string& uri);
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;
  ~PgConnection();

  // Runs SQL without parameters (DDL, transaction control); may hold several statements.
  void exec(const char* sql);
  // Runs a statement through the prepared-statement cache.
  PgResult query(const char* sql, const Params& params = {});
  // Runs SQL built at run time (identifiers from the catalogue; values still separate),
  // without preparing it: the statement cache is keyed by the address of a literal.
  PgResult query_uncached(const std::string& sql, const Params& params = {});
  // COPY ... FROM STDIN with `data` in COPY's text format.
  void copy_in(const std::string& copy_sql, const std::string& data);
  // Reconnects when the server went away (a restart); throws StoreError if it cannot.
  void ensure_connected();
  // Starts a transaction lazily: `sql` (BEGIN ...) travels with the transaction's first
  // query in one pipeline, saving a round trip per request. A connection that died while
  // idle in the pool (PostgreSQL was restarted) is noticed there: then it reconnects once
  // and tries again, so the first request after a restart succeeds instead of failing.
  void begin(const char* sql);
  // Ends the transaction with `sql` (COMMIT or ROLLBACK); nothing to send if it never
  // ran a statement.
  void end(const char* sql);
  // The same without waiting for the reply, for read-only transactions, which cannot
  // fail to commit: the reply is read when the connection is next used.
  void end_without_waiting(const char* sql);

  // Statements translated from Samen's SQL (store/sql/sql.hpp), by the address of their
  // literal; kept with the connection so each statement is translated once.
  std::unordered_map<const char*, std::string>& translations() { return translations_; }

 private:
  [[noreturn]] void fail(const char* what, PGresult* result, std::string_view sql = {});
  // Reads the reply of an end_without_waiting() before the connection is used again.
  void settle();
  // Sends a BEGIN still waiting for its first query on its own.
  void flush_begin();
  const std::string& prepared_name(const char* sql);
  PgResult begin_and_query(const char* sql, const std::vector<const char*>& params);
  PGconn* conn_ = nullptr;
  std::string uri_;
  std::unordered_map<const char*, std::string> prepared_;
  const char* pending_begin_ = nullptr;
  bool reply_outstanding_ = false;
  std::unordered_map<const char*, std::string> translations_;
};

}  // namespace samen::store::postgres
