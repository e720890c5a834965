#include "store/sqlite/sqlite_tx.hpp"

namespace samen::store::sqlite {

SqliteTx::SqliteTx(Connection& conn, bool write, const sql::Sealing& sealing,
                   std::function<void()> release)
    : SqlTx(std::make_unique<SqliteSql>(conn), write, sealing),
      conn_(conn),
      release_(std::move(release)) {
  // IMMEDIATE takes the write lock up front, so a writer never fails half-way with BUSY;
  // DEFERRED for readers gives one consistent snapshot from the first read on.
  try {
    conn_.prepare(writes() ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED").run();
  } catch (...) {
    release_();  // no destructor runs for a transaction that never began
    throw;
  }
}

SqliteTx::~SqliteTx() {
  if (open_) {
    try {
      conn_.prepare(writes() ? "ROLLBACK" : "COMMIT").run();
    } catch (const StoreError&) {
      // The transaction is gone either way; nothing useful to do in a destructor.
    }
  }
  release_();
}

std::string SqliteTx::reserve_id(std::string_view table) {
  require_write();
  // The single writer holds the database's write lock (BEGIN IMMEDIATE) from its first
  // statement, so nobody else can take this id before the INSERT that follows.
  auto r =
      db().query(sql::interned_sql("SELECT coalesce(max(id), 0) + 1 FROM " + std::string(table)));
  r->next();
  return std::to_string(r->integer(0));
}

void SqliteTx::savepoint() {
  require_write();
  conn_.prepare("SAVEPOINT job").run();
}

void SqliteTx::release_savepoint() { conn_.prepare("RELEASE SAVEPOINT job").run(); }

void SqliteTx::rollback_to_savepoint() {
  conn_.prepare("ROLLBACK TO SAVEPOINT job").run();
  conn_.prepare("RELEASE SAVEPOINT job").run();
}

void SqliteTx::commit() {
  require_write();
  conn_.prepare("COMMIT").run();
  open_ = false;
}

}  // namespace samen::store::sqlite
