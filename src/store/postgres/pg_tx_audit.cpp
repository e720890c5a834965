// The audit log table on PostgreSQL.
#include "store/postgres/pg_tx.hpp"

namespace samen::store::postgres {
namespace {

constexpr const char* kAuditSelect =
    "SELECT seq, at, actor_user_id, actor_organisation_id, actor_role, region_id, action, "
    "pupil_id, "
    "resource_type, resource_id, decision, reason, legal_basis, request_id, client_address, "
    "prev_hash, hash "
    "FROM audit_log ";

std::vector<AuditRow> read_rows(const PgResult& r) {
  std::vector<AuditRow> out;
  for (int i = 0; i < r.rows(); ++i) {
    AuditRow row;
    row.seq = r.integer(i, 0);
    std::string* fields[] = {&row.at,         &row.actor_user_id,  &row.actor_organisation_id,
                             &row.actor_role, &row.region_id,      &row.action,
                             &row.pupil_id,   &row.resource_type,  &row.resource_id,
                             &row.decision,   &row.reason,         &row.legal_basis,
                             &row.request_id, &row.client_address, &row.prev_hash,
                             &row.hash};
    for (int c = 0; c < 16; ++c) *fields[c] = r.text(i, c + 1);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

std::optional<AuditRow> PgTx::audit_head() {
  flush_audit();
  static const std::string sql = std::string(kAuditSelect) + "ORDER BY seq DESC LIMIT 1";
  auto rows = read_rows(conn_.query(sql.c_str()));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<AuditRow> PgTx::audit_range(std::int64_t from_seq, int limit) {
  flush_audit();
  static const std::string sql =
      std::string(kAuditSelect) + "WHERE seq >= $1 ORDER BY seq LIMIT $2";
  return read_rows(conn_.query(sql.c_str(), Params().integer(from_seq).integer(limit)));
}

std::vector<AuditRow> PgTx::audit_search(const AuditQuery& q) {
  flush_audit();
  static const std::string sql =
      std::string(kAuditSelect) +
      "WHERE region_id = $1 AND ($2 = '' OR pupil_id = $2) AND ($3 = '' OR actor_user_id = $3) "
      "AND ($4 = '' OR at >= $4) AND ($5 = '' OR at < $5) AND (NOT $6::boolean OR decision = "
      "'deny') "
      "AND ($7 = 0 OR seq < $7) ORDER BY seq DESC LIMIT $8";
  return read_rows(conn_.query(sql.c_str(), Params()
                                                .text(q.region_id)
                                                .text(q.pupil_id)
                                                .text(q.actor_user_id)
                                                .text(q.from)
                                                .text(q.until)
                                                .boolean(q.denied_only)
                                                .integer(q.before_seq)
                                                .integer(q.limit)));
}

std::vector<AuditRow> PgTx::membership_changes(const std::string& region_id,
                                               std::int64_t before_seq, int limit) {
  flush_audit();
  static const std::string sql =
      std::string(kAuditSelect) +
      "WHERE region_id = $1 AND resource_type IN ('membership', 'user') AND decision = 'allow' "
      "AND action IN ('create', 'activate', 'deactivate') AND ($2 = 0 OR seq < $2) "
      "ORDER BY seq DESC LIMIT $3";
  return read_rows(
      conn_.query(sql.c_str(), Params().text(region_id).integer(before_seq).integer(limit)));
}

// Entries wait here and go to the table in one COPY when the transaction commits or the
// log is read: a group commit of 100 requests is one round trip instead of 100.
void PgTx::append_audit(const AuditRow& r) {
  require_write();
  pending_audit_.push_back(r);
}

void PgTx::flush_audit() {
  if (pending_audit_.empty()) return;
  std::string data;
  for (const auto& r : pending_audit_) {
    data += std::to_string(r.seq);
    for (const std::string* f :
         {&r.at, &r.actor_user_id, &r.actor_organisation_id, &r.actor_role, &r.region_id, &r.action,
          &r.pupil_id, &r.resource_type, &r.resource_id, &r.decision, &r.reason, &r.legal_basis,
          &r.request_id, &r.client_address, &r.prev_hash, &r.hash}) {
      data += '\t';
      append_copy_text(data, *f);
    }
    data += '\n';
  }
  pending_audit_.clear();
  conn_.copy_in(
      "COPY audit_log(seq, at, actor_user_id, actor_organisation_id, actor_role, region_id, "
      "action, pupil_id, resource_type, resource_id, decision, reason, legal_basis, request_id, "
      "client_address, prev_hash, hash) FROM STDIN",
      data);
}

std::vector<AuditCheckpoint> PgTx::audit_checkpoints() {
  auto r = conn_.query(
      "SELECT seq, hash, at, key_id, signature FROM audit_checkpoints ORDER BY seq, at, id");
  std::vector<AuditCheckpoint> out;
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({r.integer(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4)});
  return out;
}

void PgTx::append_audit_checkpoint(const AuditCheckpoint& c) {
  require_write();
  conn_.query(
      "INSERT INTO audit_checkpoints(seq, hash, at, key_id, signature) VALUES ($1,$2,$3,$4,$5)",
      Params().integer(c.seq).text(c.hash).text(c.at).text(c.key_id).text(c.signature));
}

}  // namespace samen::store::postgres
