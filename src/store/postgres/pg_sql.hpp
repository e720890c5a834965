#pragma once
// PostgreSQL behind the store's connection seam (store/sql/sql.hpp).
#include <string>
#include <unordered_map>

#include "store/postgres/pg_connection.hpp"
#include "store/sql/sql.hpp"

namespace samen::store::postgres {

class PgSql final : public sql::Connection {
 public:
  explicit PgSql(PgConnection& conn) : conn_(conn) {}

  std::unique_ptr<sql::Rows> query(const char* sql, const sql::Params& params) override;
  std::unique_ptr<sql::Rows> query_built(const std::string& sql,
                                         const sql::Params& params) override;
  std::int64_t run(const char* sql, const sql::Params& params) override;
  sql::Dialect dialect() const override { return sql::Dialect::postgres; }

 private:
  const char* translated(const char* sql);
  PgConnection& conn_;
};

}  // namespace samen::store::postgres
