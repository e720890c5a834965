#pragma once
// Versioned schema migrations for PostgreSQL: the same versions as the SQLite ones
// (store/sqlite/migrations.cpp), in PostgreSQL's dialect. Never edit a shipped one.
#include <vector>

#include "store/sqlite/migrations.hpp"

namespace samen::store::postgres {

const std::vector<sqlite::Migration>& pg_migrations();

}  // namespace samen::store::postgres
