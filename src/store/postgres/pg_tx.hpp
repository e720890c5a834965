#pragma once
// A transaction on one PostgreSQL connection: the store's methods come from sql::SqlTx;
// here are PostgreSQL's own parts (lazy BEGIN, audit rows by COPY, the import's batch
// lookup, raw tables for samen copy).
#include <functional>

#include "store/postgres/pg_connection.hpp"
#include "store/postgres/pg_sql.hpp"
#include "store/sql/sql_tx.hpp"

namespace samen::store::postgres {

class PgTx final : public sql::SqlTx {
 public:
  PgTx(PgConnection& conn, bool write, const sql::Sealing& sealing, std::function<void()> release);
  ~PgTx() override;

  std::vector<domain::Pupil> pupils_by_number(const std::string& school_id,
                                              const std::vector<std::string>& numbers) override;

  void append_audit(const AuditRow& row) override;
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
  void flush_audit();
  std::string reserve_id(std::string_view table) override;
  void before_audit_read() override { flush_audit(); }

  PgConnection& conn_;
  std::vector<AuditRow> pending_audit_;
  bool open_ = true;
  std::function<void()> release_;
};

}  // namespace samen::store::postgres
