// The audit log and its checkpoints. A backend may append rows its own way (PostgreSQL
// buffers them for one COPY at commit), so every read first lets it write what it holds
// (before_audit_read).
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {
namespace {

#define SAMEN_AUDIT_SELECT                                                                \
  "SELECT seq, at, actor_user_id, actor_organisation_id, actor_role, region_id, action, " \
  "pupil_id, resource_type, resource_id, decision, reason, legal_basis, request_id, "     \
  "client_address, prev_hash, hash FROM audit_log "

std::vector<AuditRow> read_rows(std::unique_ptr<Rows> rows) {
  std::vector<AuditRow> out;
  while (rows->next()) {
    AuditRow row;
    row.seq = rows->integer(0);
    std::string* fields[] = {&row.at,         &row.actor_user_id,  &row.actor_organisation_id,
                             &row.actor_role, &row.region_id,      &row.action,
                             &row.pupil_id,   &row.resource_type,  &row.resource_id,
                             &row.decision,   &row.reason,         &row.legal_basis,
                             &row.request_id, &row.client_address, &row.prev_hash,
                             &row.hash};
    for (int c = 0; c < 16; ++c) *fields[c] = rows->text(c + 1);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

std::optional<AuditRow> SqlTx::audit_head() {
  before_audit_read();
  auto rows = read_rows(db().query(SAMEN_AUDIT_SELECT "ORDER BY seq DESC LIMIT 1"));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<AuditRow> SqlTx::audit_range(std::int64_t from_seq, int limit) {
  before_audit_read();
  return read_rows(db().query(SAMEN_AUDIT_SELECT "WHERE seq >= ? ORDER BY seq LIMIT ?",
                              Params().integer(from_seq).integer(limit)));
}

std::vector<AuditRow> SqlTx::audit_search(const AuditQuery& q) {
  before_audit_read();
  return read_rows(db().query(
      SAMEN_AUDIT_SELECT
      "WHERE region_id = ?1 AND (?2 = '' OR pupil_id = ?2) AND (?3 = '' OR actor_user_id = ?3) "
      "AND (?4 = '' OR at >= ?4) AND (?5 = '' OR at < ?5) "
      "AND (?6 = FALSE OR decision = 'deny') "
      "AND (?7 = 0 OR seq < ?7) ORDER BY seq DESC LIMIT ?8",
      Params()
          .text(q.region_id)
          .text(q.pupil_id)
          .text(q.actor_user_id)
          .text(q.from)
          .text(q.until)
          .boolean(q.denied_only)
          .integer(q.before_seq)
          .integer(q.limit)));
}

std::vector<AuditRow> SqlTx::membership_changes(const std::string& region_id,
                                                std::int64_t before_seq, int limit) {
  before_audit_read();
  return read_rows(db().query(
      SAMEN_AUDIT_SELECT
      "WHERE region_id = ?1 AND resource_type IN ('membership', 'user') AND decision = 'allow' "
      "AND action IN ('create', 'activate', 'deactivate') AND (?2 = 0 OR seq < ?2) "
      "ORDER BY seq DESC LIMIT ?3",
      Params().text(region_id).integer(before_seq).integer(limit)));
}

void SqlTx::append_audit(const AuditRow& r) {
  require_write();
  Params p;
  p.integer(r.seq);
  for (const std::string* f :
       {&r.at, &r.actor_user_id, &r.actor_organisation_id, &r.actor_role, &r.region_id, &r.action,
        &r.pupil_id, &r.resource_type, &r.resource_id, &r.decision, &r.reason, &r.legal_basis,
        &r.request_id, &r.client_address, &r.prev_hash, &r.hash})
    p.text(*f);
  db().run(
      "INSERT INTO audit_log(seq, at, actor_user_id, actor_organisation_id, actor_role, "
      "region_id, action, pupil_id, resource_type, resource_id, decision, reason, "
      "legal_basis, request_id, client_address, prev_hash, hash) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
      p);
}

std::vector<AuditCheckpoint> SqlTx::audit_checkpoints() {
  auto r = db().query(
      "SELECT seq, hash, at, key_id, signature FROM audit_checkpoints ORDER BY seq, at, id");
  std::vector<AuditCheckpoint> out;
  while (r->next()) out.push_back({r->integer(0), r->text(1), r->text(2), r->text(3), r->text(4)});
  return out;
}

void SqlTx::append_audit_checkpoint(const AuditCheckpoint& c) {
  require_write();
  db().run("INSERT INTO audit_checkpoints(seq, hash, at, key_id, signature) VALUES (?,?,?,?,?)",
           Params().integer(c.seq).text(c.hash).text(c.at).text(c.key_id).text(c.signature));
}

}  // namespace samen::store::sql
