// PostgreSQL errors reach the store's callers with the meaning they need: a lost race
// (serialization failure, deadlock) is retryable, a broken rule is not.
#include <gtest/gtest.h>

#include <cstdlib>

#include "store/postgres/pg_connection.hpp"
#include "store/store.hpp"

namespace samen::testing {
namespace {

bool retryable_after(const char* sql) {
  const char* uri = std::getenv("SAMEN_TEST_PG");
  if (!uri) throw std::runtime_error("SAMEN_TEST_PG is not set: run through `make test`");
  store::postgres::PgConnection conn(uri);
  try {
    conn.exec(sql);
  } catch (const store::StoreError& e) {
    return e.retryable();
  }
  throw std::runtime_error(std::string("no error from: ") + sql);
}

TEST(PgErrors, SerializationFailureAndDeadlockAreRetryable) {
  EXPECT_TRUE(retryable_after(
      "DO $$BEGIN RAISE EXCEPTION 'x' USING ERRCODE = 'serialization_failure'; END$$"));
  EXPECT_TRUE(
      retryable_after("DO $$BEGIN RAISE EXCEPTION 'x' USING ERRCODE = 'deadlock_detected'; END$$"));
}

TEST(PgErrors, OtherErrorsAreNot) {
  EXPECT_FALSE(
      retryable_after("DO $$BEGIN RAISE EXCEPTION 'x' USING ERRCODE = 'unique_violation'; END$$"));
  EXPECT_FALSE(retryable_after("SELECT * FROM no_such_table"));
}

// The message goes to the server log: SQLSTATE, table, constraint and statement, never the
// values PostgreSQL quotes in DETAIL or in its message.
TEST(PgErrors, MessagesNameNoValues) {
  const char* uri = std::getenv("SAMEN_TEST_PG");
  if (!uri) throw std::runtime_error("SAMEN_TEST_PG is not set: run through `make test`");
  store::postgres::PgConnection conn(uri);
  conn.exec("CREATE TEMP TABLE people (email text UNIQUE)");
  conn.query("INSERT INTO people VALUES ($1)", store::postgres::Params().text("anna@example.nl"));
  try {
    conn.query("INSERT INTO people VALUES ($1)", store::postgres::Params().text("anna@example.nl"));
    FAIL() << "no unique violation";
  } catch (const store::StoreError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("23505"), std::string::npos) << what;
    EXPECT_NE(what.find("people_email_key"), std::string::npos) << what;
    EXPECT_NE(what.find("INSERT INTO people"), std::string::npos) << what;
    EXPECT_EQ(what.find("anna@example.nl"), std::string::npos) << what;
    EXPECT_EQ(what.find("DETAIL"), std::string::npos) << what;
  }
  try {
    conn.query("SELECT $1::bigint", store::postgres::Params().text("Jansen"));
    FAIL() << "no conversion error";
  } catch (const store::StoreError& e) {
    EXPECT_EQ(std::string(e.what()).find("Jansen"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace samen::testing
