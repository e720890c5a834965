// The store's connection seam (store/sql/sql.hpp) against SOCI, the well-kept library the
// issue asked us to consider, on the two shapes of read that dominate Samen's requests:
// a point lookup (a user by id, 6 columns) and a 25-row page (chronology-like rows, 8
// columns), on SQLite and, when SAMEN_TEST_PG is set, PostgreSQL. Both sides prepare once
// and bind per call. Built only when SOCI is installed (bash bench/soci/run.sh).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "soci/bench_data.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/postgres/pg_sql.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/sqlite_sql.hpp"

namespace samen_bench {

const char* kSchema =
    "DROP TABLE IF EXISTS bench_users; DROP TABLE IF EXISTS bench_rows;"
    "CREATE TABLE bench_users (id BIGINT PRIMARY KEY, email TEXT NOT NULL, name TEXT NOT NULL,"
    " password_hash TEXT NOT NULL, active BIGINT NOT NULL, version BIGINT NOT NULL);"
    "CREATE TABLE bench_rows (id BIGINT PRIMARY KEY, case_id BIGINT NOT NULL, author BIGINT,"
    " role TEXT, audience TEXT, category TEXT, text TEXT, created_at BIGINT NOT NULL);"
    "CREATE INDEX bench_rows_case ON bench_rows(case_id, created_at, id);";

std::string sqlite_path() {
  static std::string path = [] {
    auto p = std::filesystem::temp_directory_path() / "samen-seam-bench.db";
    std::filesystem::remove(p);
    samen::store::sqlite::Connection c(p.string());
    c.exec(kSchema);
    c.exec("BEGIN");
    for (int i = 1; i <= kUsers; ++i)
      c.prepare("INSERT INTO bench_users VALUES (?,?,?,?,1,1)")
          .bind_all(std::int64_t{i}, "user" + std::to_string(i) + "@school.example",
                    "Gebruiker " + std::to_string(i), std::string(96, 'h'))
          .run();
    for (int i = 1; i <= kRows; ++i)
      c.prepare("INSERT INTO bench_rows VALUES (?,?,?,'mentor','case_team','attendance',?,?)")
          .bind_all(std::int64_t{i}, std::int64_t{i % 200 + 1}, std::int64_t{i % 50 + 1},
                    std::string(600, 't'), std::int64_t{i})
          .run();
    c.exec("COMMIT");
    return p.string();
  }();
  return path;
}

const char* pg_uri() { return std::getenv("SAMEN_TEST_PG"); }

void prepare_pg() {
  static bool done = [] {
    samen::store::postgres::PgConnection c(pg_uri());
    c.exec(kSchema);
    c.exec(
        "INSERT INTO bench_users SELECT i, 'user' || i || '@school.example', 'Gebruiker ' || i,"
        " repeat('h', 96), 1, 1 FROM generate_series(1, 10000) i");
    c.exec(
        "INSERT INTO bench_rows SELECT i, i % 200 + 1, i % 50 + 1, 'mentor', 'case_team',"
        " 'attendance', repeat('t', 600), i FROM generate_series(1, 20000) i");
    c.exec("ANALYZE bench_users; ANALYZE bench_rows");
    return true;
  }();
  (void)done;
}

const char* kPointSql =
    "SELECT id, email, name, password_hash, active, version FROM bench_users WHERE id = ?";
const char* kPageSql =
    "SELECT id, case_id, author, role, audience, category, text, created_at FROM bench_rows "
    "WHERE case_id = ? ORDER BY created_at, id LIMIT 25";

}  // namespace samen_bench

namespace {

using samen::store::sql::Params;
using namespace samen_bench;

// --- the seam --------------------------------------------------------------------------

void seam_point(benchmark::State& state, samen::store::sql::Connection& db) {
  std::int64_t id = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto r = db.query(kPointSql, Params().integer(id++ % kUsers + 1));
    if (r->next()) bytes += r->text(1).size() + r->text(2).size() + r->text(3).size();
  }
  benchmark::DoNotOptimize(bytes);
}

void seam_page(benchmark::State& state, samen::store::sql::Connection& db) {
  std::int64_t id = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto r = db.query(kPageSql, Params().integer(id++ % 200 + 1));
    while (r->next()) bytes += r->text(3).size() + r->text(6).size() + r->integer(7);
  }
  benchmark::DoNotOptimize(bytes);
}

void BM_seam_sqlite_point(benchmark::State& state) {
  samen::store::sqlite::Connection c(sqlite_path());
  samen::store::sqlite::SqliteSql db(c);
  seam_point(state, db);
}
void BM_seam_sqlite_page(benchmark::State& state) {
  samen::store::sqlite::Connection c(sqlite_path());
  samen::store::sqlite::SqliteSql db(c);
  seam_page(state, db);
}
void BM_seam_pg_point(benchmark::State& state) {
  if (!pg_uri()) return state.SkipWithError("SAMEN_TEST_PG not set");
  prepare_pg();
  samen::store::postgres::PgConnection c(pg_uri());
  samen::store::postgres::PgSql db(c);
  seam_point(state, db);
}
void BM_seam_pg_page(benchmark::State& state) {
  if (!pg_uri()) return state.SkipWithError("SAMEN_TEST_PG not set");
  prepare_pg();
  samen::store::postgres::PgConnection c(pg_uri());
  samen::store::postgres::PgSql db(c);
  seam_page(state, db);
}

}  // namespace

BENCHMARK(BM_seam_sqlite_point);
BENCHMARK(BM_seam_sqlite_page);
BENCHMARK(BM_seam_pg_point);
BENCHMARK(BM_seam_pg_page);
