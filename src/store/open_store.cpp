// The factory: a --db value names the backend. A PostgreSQL URI opens the PostgreSQL
// store; anything else is a SQLite file path (":memory:" included).
#include "store/postgres/pg_store.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace samen::store {

std::unique_ptr<Store> open_store(const std::string& location, int reader_connections,
                                  std::shared_ptr<const security::FieldKeys> field_keys) {
  if (location.rfind("postgres://", 0) == 0 || location.rfind("postgresql://", 0) == 0)
    return postgres::open_pg_store(location, reader_connections, std::move(field_keys));
  return sqlite::open_sqlite_store(location, reader_connections, std::move(field_keys));
}

}  // namespace samen::store
