#pragma once
// The data both sides of bench/soci read: a SQLite file and tables in the test PostgreSQL,
// made once per run (seam_side.cpp), and the two statements.
#include <string>

namespace samen_bench {

inline constexpr int kUsers = 10000;
inline constexpr int kRows = 20000;

std::string sqlite_path();  // the SQLite file, filled on first use
const char* pg_uri();       // SAMEN_TEST_PG, or nullptr
void prepare_pg();          // fills the PostgreSQL tables on first use

extern const char* kPointSql;  // a user by id, 6 columns
extern const char* kPageSql;   // 25 chronology-like rows of a case, 8 columns

}  // namespace samen_bench
