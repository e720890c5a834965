// PgTx: raw table access for samen copy, driven by PostgreSQL's catalogue.
#include <map>

#include "store/postgres/pg_tx.hpp"

namespace samen::store::postgres {
namespace {

ColumnKind kind_of(const std::string& type, const std::string& table) {
  if (type == "int2" || type == "int4" || type == "int8") return ColumnKind::integer;
  if (type == "bool") return ColumnKind::boolean;
  if (type == "text" || type == "varchar") return ColumnKind::text;
  throw StoreError("table " + table + ": column type " + type + " cannot be copied");
}

// Booleans are read as 0/1, the normal form SQLite stores them in.
std::string select_list(const TableInfo& t) {
  std::string out;
  for (const auto& c : t.columns) {
    out += out.empty() ? "" : ", ";
    out += quote_identifier(c.name);
    if (c.kind == ColumnKind::boolean) out += "::int";
  }
  return out;
}

std::string column_list(const TableInfo& t) {
  std::string out;
  for (const auto& c : t.columns) out += (out.empty() ? "" : ", ") + quote_identifier(c.name);
  return out;
}

constexpr int kFetchRows = 5000;

}  // namespace

std::vector<TableInfo> PgTx::data_tables() {
  std::map<std::string, TableInfo> tables;
  auto columns = conn_.query(
      "SELECT c.relname, a.attname, t.typname FROM pg_class c "
      "JOIN pg_namespace n ON n.oid = c.relnamespace "
      "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
      "JOIN pg_type t ON t.oid = a.atttypid "
      "WHERE n.nspname = current_schema() AND c.relkind = 'r' "
      "AND c.relname <> 'schema_migrations' ORDER BY c.relname, a.attnum");
  for (int r = 0; r < columns.rows(); ++r) {
    auto& t = tables[columns.text(r, 0)];
    t.name = columns.text(r, 0);
    t.columns.push_back({columns.text(r, 1), kind_of(columns.text(r, 2), t.name)});
  }
  auto parents = conn_.query(
      "SELECT DISTINCT c.relname, p.relname FROM pg_constraint k "
      "JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid "
      "JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE k.contype = 'f' AND n.nspname = current_schema()");
  for (int r = 0; r < parents.rows(); ++r) {
    auto it = tables.find(parents.text(r, 0));
    if (it != tables.end()) it->second.parents.push_back(parents.text(r, 1));
  }
  std::vector<TableInfo> out;
  for (auto& [name, t] : tables) out.push_back(std::move(t));
  return out;
}

// A cursor, so a table of millions of audit rows never sits in memory at once.
void PgTx::scan_table(const TableInfo& table, const std::function<void(const RawRow&)>& on_row) {
  flush_audit();
  conn_.query_uncached("DECLARE samen_scan NO SCROLL CURSOR FOR SELECT " + select_list(table) +
                       " FROM " + quote_identifier(table.name));
  RawRow row(table.columns.size());
  for (;;) {
    auto batch =
        conn_.query_uncached("FETCH FORWARD " + std::to_string(kFetchRows) + " FROM samen_scan");
    for (int r = 0; r < batch.rows(); ++r) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        int col = static_cast<int>(i);
        if (batch.is_null(r, col))
          row[i].reset();
        else
          row[i] = batch.text(r, col);
      }
      on_row(row);
    }
    if (batch.rows() < kFetchRows) break;
  }
  conn_.query_uncached("CLOSE samen_scan");
}

void PgTx::load_rows(const TableInfo& table, const std::vector<RawRow>& rows) {
  require_write();
  std::string data;
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) data += '\t';
      append_copy_text(data, row[i]);
    }
    data += '\n';
  }
  conn_.copy_in("COPY " + quote_identifier(table.name) + " (" + column_list(table) + ") FROM STDIN",
                data);
}

// Rows came with their keys, so each key sequence must move past the highest one.
void PgTx::after_bulk_load() {
  require_write();
  auto serials = conn_.query(
      "SELECT c.relname, a.attname, pg_get_serial_sequence(format('%I', c.relname), a.attname) "
      "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
      "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
      "WHERE n.nspname = current_schema() AND c.relkind = 'r' "
      "AND pg_get_serial_sequence(format('%I', c.relname), a.attname) IS NOT NULL");
  for (int r = 0; r < serials.rows(); ++r) {
    conn_.query_uncached("SELECT setval($1, coalesce((SELECT max(" +
                             quote_identifier(serials.text(r, 1)) + ") FROM " +
                             quote_identifier(serials.text(r, 0)) + "), 0) + 1, false)",
                         Params().text(serials.text(r, 2)));
  }
}

}  // namespace samen::store::postgres
