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

}  // namespace
}  // namespace samen::testing
