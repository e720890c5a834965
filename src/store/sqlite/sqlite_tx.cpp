#include "store/sqlite/sqlite_tx.hpp"

namespace samen::store::sqlite {

SqliteTx::SqliteTx(Connection& conn, bool write, std::function<void()> release)
    : conn_(conn), write_(write), release_(std::move(release)) {
  // IMMEDIATE takes the write lock up front, so a writer never fails half-way with BUSY;
  // DEFERRED for readers gives one consistent snapshot from the first read on.
  conn_.exec(write_ ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

SqliteTx::~SqliteTx() {
  if (open_) {
    try {
      conn_.exec(write_ ? "ROLLBACK" : "COMMIT");
    } catch (const StoreError&) {
      // The transaction is gone either way; nothing useful to do in a destructor.
    }
  }
  release_();
}

void SqliteTx::require_write() const {
  if (!write_) throw StoreError("write attempted in a read transaction");
}

void SqliteTx::savepoint() {
  require_write();
  conn_.exec("SAVEPOINT job");
}

void SqliteTx::release_savepoint() { conn_.exec("RELEASE SAVEPOINT job"); }

void SqliteTx::rollback_to_savepoint() {
  conn_.exec("ROLLBACK TO SAVEPOINT job");
  conn_.exec("RELEASE SAVEPOINT job");
}

void SqliteTx::commit() {
  require_write();
  conn_.exec("COMMIT");
  open_ = false;
}

}  // namespace samen::store::sqlite
