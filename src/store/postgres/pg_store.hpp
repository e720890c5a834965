#pragma once
// The PostgreSQL backend: a pool of libpq connections (readers) and one writer connection
// per server process. Several samen servers may share one database: write transactions
// take a transaction-scoped advisory lock, so audit batches from different servers never
// interleave and the hash chain stays one gap-free line.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/postgres/pg_connection.hpp"
#include "store/sql/sealing.hpp"
#include "store/store.hpp"

namespace samen::store::postgres {

class PgStore final : public Store {
 public:
  PgStore(std::string uri, int reader_connections,
          std::shared_ptr<const security::FieldKeys> field_keys);
  ~PgStore() override;

  std::unique_ptr<ReadTx> begin_read() override;
  std::unique_ptr<WriteTx> begin_write() override;
  int schema_version() override;
  int latest_schema_version() const override;
  int migrate() override;
  std::string backend_name() const override { return "postgres"; }
  void backup_to(const std::string& path) override;
  std::string durability_problem() override;

  void release_reader(std::unique_ptr<PgConnection> conn);
  void release_writer();

 private:
  std::string uri_;
  sql::Sealing sealing_;
  std::mutex mutex_;
  std::condition_variable reader_free_;
  std::vector<std::unique_ptr<PgConnection>> readers_;
  int readers_total_ = 0;
  int readers_max_;
  std::mutex writer_mutex_;
  std::unique_ptr<PgConnection> writer_;
};

std::unique_ptr<Store> open_pg_store(const std::string& uri, int reader_connections,
                                     std::shared_ptr<const security::FieldKeys> field_keys);

}  // namespace samen::store::postgres
