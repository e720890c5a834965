#include "store/postgres/pg_connection.hpp"

#include <charconv>
#include <utility>

#include "store/store.hpp"

namespace samen::store::postgres {

std::string PgResult::text(int row, int col) const {
  return std::string(PQgetvalue(result_, row, col),
                     static_cast<std::size_t>(PQgetlength(result_, row, col)));
}

std::int64_t PgResult::integer(int row, int col) const {
  std::int64_t out = 0;
  const char* v = PQgetvalue(result_, row, col);
  std::from_chars(v, v + PQgetlength(result_, row, col), out);
  return out;
}

std::int64_t PgResult::affected() const {
  std::int64_t out = 0;
  const char* v = PQcmdTuples(result_);
  std::from_chars(v, v + std::char_traits<char>::length(v), out);
  return out;
}

bool PgResult::boolean(int row, int col) const {
  const char* v = PQgetvalue(result_, row, col);
  return v[0] == 't' || v[0] == '1';
}

Params& Params::id(std::string_view v) {
  bool digits = !v.empty() && v.size() <= 18 && v[0] != '0';
  for (char c : v) digits = digits && c >= '0' && c <= '9';
  if (digits)
    values_.emplace_back(std::string(v));
  else
    values_.emplace_back(std::nullopt);
  return *this;
}

Params& Params::text_array(const std::vector<std::string>& values) {
  // Quoting every element keeps commas, braces, spaces and the word NULL literal; inside
  // the quotes only '"' and '\\' need a backslash.
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  values_.emplace_back(std::move(out));
  return *this;
}

PgConnection::PgConnection(const std::string& uri) : uri_(uri) {
  conn_ = PQconnectdb(uri.c_str());
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn_);
    PQfinish(conn_);
    conn_ = nullptr;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    throw StoreError("cannot connect to PostgreSQL: " + message);
  }
  exec("SET client_min_messages = warning");
}

PgConnection::~PgConnection() {
  if (conn_) PQfinish(conn_);
}

void PgConnection::ensure_connected() {
  if (PQstatus(conn_) == CONNECTION_OK) return;
  PQreset(conn_);
  prepared_.clear();  // prepared statements die with the session
  if (PQstatus(conn_) != CONNECTION_OK) throw StoreError("PostgreSQL is unreachable");
  exec("SET client_min_messages = warning");
}

void PgConnection::begin(const char* sql) {
  settle();
  pending_begin_ = sql;
}

void PgConnection::flush_begin() {
  const char* sql = std::exchange(pending_begin_, nullptr);
  if (!sql) return;
  try {
    exec(sql);
  } catch (const StoreError&) {
    if (PQstatus(conn_) == CONNECTION_OK) throw;
    ensure_connected();
    exec(sql);
  }
}

void PgConnection::end(const char* sql) {
  settle();
  if (std::exchange(pending_begin_, nullptr)) return;
  exec(sql);
}

void PgConnection::end_without_waiting(const char* sql) {
  settle();
  if (std::exchange(pending_begin_, nullptr)) return;
  if (PQsendQuery(conn_, sql) == 1)
    reply_outstanding_ = true;
  else
    exec(sql);  // the send failed (connection gone?): the blocking path reports it
}

void PgConnection::settle() {
  if (!std::exchange(reply_outstanding_, false)) return;
  // A failed COMMIT of a read-only transaction lost nothing; a dead connection shows in
  // PQstatus and is repaired by the next begin.
  while (PGresult* r = PQgetResult(conn_)) PQclear(r);
}

namespace {

// The statement as our source wrote it, shortened: values always travel separately, so it
// names what failed without any of them.
std::string statement_label(std::string_view sql) {
  std::string out;
  for (char c : sql) {
    if (out.size() >= 80) return out + "...";
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

}  // namespace

void PgConnection::fail(const char* what, PGresult* result, std::string_view sql) {
  auto field = [&](int code) -> std::string {
    const char* v = result ? PQresultErrorField(result, code) : nullptr;
    return v ? v : "";
  };
  // PostgreSQL's messages quote data: DETAIL names the key values of a unique violation,
  // CONTEXT the failing row of a COPY, even the primary message may quote a value. None of
  // that may reach a log, so the error says SQLSTATE, table, constraint and statement; only
  // messages we raise ourselves (class P0: "audit_log is append-only") are kept.
  std::string state = field(PG_DIAG_SQLSTATE);
  std::string message = "postgres: " + std::string(what);
  if (!state.empty()) message += " [" + state + "]";
  if (auto table = field(PG_DIAG_TABLE_NAME); !table.empty()) message += " table " + table;
  if (auto c = field(PG_DIAG_CONSTRAINT_NAME); !c.empty()) message += " constraint " + c;
  if (state.rfind("P0", 0) == 0) message += ": " + field(PG_DIAG_MESSAGE_PRIMARY);
  if (!result) {
    // No result: the connection itself failed; libpq's message names no data then.
    std::string reason = PQerrorMessage(conn_);
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) reason.pop_back();
    message += ": " + reason;
  }
  if (!sql.empty()) message += " in: " + statement_label(sql);
  PQclear(result);
  // serialization_failure and deadlock_detected: the transaction lost a race, not a rule.
  bool retryable = state == "40001" || state == "40P01";
  throw StoreError(message, retryable);
}

void PgConnection::exec(const char* sql) {
  settle();
  flush_begin();
  PGresult* r = PQexec(conn_, sql);
  auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail("exec", r, sql);
  PQclear(r);
}

const std::string& PgConnection::prepared_name(const char* sql) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = "s" + std::to_string(prepared_.size() + 1);
    PGresult* r = PQprepare(conn_, name.c_str(), sql, 0, nullptr);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) fail("prepare", r, sql);
    PQclear(r);
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  return it->second;
}

namespace {

std::vector<const char*> raw_values(const Params& params) {
  const auto& values = params.values();
  std::vector<const char*> raw(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) raw[i] = values[i] ? values[i]->c_str() : nullptr;
  return raw;
}

bool succeeded(PGresult* r) {
  auto status = PQresultStatus(r);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

}  // namespace

PgResult PgConnection::query(const char* sql, const Params& params) {
  settle();
  auto raw = raw_values(params);
  if (const char* begin_sql = pending_begin_) {
    try {
      return begin_and_query(sql, raw);
    } catch (const StoreError&) {
      if (PQstatus(conn_) == CONNECTION_OK) throw;
      ensure_connected();
      pending_begin_ = begin_sql;  // the transaction died with the connection
      return begin_and_query(sql, raw);
    }
  }
  PGresult* r = PQexecPrepared(conn_, prepared_name(sql).c_str(), static_cast<int>(raw.size()),
                               raw.data(), nullptr, nullptr, 0);
  if (!succeeded(r)) fail("query", r, sql);
  return PgResult(r);
}

// BEGIN and the first query in one pipeline: one round trip instead of two. The results
// come as BEGIN's, a NULL, the query's, a NULL, then the sync point; after an error the
// rest are PIPELINE_ABORTED up to the sync.
PgResult PgConnection::begin_and_query(const char* sql, const std::vector<const char*>& raw) {
  const char* begin_sql = pending_begin_;
  const std::string& name = prepared_name(sql);  // before the pipeline: PQprepare blocks
  if (PQenterPipelineMode(conn_) != 1) fail("pipeline", nullptr);
  bool sent = PQsendQueryParams(conn_, begin_sql, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1 &&
              PQsendQueryPrepared(conn_, name.c_str(), static_cast<int>(raw.size()), raw.data(),
                                  nullptr, nullptr, 0) == 1 &&
              PQpipelineSync(conn_) == 1;
  std::vector<PGresult*> results;
  int nulls_in_a_row = 0;
  while (sent) {
    PGresult* r = PQgetResult(conn_);
    if (!r) {
      // One NULL ends a query's results; two in a row mean nothing more will come.
      if (PQstatus(conn_) != CONNECTION_OK || ++nulls_in_a_row > 1) break;
      continue;
    }
    nulls_in_a_row = 0;
    if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) {
      PQclear(r);
      break;
    }
    results.push_back(r);
  }
  PQexitPipelineMode(conn_);
  // Once BEGIN went through the transaction is open, whatever the query did: end() must
  // then send its ROLLBACK.
  if (!results.empty() && succeeded(results[0])) pending_begin_ = nullptr;
  PGresult* failed = nullptr;
  for (PGresult* r : results)
    if (!failed && !succeeded(r)) failed = r;
  if (!sent || results.size() != 2 || failed) {
    for (PGresult* r : results)
      if (r != failed) PQclear(r);
    fail("query", failed, sql);
  }
  PQclear(results[0]);
  return PgResult(results[1]);
}

void append_copy_text(std::string& out, const std::optional<std::string>& value) {
  if (!value) {
    out += "\\N";
    return;
  }
  for (char c : *value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

PgResult PgConnection::query_uncached(const std::string& sql, const Params& params) {
  settle();
  flush_begin();
  auto raw = raw_values(params);
  PGresult* r = PQexecParams(conn_, sql.c_str(), static_cast<int>(raw.size()), nullptr, raw.data(),
                             nullptr, nullptr, 0);
  if (!succeeded(r)) fail("query", r, sql);
  return PgResult(r);
}

void PgConnection::copy_in(const std::string& copy_sql, const std::string& data) {
  settle();
  flush_begin();
  PGresult* r = PQexec(conn_, copy_sql.c_str());
  if (PQresultStatus(r) != PGRES_COPY_IN) fail("copy", r, copy_sql);
  PQclear(r);
  if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) != 1 ||
      PQputCopyEnd(conn_, nullptr) != 1)
    fail("copy data", nullptr, copy_sql);
  PGresult* done = PQgetResult(conn_);
  if (PQresultStatus(done) != PGRES_COMMAND_OK) fail("copy", done, copy_sql);
  PQclear(done);
  while (PGresult* extra = PQgetResult(conn_)) PQclear(extra);
}

}  // namespace samen::store::postgres
