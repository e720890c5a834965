// SOCI's side of bench/soci (see seam_side.cpp): in a translation unit of its own, since
// SOCI's SQLite header includes <sqlite3.h> inside a namespace and would hide it from ours.
#include <benchmark/benchmark.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <string>

#include "soci/bench_data.hpp"

namespace {

using namespace samen_bench;

// postgresql://user@host:port/db as the key=value pairs SOCI's backend reads.
std::string keyword_form(std::string uri) {
  std::string rest = uri.substr(uri.find("://") + 3), out;
  if (auto at = rest.find('@'); at != std::string::npos) {
    out += "user=" + rest.substr(0, at) + " ";
    rest = rest.substr(at + 1);
  }
  auto slash = rest.find('/');
  std::string host_port = rest.substr(0, slash);
  auto colon = host_port.find(':');
  out += "host=" + host_port.substr(0, colon);
  if (colon != std::string::npos) out += " port=" + host_port.substr(colon + 1);
  if (slash != std::string::npos) out += " dbname=" + rest.substr(slash + 1);
  return out;
}

// --- SOCI ------------------------------------------------------------------------------

std::string soci_sql(const char* sql) {
  // SOCI names its placeholders (:p); the statements are otherwise the same text.
  std::string out;
  for (const char* c = sql; *c; ++c) out += *c == '?' ? std::string(":p") : std::string(1, *c);
  return out;
}

void soci_point(benchmark::State& state, soci::session& sql) {
  long long key = 0, id = 0, active = 0, version = 0;
  std::string email, name, hash;
  soci::statement st =
      (sql.prepare << soci_sql(kPointSql), soci::use(key), soci::into(id), soci::into(email),
       soci::into(name), soci::into(hash), soci::into(active), soci::into(version));
  std::size_t bytes = 0;
  long long n = 0;
  for (auto _ : state) {
    key = n++ % kUsers + 1;
    if (st.execute(true)) bytes += email.size() + name.size() + hash.size();
  }
  benchmark::DoNotOptimize(bytes);
}

void soci_page(benchmark::State& state, soci::session& sql) {
  long long key = 0, id = 0, case_id = 0, author = 0, created_at = 0;
  std::string role, audience, category, text;
  soci::statement st =
      (sql.prepare << soci_sql(kPageSql), soci::use(key), soci::into(id), soci::into(case_id),
       soci::into(author), soci::into(role), soci::into(audience), soci::into(category),
       soci::into(text), soci::into(created_at));
  std::size_t bytes = 0;
  long long n = 0;
  for (auto _ : state) {
    key = n++ % 200 + 1;
    st.execute();
    while (st.fetch()) bytes += role.size() + text.size() + created_at;
  }
  benchmark::DoNotOptimize(bytes);
}

void BM_soci_sqlite_point(benchmark::State& state) {
  soci::session sql(soci::sqlite3, "db=" + sqlite_path());
  soci_point(state, sql);
}
void BM_soci_sqlite_page(benchmark::State& state) {
  soci::session sql(soci::sqlite3, "db=" + sqlite_path());
  soci_page(state, sql);
}
void BM_soci_pg_point(benchmark::State& state) {
  if (!pg_uri()) return state.SkipWithError("SAMEN_TEST_PG not set");
  prepare_pg();
  soci::session sql(soci::postgresql, keyword_form(pg_uri()));
  soci_point(state, sql);
}
void BM_soci_pg_page(benchmark::State& state) {
  if (!pg_uri()) return state.SkipWithError("SAMEN_TEST_PG not set");
  prepare_pg();
  soci::session sql(soci::postgresql, keyword_form(pg_uri()));
  soci_page(state, sql);
}

}  // namespace

BENCHMARK(BM_soci_sqlite_point);
BENCHMARK(BM_soci_sqlite_page);
BENCHMARK(BM_soci_pg_point);
BENCHMARK(BM_soci_pg_page);
