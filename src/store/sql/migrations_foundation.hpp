#pragma once
// Migrations 1-3 (migrations_foundation.cpp), for the one list in migrations.cpp.
#include <vector>

#include "store/sql/migrations.hpp"

namespace samen::store::sql {

std::vector<Migration> foundation_migrations();

}  // namespace samen::store::sql
