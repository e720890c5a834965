#pragma once
// A transaction on one SQLite connection: the store's methods come from sql::SqlTx; here
// are SQLite's own parts (BEGIN IMMEDIATE for the writer, the import's batch lookup, raw
// tables for samen copy). Opened for reading, it is handed out as a ReadTx.
#include <functional>

#include "store/sql/sql_tx.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/sqlite_sql.hpp"

namespace samen::store::sqlite {

class SqliteTx final : public sql::SqlTx {
 public:
  // `release` gives the connection back to the store when the transaction ends.
  SqliteTx(Connection& conn, bool write, const sql::Sealing& sealing,
           std::function<void()> release);
  ~SqliteTx() override;

  // The backend's own: the import's batch lookup, raw tables for samen copy, transaction
  // control.
  std::vector<domain::Pupil> pupils_by_number(const std::string& school_id,
                                              const std::vector<std::string>& numbers) override;
  std::vector<TableInfo> data_tables() override;
  void scan_table(const TableInfo& table,
                  const std::function<void(const RawRow&)>& on_row) override;

  void load_rows(const TableInfo& table, const std::vector<RawRow>& rows) override;
  void after_bulk_load() override;
  void savepoint() override;
  void release_savepoint() override;
  void rollback_to_savepoint() override;
  void commit() override;

 private:
  std::string reserve_id(std::string_view table) override;

  Connection& conn_;
  bool open_ = true;
  std::function<void()> release_;
};

}  // namespace samen::store::sqlite
