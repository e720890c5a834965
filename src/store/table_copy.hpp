#pragma once
// Moving a whole deployment between backends (`samen copy`): every data table read row by
// row from one store's snapshot and loaded into another's single transaction, driven by
// the database catalogue rather than a hand-kept list, so tables added by later migrations
// are copied without anyone remembering to. Values travel as text in one normal form
// (integers in decimal, booleans as "0"/"1", NULL as nullopt) so that a row digest taken
// on either backend is the same, and the copy can be verified after it is made.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samen::store {

class ReadTx;
class WriteTx;

enum class ColumnKind { integer, text, boolean };

struct ColumnInfo {
  std::string name;
  ColumnKind kind = ColumnKind::text;
};

struct TableInfo {
  std::string name;
  std::vector<ColumnInfo> columns;   // in the table's own order
  std::vector<std::string> parents;  // tables its foreign keys point to
};

using RawRow = std::vector<std::optional<std::string>>;

// "name" quoted as an SQL identifier (both dialects), for names read from the catalogue.
std::string quote_identifier(std::string_view name);

// Tables ordered so that every table comes after the tables it references; ties keep
// their name order. Throws StoreError on a reference cycle between tables.
std::vector<TableInfo> order_by_dependencies(std::vector<TableInfo> tables);

// An order-independent digest of a table's rows: the backends need not agree on row
// order (collations differ), only on content.
class TableDigest {
 public:
  void add(const RawRow& row);
  std::int64_t rows() const { return rows_; }
  bool operator==(const TableDigest& other) const = default;

 private:
  std::int64_t rows_ = 0;
  std::uint64_t sum_ = 0;
  std::uint64_t xor_ = 0;
};

struct TableCopyReport {
  std::string table;
  TableDigest digest;
};

// Copies every data table of `from` into `to` (which must have the same tables and
// columns, and be empty), in dependency order. `progress(table, rows)` is called as rows
// go. Throws StoreError naming the difference when the schemas do not match, or the
// table that is not empty.
std::vector<TableCopyReport> copy_tables(
    ReadTx& from, WriteTx& to,
    const std::function<void(const std::string&, std::int64_t)>& progress);

// Digests of every data table as `tx` sees it, for comparing a copy with its source.
std::vector<TableCopyReport> digest_tables(ReadTx& tx);

}  // namespace samen::store
