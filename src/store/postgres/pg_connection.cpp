#include "store/postgres/pg_connection.hpp"

#include <charconv>

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
  try {
    exec(sql);
  } catch (const StoreError&) {
    if (PQstatus(conn_) == CONNECTION_OK) throw;
    ensure_connected();
    exec(sql);
  }
}

void PgConnection::fail(const char* what, PGresult* result) {
  std::string state = result && PQresultErrorField(result, PG_DIAG_SQLSTATE)
                          ? PQresultErrorField(result, PG_DIAG_SQLSTATE)
                          : "";
  std::string message = PQerrorMessage(conn_);
  PQclear(result);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  // serialization_failure and deadlock_detected: the transaction lost a race, not a rule.
  bool retryable = state == "40001" || state == "40P01";
  throw StoreError(
      std::string("postgres: ") + what + ": " + (state.empty() ? "" : "[" + state + "] ") + message,
      retryable);
}

void PgConnection::exec(const char* sql) {
  PGresult* r = PQexec(conn_, sql);
  auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail("exec", r);
  PQclear(r);
}

PgResult PgConnection::query(const char* sql, const Params& params) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = "s" + std::to_string(prepared_.size() + 1);
    PGresult* r = PQprepare(conn_, name.c_str(), sql, 0, nullptr);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) fail("prepare", r);
    PQclear(r);
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  const auto& values = params.values();
  std::vector<const char*> raw(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) raw[i] = values[i] ? values[i]->c_str() : nullptr;
  PGresult* r = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(raw.size()), raw.data(),
                               nullptr, nullptr, 0);
  auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail("query", r);
  return PgResult(r);
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
  const auto& values = params.values();
  std::vector<const char*> raw(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) raw[i] = values[i] ? values[i]->c_str() : nullptr;
  PGresult* r = PQexecParams(conn_, sql.c_str(), static_cast<int>(raw.size()), nullptr, raw.data(),
                             nullptr, nullptr, 0);
  auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail("query", r);
  return PgResult(r);
}

void PgConnection::copy_in(const std::string& copy_sql, const std::string& data) {
  PGresult* r = PQexec(conn_, copy_sql.c_str());
  if (PQresultStatus(r) != PGRES_COPY_IN) fail("copy", r);
  PQclear(r);
  if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) != 1 ||
      PQputCopyEnd(conn_, nullptr) != 1)
    fail("copy data", nullptr);
  PGresult* done = PQgetResult(conn_);
  if (PQresultStatus(done) != PGRES_COMMAND_OK) fail("copy", done);
  PQclear(done);
  while (PGresult* extra = PQgetResult(conn_)) PQclear(extra);
}

}  // namespace samen::store::postgres
