#pragma once
// The schema's history: one ordered list of migrations for both databases. Each runs
// once, in order, inside one transaction together with the row that records it in
// schema_migrations. Never edit a migration that has shipped: add the next one.
//
// A migration is written once, in Samen's DDL: standard SQL with a few tokens for what the
// two databases spell differently (migration_sql translates them):
//   {key}            the table's generated key     INTEGER PRIMARY KEY / BIGSERIAL PRIMARY KEY
//   {int}            a 64-bit integer column       INTEGER / BIGINT
//   {bool}, {true}, {false}   a flag and its values   INTEGER 1 0 / BOOLEAN true false
//   {c_collate}      byte order for a text key (PostgreSQL; SQLite compares bytes anyway)
//   {without_rowid}  SQLite's clustered table; nothing on PostgreSQL
//   {append_only TABLE MESSAGE}   triggers refusing UPDATE and DELETE (and TRUNCATE) with
//                    MESSAGE
// What cannot be written once (a backfill using each database's string functions) goes in
// `sqlite` and `postgres`, run after `sql`: the difference stays beside the common part.
#include <string>
#include <vector>

#include "store/sql/sql.hpp"

namespace samen::store::sql {

struct Migration {
  int version;
  const char* name;
  const char* sql;
  const char* sqlite = nullptr;
  const char* postgres = nullptr;
};

const std::vector<Migration>& migrations();

// The migration's statements in the dialect's own spelling, ready to run.
std::string migration_sql(const Migration& m, Dialect dialect);

}  // namespace samen::store::sql
