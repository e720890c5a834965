#pragma once
// A SQLite connection with a cache of prepared statements, and a Statement cursor that
// binds parameters by position. Only parameterised SQL goes through here: values are
// always bound, never spliced into the text.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/sql/sql.hpp"

namespace samen::store::sqlite {

class Statement {
 public:
  // An owned statement is finalized with the cursor; a cached one is only reset.
  Statement(sqlite3* db, sqlite3_stmt* stmt, bool owned = false)
      : db_(db), stmt_(stmt), owned_(owned) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_), owned_(other.owned_) {
    other.stmt_ = nullptr;
  }
  ~Statement();

  Statement& bind(int index, std::string_view text);
  // Without a copy: `text` must stay unchanged until the statement is reset.
  Statement& bind_static(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind_null(int index);
  // Binds NULL for an empty string: optional text columns stay NULL, not ''.
  Statement& bind_optional(int index, std::string_view text);

  template <typename... Args>
  Statement& bind_all(const Args&... args) {
    int i = 1;
    (bind_one(i++, args), ...);
    return *this;
  }

  bool step();   // true while a row is available
  void run();    // steps to completion
  void reset();  // ready to bind and run again

  std::string text(int col) const;
  std::int64_t integer(int col) const;
  bool is_null(int col) const;
  std::string id(int col) const;  // integer key as the string id the API uses
  int column_count() const { return sqlite3_column_count(stmt_); }

 private:
  void bind_one(int i, std::string_view v) { bind(i, v); }
  void bind_one(int i, const std::string& v) { bind(i, std::string_view(v)); }
  void bind_one(int i, const char* v) { bind(i, std::string_view(v)); }
  void bind_one(int i, std::int64_t v) { bind(i, v); }
  void bind_one(int i, int v) { bind(i, v); }
  void bind_one(int i, bool v) { bind(i, v); }

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  bool owned_ = false;
};

class Connection {
 public:
  explicit Connection(const std::string& path, bool read_only = false);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // A cursor over a cached prepared statement; reset when the cursor is destroyed.
  Statement prepare(const char* sql);
  // For SQL built at run time (identifiers from the catalogue; values still bound): not
  // cached, since the cache is keyed by the address of a literal.
  Statement prepare_uncached(const std::string& sql);
  void exec(const char* sql);  // for DDL and transaction control without parameters
  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  sqlite3* handle() { return db_; }

  // Statements translated from Samen's SQL (store/sql/sql.hpp), by the address of their
  // literal; kept with the connection so each statement is translated once.
  std::unordered_map<const char*, std::string>& translations() { return translations_; }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<const char*, sqlite3_stmt*> cache_;
  std::unordered_map<const char*, std::string> translations_;
};

using sql::parse_id;

}  // namespace samen::store::sqlite
