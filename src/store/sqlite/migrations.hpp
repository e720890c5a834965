#pragma once
// Versioned schema migrations for SQLite. Each migration runs once, in order, inside one
// transaction together with the row that records it in schema_migrations. Never edit a
// migration that has shipped: add the next one.
#include <vector>

namespace samen::store::sqlite {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

const std::vector<Migration>& migrations();

}  // namespace samen::store::sqlite
