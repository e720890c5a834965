// Transaction control.
#include "store/postgres/pg_tx.hpp"

namespace samen::store::postgres {

PgTx::PgTx(PgConnection& conn, bool write, const sql::Sealing& sealing,
           std::function<void()> release)
    : SqlTx(std::make_unique<PgSql>(conn), write, sealing),
      conn_(conn),
      release_(std::move(release)) {
  // Readers get one snapshot for all of a request's reads.
  try {
    conn_.begin(writes() ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  } catch (...) {
    release_();  // no destructor runs for a transaction that never began
    throw;
  }
}

PgTx::~PgTx() {
  if (open_) {
    try {
      if (writes())
        conn_.end("ROLLBACK");
      else
        conn_.end_without_waiting("COMMIT");
    } catch (const StoreError&) {
      // The connection may be gone; ensure_connected() repairs it on next use.
    }
  }
  release_();
}

// Buffered audit rows go in before a savepoint, so that the buffer afterwards holds only
// rows appended inside it, which a rollback to it must drop with the rest of the job.
std::string PgTx::reserve_id(std::string_view table) {
  require_write();
  // Several servers may insert at once: the serial's sequence hands each a different id,
  // whether or not its transaction commits.
  auto r = db().query(sql::interned_sql("SELECT nextval(pg_get_serial_sequence('" +
                                        std::string(table) + "', 'id'))"));
  r->next();
  return std::to_string(r->integer(0));
}

void PgTx::savepoint() {
  require_write();
  flush_audit();
  conn_.exec("SAVEPOINT job");
}
void PgTx::release_savepoint() { conn_.exec("RELEASE SAVEPOINT job"); }
void PgTx::rollback_to_savepoint() {
  pending_audit_.clear();
  conn_.exec("ROLLBACK TO SAVEPOINT job");
  conn_.exec("RELEASE SAVEPOINT job");
}
void PgTx::commit() {
  require_write();
  flush_audit();
  conn_.end("COMMIT");
  open_ = false;
}

}  // namespace samen::store::postgres
