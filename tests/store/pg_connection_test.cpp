// The round-trip savings of PgConnection (BEGIN sent with the first query, a read-only
// COMMIT not waited for) keep transactions exactly as they were: these tests would fail
// if a transaction leaked into the next one on the same connection.
#include "store/postgres/pg_connection.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "store/store.hpp"

namespace samen::testing {
namespace {

using store::postgres::Params;
using store::postgres::PgConnection;

std::string test_uri() {
  const char* uri = std::getenv("SAMEN_TEST_PG");
  if (!uri) throw std::runtime_error("SAMEN_TEST_PG is not set: run through `make test`");
  return uri;
}

bool in_transaction(PgConnection& conn) {
  // now() is the transaction's start; statement_timestamp() differs only inside one.
  return conn.query("SELECT now() <> statement_timestamp()").boolean(0, 0);
}

TEST(PgConnection, FirstQueryRunsInsideTheTransaction) {
  PgConnection conn(test_uri());
  conn.begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  auto level = conn.query("SELECT current_setting('transaction_isolation')");
  EXPECT_EQ(level.text(0, 0), "repeatable read");
  EXPECT_EQ(conn.query("SELECT current_setting('transaction_read_only')").text(0, 0), "on");
  conn.end_without_waiting("COMMIT");
  // The next use reads the COMMIT's reply first and runs outside any transaction.
  EXPECT_EQ(conn.query("SELECT current_setting('transaction_read_only')").text(0, 0), "off");
}

TEST(PgConnection, AFailedFirstQueryStillEndsItsTransaction) {
  PgConnection conn(test_uri());
  conn.begin("BEGIN");
  EXPECT_THROW(conn.query("SELECT * FROM no_such_table_here"), store::StoreError);
  conn.end("ROLLBACK");
  // Without the ROLLBACK the connection would be stuck in an aborted transaction.
  conn.begin("BEGIN");
  EXPECT_EQ(conn.query("SELECT 41 + 1").integer(0, 0), 42);
  EXPECT_TRUE(in_transaction(conn));
  conn.end("COMMIT");
}

TEST(PgConnection, ATransactionWithoutStatementsSendsNothing) {
  PgConnection conn(test_uri());
  conn.begin("BEGIN");
  conn.end("ROLLBACK");
  conn.begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  conn.end_without_waiting("COMMIT");
  EXPECT_EQ(conn.query("SELECT $1::int * 2", Params().integer(21)).integer(0, 0), 42);
}

TEST(PgConnection, AWriteCommitsAndAReadSeesOneSnapshot) {
  PgConnection writer(test_uri());
  PgConnection reader(test_uri());
  writer.exec("CREATE TABLE IF NOT EXISTS pg_connection_test(n int); TRUNCATE pg_connection_test");
  reader.begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  EXPECT_EQ(reader.query("SELECT count(*) FROM pg_connection_test").integer(0, 0), 0);
  writer.begin("BEGIN");
  writer.query("INSERT INTO pg_connection_test VALUES ($1)", Params().integer(1));
  writer.end("COMMIT");
  // Still the snapshot taken by the first query of the read transaction.
  EXPECT_EQ(reader.query("SELECT count(*) FROM pg_connection_test").integer(0, 0), 0);
  reader.end_without_waiting("COMMIT");
  EXPECT_EQ(reader.query("SELECT count(*) FROM pg_connection_test").integer(0, 0), 1);
  writer.exec("DROP TABLE pg_connection_test");
}

}  // namespace
}  // namespace samen::testing
