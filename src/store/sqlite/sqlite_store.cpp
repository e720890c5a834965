#include "store/sqlite/sqlite_store.hpp"

#include <filesystem>

#include "store/sql/migrations.hpp"
#include "store/sqlite/sqlite_tx.hpp"

namespace samen::store::sqlite {

SqliteStore::SqliteStore(std::string path, int reader_connections,
                         std::shared_ptr<const security::FieldKeys> field_keys)
    : path_(std::move(path)),
      sealing_(std::move(field_keys)),
      readers_max_(reader_connections < 1 ? 1 : reader_connections) {
  writer_ = std::make_unique<Connection>(path_);
}

SqliteStore::~SqliteStore() {
  std::scoped_lock lock(mutex_, writer_mutex_);
  readers_.clear();
  // Fold the WAL back into the main file so a cleanly stopped server leaves one file.
  try {
    writer_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
  } catch (const StoreError&) {
    // Another process may hold the database; the WAL is still consistent.
  }
  writer_.reset();
}

std::unique_ptr<ReadTx> SqliteStore::begin_read() {
  std::unique_ptr<Connection> conn;
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
      conn = std::make_unique<Connection>(path_, /*read_only=*/true);
    } catch (...) {
      std::scoped_lock lock(mutex_);
      --readers_total_;
      reader_free_.notify_one();
      throw;
    }
  }
  Connection* raw = conn.release();
  return std::make_unique<SqliteTx>(
      *raw, false, sealing_, [this, raw] { release_reader(std::unique_ptr<Connection>(raw)); });
}

void SqliteStore::release_reader(std::unique_ptr<Connection> conn) {
  std::scoped_lock lock(mutex_);
  readers_.push_back(std::move(conn));
  reader_free_.notify_one();
}

std::unique_ptr<WriteTx> SqliteStore::begin_write() {
  writer_mutex_.lock();
  // The transaction releases the writer slot itself, also when it fails to begin.
  return std::make_unique<SqliteTx>(*writer_, true, sealing_, [this] { release_writer(); });
}

void SqliteStore::release_writer() { writer_mutex_.unlock(); }

int SqliteStore::schema_version() {
  std::scoped_lock lock(writer_mutex_);
  auto exists = writer_->prepare(
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  exists.step();
  if (exists.integer(0) == 0) return 0;
  auto version = writer_->prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
  version.step();
  return static_cast<int>(version.integer(0));
}

std::string SqliteStore::durability_problem() {
  std::scoped_lock lock(writer_mutex_);
  auto s = writer_->prepare("PRAGMA synchronous");
  s.step();
  // 2 = FULL, 3 = EXTRA; NORMAL in WAL mode loses the last commits on power loss.
  if (s.integer(0) < 2)
    return "SQLite synchronous is " + std::to_string(s.integer(0)) + " (below FULL)";
  return {};
}

int SqliteStore::latest_schema_version() const { return sql::migrations().back().version; }

int SqliteStore::migrate() {
  int current = schema_version();
  std::scoped_lock lock(writer_mutex_);
  int applied = 0;
  writer_->exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
      "NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))");
  for (const auto& m : sql::migrations()) {
    if (m.version <= current) continue;
    writer_->exec("BEGIN IMMEDIATE");
    try {
      writer_->exec(sql::migration_sql(m, sql::Dialect::sqlite).c_str());
      writer_->prepare("INSERT INTO schema_migrations(version, name) VALUES (?, ?)")
          .bind_all(static_cast<std::int64_t>(m.version), m.name)
          .run();
      writer_->exec("COMMIT");
    } catch (...) {
      writer_->exec("ROLLBACK");
      throw;
    }
    ++applied;
  }
  return applied;
}

void SqliteStore::backup_to(const std::string& path) {
  if (std::filesystem::exists(path))
    throw StoreError("backup target " + path + " exists; name a new file");
  // SQLite's online backup API copies page by page from a read snapshot: writers go on,
  // and the copy is the database as of one moment.
  Connection target(path);
  Connection reader(path_, /*read_only=*/true);
  sqlite3_backup* backup = sqlite3_backup_init(target.handle(), "main", reader.handle(), "main");
  if (!backup) throw StoreError(std::string("sqlite: backup: ") + sqlite3_errmsg(target.handle()));
  int rc;
  do {
    rc = sqlite3_backup_step(backup, 1024);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(10);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) throw StoreError(std::string("sqlite: backup: ") + sqlite3_errstr(rc));
  target.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

std::unique_ptr<Store> open_sqlite_store(const std::string& path, int reader_connections,
                                         std::shared_ptr<const security::FieldKeys> field_keys) {
  return std::make_unique<SqliteStore>(path, reader_connections, std::move(field_keys));
}

}  // namespace samen::store::sqlite
