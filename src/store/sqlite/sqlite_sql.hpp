#pragma once
// SQLite behind the store's connection seam (store/sql/sql.hpp).
#include <string>
#include <unordered_map>

#include "store/sql/sql.hpp"
#include "store/sqlite/connection.hpp"

namespace samen::store::sqlite {

class SqliteSql final : public sql::Connection {
 public:
  explicit SqliteSql(sqlite::Connection& conn) : conn_(conn) {}

  std::unique_ptr<sql::Rows> query(const char* sql, const sql::Params& params) override;
  std::unique_ptr<sql::Rows> query_built(const std::string& sql,
                                         const sql::Params& params) override;
  std::int64_t run(const char* sql, const sql::Params& params) override;
  sql::Dialect dialect() const override { return sql::Dialect::sqlite; }

 private:
  Statement prepared(const char* sql);
  sqlite::Connection& conn_;
};

}  // namespace samen::store::sqlite
