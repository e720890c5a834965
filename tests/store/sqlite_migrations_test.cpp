// Upgrading a SQLite database that an older samen left behind: later migrations run once,
// in order, and backfill what they add.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/backends.hpp"
#include "store/sql/migrations.hpp"

namespace samen::testing {
namespace {

// How many migrations a database at `version` still needs (counted, not subtracted, so a
// gap in the numbers would not make the tests wrong).
int migrations_after(int version) {
  int n = 0;
  for (const auto& m : store::sql::migrations()) n += m.version > version ? 1 : 0;
  return n;
}

void exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
}

// A database as a samen of schema `version` left it: migrations 1..version, as SQL alone.
void create_at_version(sqlite3* db, int version) {
  exec(db,
       "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
       "applied_at TEXT NOT NULL DEFAULT '')");
  for (int v = 1; v <= version; ++v) {
    exec(db, store::sql::migration_sql(store::sql::migrations().at(v - 1),
                                       store::sql::Dialect::sqlite));
    exec(db,
         "INSERT INTO schema_migrations(version, name) VALUES (" + std::to_string(v) + ", 'old')");
  }
}

TEST(SqliteMigrations, UpgradeFromVersionOneBackfillsNameSearch) {
  TempDir dir;
  auto path = (dir.path / "old.db").string();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  create_at_version(db, 1);
  exec(db, "INSERT INTO regions(name) VALUES ('R')");
  exec(db, "INSERT INTO organisations(region_id, name, type) VALUES (1, 'S', 'school')");
  exec(db,
       "INSERT INTO pupils(school_id, pupil_number, given_name, family_name, search_name, "
       "date_of_birth) "
       "VALUES (1, '7', 'Sanne', 'Berg', 'sanne van der berg', '2012-01-01')");
  sqlite3_close(db);

  auto store = store::open_store(path, 1, nullptr);
  EXPECT_EQ(store->schema_version(), 1);
  EXPECT_EQ(store->migrate(), migrations_after(1));
  EXPECT_EQ(store->schema_version(), store->latest_schema_version());
  EXPECT_EQ(store->migrate(), 0);
  auto scope = full_school_scope("1");
  auto found = store->begin_read()->pupils(scope, {"van der", "", 10, 0});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].pupil.given_name, "Sanne");
}

// Migration 5 adds revocation to invitations made under migration 4: they read as not
// revoked, and can be revoked and no longer accepted.
TEST(SqliteMigrations, InvitationsOfVersionFourCanBeRevoked) {
  TempDir dir;
  auto path = (dir.path / "old.db").string();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  create_at_version(db, 4);
  exec(db, "INSERT INTO regions(name) VALUES ('R')");
  exec(db, "INSERT INTO organisations(region_id, name, type) VALUES (1, 'S', 'school')");
  exec(db, "INSERT INTO users(email, name, password_hash) VALUES ('zc@x', 'ZC', 'h')");
  exec(db,
       "INSERT INTO pupils(school_id, pupil_number, given_name, family_name, search_name, "
       "date_of_birth) VALUES (1, '7', 'Sanne', 'Berg', 'sanne berg', '2012-01-01')");
  exec(db,
       "INSERT INTO invitations(pupil_id, for_pupil, email, token_hash, created_by_user_id, "
       "created_at, expires_at) VALUES (1, 1, 'sanne@x', 'old-hash', 1, 1, 2)");
  sqlite3_close(db);

  auto store = store::open_store(path, 1, nullptr);
  EXPECT_EQ(store->schema_version(), 4);
  EXPECT_EQ(store->migrate(), migrations_after(4));
  auto tx = store->begin_write();
  auto old = tx->invitation_by_token_hash("old-hash");
  ASSERT_TRUE(old);
  EXPECT_FALSE(old->revoked_at);
  EXPECT_TRUE(tx->revoke_invitation(old->id, "1", 3));
  EXPECT_FALSE(tx->accept_invitation(old->id, "1", 4));
  tx->commit();
}

}  // namespace
}  // namespace samen::testing
