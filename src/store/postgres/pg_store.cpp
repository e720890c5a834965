#include "store/postgres/pg_store.hpp"

#include "store/postgres/pg_tx.hpp"
#include "store/sql/migrations.hpp"

namespace samen::store::postgres {
namespace {

// Any fixed number works; it only has to be the same for every samen server.
constexpr const char* kWriterLock = "SELECT pg_advisory_xact_lock(720106)";

}  // namespace

PgStore::PgStore(std::string uri, int reader_connections,
                 std::shared_ptr<const security::FieldKeys> field_keys)
    : uri_(std::move(uri)),
      sealing_(std::move(field_keys)),
      readers_max_(reader_connections < 1 ? 1 : reader_connections) {
  writer_ = std::make_unique<PgConnection>(uri_);
}

PgStore::~PgStore() {
  std::scoped_lock lock(mutex_, writer_mutex_);
  readers_.clear();
  writer_.reset();
}

std::unique_ptr<ReadTx> PgStore::begin_read() {
  std::unique_ptr<PgConnection> conn;
  {
    std::unique_lock lock(mutex_);
    reader_free_.wait(lock, [&] { return !readers_.empty() || readers_total_ < readers_max_; });
    if (!readers_.empty()) {
      conn = std::move(readers_.back());
      readers_.pop_back();
    } else {
      ++readers_total_;
    }
  }
  if (!conn) {
    try {
      conn = std::make_unique<PgConnection>(uri_);
    } catch (...) {
      std::scoped_lock lock(mutex_);
      --readers_total_;
      reader_free_.notify_one();
      throw;
    }
  }
  PgConnection* raw = conn.release();
  return std::make_unique<PgTx>(
      *raw, false, sealing_, [this, raw] { release_reader(std::unique_ptr<PgConnection>(raw)); });
}

void PgStore::release_reader(std::unique_ptr<PgConnection> conn) {
  std::scoped_lock lock(mutex_);
  readers_.push_back(std::move(conn));
  reader_free_.notify_one();
}

std::unique_ptr<WriteTx> PgStore::begin_write() {
  writer_mutex_.lock();
  try {
    writer_->ensure_connected();
  } catch (...) {
    writer_mutex_.unlock();
    throw;
  }
  // From here the transaction owns the writer slot and releases it, also on failure.
  auto tx = std::make_unique<PgTx>(*writer_, true, sealing_, [this] { release_writer(); });
  writer_->query(kWriterLock);
  return tx;
}

void PgStore::release_writer() { writer_mutex_.unlock(); }

std::string PgStore::durability_problem() {
  std::scoped_lock lock(writer_mutex_);
  writer_->ensure_connected();
  // What the writer's sessions get: a database or role default (ALTER DATABASE … SET
  // synchronous_commit = off) shows here, as does the server's fsync.
  auto r = writer_->query("SELECT current_setting('fsync'), current_setting('synchronous_commit')");
  std::string problem;
  if (r.text(0, 0) != "on") problem = "PostgreSQL fsync is " + r.text(0, 0);
  // Every other value (local, remote_write, on, remote_apply) flushes the local WAL first.
  if (r.text(0, 1) == "off")
    problem += (problem.empty() ? "" : ", ") + std::string("PostgreSQL synchronous_commit is ") +
               r.text(0, 1);
  return problem;
}

int PgStore::schema_version() {
  std::scoped_lock lock(writer_mutex_);
  writer_->ensure_connected();
  auto exists = writer_->query("SELECT to_regclass('schema_migrations') IS NOT NULL");
  if (!exists.boolean(0, 0)) return 0;
  auto version = writer_->query("SELECT coalesce(max(version), 0) FROM schema_migrations");
  return static_cast<int>(version.integer(0, 0));
}

int PgStore::latest_schema_version() const { return sql::migrations().back().version; }

int PgStore::migrate() {
  std::scoped_lock lock(writer_mutex_);
  writer_->ensure_connected();
  writer_->exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
      "NULL, "
      "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
  int applied = 0;
  for (const auto& m : sql::migrations()) {
    writer_->exec("BEGIN");
    try {
      // The advisory lock makes concurrent `samen migrate` runs take turns.
      writer_->query(kWriterLock);
      auto done = writer_->query("SELECT 1 FROM schema_migrations WHERE version = $1",
                                 Params().integer(m.version));
      if (!done.empty()) {
        writer_->exec("COMMIT");
        continue;
      }
      writer_->exec(sql::migration_sql(m, sql::Dialect::postgres).c_str());
      writer_->query("INSERT INTO schema_migrations(version, name) VALUES ($1, $2)",
                     Params().integer(m.version).text(m.name));
      writer_->exec("COMMIT");
    } catch (...) {
      writer_->exec("ROLLBACK");
      throw;
    }
    ++applied;
  }
  return applied;
}

void PgStore::backup_to(const std::string&) {
  throw StoreError(
      "for PostgreSQL use pg_dump -Fc (docs/operations.md); samen backup is for SQLite");
}

std::unique_ptr<Store> open_pg_store(const std::string& uri, int reader_connections,
                                     std::shared_ptr<const security::FieldKeys> field_keys) {
  return std::make_unique<PgStore>(uri, reader_connections, std::move(field_keys));
}

}  // namespace samen::store::postgres
