// Key rotation's walk over the sealed columns (security/key_rotation.hpp): the statements
// are built from the declaration (security/record_kinds.cpp), never from input.
#include "security/sealed_field.hpp"
#include "store/sql/row_values.hpp"
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {
namespace {

using security::SensitiveColumn;

// The declaration's names are identifiers; anything else would be a bug worth stopping on
// before it reaches SQL text.
std::string identifier(std::string_view name) {
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || c == '_'))
      throw std::logic_error("not an identifier: " + std::string(name));
  return std::string(name);
}

}  // namespace

std::vector<security::StoredValue> SqlTx::values_to_reseal(const SensitiveColumn& column,
                                                           std::string_view current_key_id,
                                                           std::int64_t after, std::size_t limit) {
  auto table = identifier(column.table), c = identifier(column.column),
       key = identifier(column.key_column);
  auto prefix = security::sealed_prefix(current_key_id);
  // The empty text is stored as it is (Sealing::seal); it says nothing.
  auto r =
      db().query(interned_sql("SELECT " + key + ", " + c + " FROM " + table + " WHERE " + key +
                              " > ? AND " + c + " IS NOT NULL AND " + c + " <> '' AND substr(" + c +
                              ", 1, ?) <> ? ORDER BY " + key + " LIMIT ?"),
                 Params()
                     .integer(after)
                     .integer(static_cast<std::int64_t>(prefix.size()))
                     .text(prefix)
                     .integer(static_cast<std::int64_t>(limit)));
  std::vector<security::StoredValue> out;
  while (r->next()) out.push_back({r->integer(0), r->text(1)});
  return out;
}

std::int64_t SqlTx::count_sealed_with(const SensitiveColumn& column, std::string_view key_id) {
  auto table = identifier(column.table), c = identifier(column.column);
  auto prefix = security::sealed_prefix(key_id);
  auto r =
      db().query_built("SELECT count(*) FROM " + table + " WHERE substr(" + c + ", 1, ?) = ?",
                       Params().integer(static_cast<std::int64_t>(prefix.size())).text(prefix));
  r->next();
  return r->integer(0);
}

std::size_t SqlTx::write_resealed(const SensitiveColumn& column,
                                  const std::vector<security::ResealedValue>& batch) {
  require_write();
  auto table = identifier(column.table), c = identifier(column.column),
       key = identifier(column.key_column);
  std::string sql = "UPDATE " + table + " SET " + c + " = ?";
  if (column.blind_index) sql += ", " + identifier(column.blind_index->column) + " = ?";
  sql += " WHERE " + key + " = ? AND " + c + " = ?";
  std::size_t written = 0;
  for (const auto& value : batch) {
    Params p;
    p.text(value.new_value);
    if (column.blind_index) optional_text(p, value.blind_index);
    p.integer(value.record_id).text(value.old_value);
    written += static_cast<std::size_t>(db().run(interned_sql(sql), p));
  }
  return written;
}

}  // namespace samen::store::sql
