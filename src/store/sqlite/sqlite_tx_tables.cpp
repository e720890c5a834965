// SqliteTx: raw table access for samen copy, driven by SQLite's own catalogue.
#include <charconv>

#include "store/sqlite/sqlite_tx.hpp"

namespace samen::store::sqlite {
namespace {

ColumnKind kind_of(const std::string& declared, const std::string& table) {
  std::string type;
  for (char c : declared) type += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (type.find("INT") != std::string::npos) return ColumnKind::integer;
  if (type.find("TEXT") != std::string::npos) return ColumnKind::text;
  throw StoreError("table " + table + ": column type " + declared + " cannot be copied");
}

std::string column_list(const TableInfo& t) {
  std::string out;
  for (const auto& c : t.columns) out += (out.empty() ? "" : ", ") + quote_identifier(c.name);
  return out;
}

}  // namespace

std::vector<TableInfo> SqliteTx::data_tables() {
  std::vector<TableInfo> tables;
  auto list = conn_.prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
      "AND name <> 'schema_migrations' ORDER BY name");
  while (list.step()) tables.push_back({list.text(0), {}, {}});
  for (auto& t : tables) {
    auto columns = conn_.prepare("SELECT name, type FROM pragma_table_info(?) ORDER BY cid");
    columns.bind(1, t.name);
    while (columns.step()) t.columns.push_back({columns.text(0), kind_of(columns.text(1), t.name)});
    // Booleans are INTEGER here; they are declared BOOLEAN on PostgreSQL, and the copy
    // normalises both to 0/1, so the kind only decides how a value is bound.
    auto parents = conn_.prepare("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)");
    parents.bind(1, t.name);
    while (parents.step()) t.parents.push_back(parents.text(0));
  }
  return tables;
}

void SqliteTx::scan_table(const TableInfo& table,
                          const std::function<void(const RawRow&)>& on_row) {
  auto stmt = conn_.prepare_uncached("SELECT " + column_list(table) + " FROM " +
                                     quote_identifier(table.name));
  RawRow row(table.columns.size());
  while (stmt.step()) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      int col = static_cast<int>(i);
      if (stmt.is_null(col))
        row[i].reset();
      else
        row[i] = stmt.text(col);
    }
    on_row(row);
  }
}

void SqliteTx::load_rows(const TableInfo& table, const std::vector<RawRow>& rows) {
  require_write();
  std::string placeholders;
  for (std::size_t i = 0; i < table.columns.size(); ++i) placeholders += i ? ", ?" : "?";
  auto stmt = conn_.prepare_uncached("INSERT INTO " + quote_identifier(table.name) + " (" +
                                     column_list(table) + ") VALUES (" + placeholders + ")");
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      int index = static_cast<int>(i) + 1;
      const auto& value = row[i];
      if (!value) {
        stmt.bind_null(index);
      } else if (table.columns[i].kind == ColumnKind::text) {
        stmt.bind(index, std::string_view(*value));
      } else {
        std::int64_t number = 0;
        auto [ptr, ec] = std::from_chars(value->data(), value->data() + value->size(), number);
        if (ec != std::errc{} || ptr != value->data() + value->size())
          throw StoreError("table " + table.name + ", column " + table.columns[i].name + ": '" +
                           *value + "' is not a number");
        stmt.bind(index, number);
      }
    }
    stmt.run();
    stmt.reset();
  }
}

void SqliteTx::after_bulk_load() {
  // INTEGER PRIMARY KEY continues after the highest key by itself.
}

}  // namespace samen::store::sqlite
