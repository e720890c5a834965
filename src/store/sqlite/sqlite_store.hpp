#pragma once
// The SQLite backend: one file in WAL mode, one writer connection (serialised by a mutex,
// as SQLite allows one writer at a time anyway) and a small pool of reader connections so
// reads run concurrently with the writer.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sql/sealing.hpp"
#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace samen::store::sqlite {

class SqliteStore final : public Store {
 public:
  SqliteStore(std::string path, int reader_connections,
              std::shared_ptr<const security::FieldKeys> field_keys);
  ~SqliteStore() override;

  std::unique_ptr<ReadTx> begin_read() override;
  std::unique_ptr<WriteTx> begin_write() override;
  int schema_version() override;
  int latest_schema_version() const override;
  int migrate() override;
  std::string backend_name() const override { return "sqlite"; }
  void backup_to(const std::string& path) override;
  std::string durability_problem() override;

  // Used by transactions to hand their connection back.
  void release_reader(std::unique_ptr<Connection> conn);
  void release_writer();

 private:
  std::string path_;
  sql::Sealing sealing_;
  std::mutex mutex_;
  std::condition_variable reader_free_;
  std::vector<std::unique_ptr<Connection>> readers_;
  int readers_total_ = 0;
  int readers_max_;
  std::mutex writer_mutex_;
  std::unique_ptr<Connection> writer_;
};

std::unique_ptr<Store> open_sqlite_store(const std::string& path, int reader_connections,
                                         std::shared_ptr<const security::FieldKeys> field_keys);

}  // namespace samen::store::sqlite
