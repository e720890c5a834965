// The audit log table: appends and the reads the verifier and the API need.
#include "store/sqlite/sqlite_tx.hpp"

namespace samen::store::sqlite {
namespace {

constexpr const char* kAuditColumns =
    "SELECT seq, at, actor_user_id, actor_organisation_id, actor_role, region_id, action, "
    "pupil_id, resource_type, resource_id, decision, reason, legal_basis, request_id, "
    "client_address, prev_hash, hash FROM audit_log ";

AuditRow read_audit(Statement& s) {
  AuditRow r;
  r.seq = s.integer(0);
  r.at = s.text(1);
  r.actor_user_id = s.text(2);
  r.actor_organisation_id = s.text(3);
  r.actor_role = s.text(4);
  r.region_id = s.text(5);
  r.action = s.text(6);
  r.pupil_id = s.text(7);
  r.resource_type = s.text(8);
  r.resource_id = s.text(9);
  r.decision = s.text(10);
  r.reason = s.text(11);
  r.legal_basis = s.text(12);
  r.request_id = s.text(13);
  r.client_address = s.text(14);
  r.prev_hash = s.text(15);
  r.hash = s.text(16);
  return r;
}

}  // namespace

std::optional<AuditRow> SqliteTx::audit_head() {
  static const std::string sql = std::string(kAuditColumns) + "ORDER BY seq DESC LIMIT 1";
  auto s = conn_.prepare(sql.c_str());
  if (!s.step()) return std::nullopt;
  return read_audit(s);
}

std::vector<AuditRow> SqliteTx::audit_range(std::int64_t from_seq, int limit) {
  static const std::string sql = std::string(kAuditColumns) + "WHERE seq >= ? ORDER BY seq LIMIT ?";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, from_seq).bind(2, limit);
  std::vector<AuditRow> out;
  while (s.step()) out.push_back(read_audit(s));
  return out;
}

std::vector<AuditRow> SqliteTx::audit_search(const AuditQuery& q) {
  static const std::string sql =
      std::string(kAuditColumns) +
      "WHERE region_id = ?1 AND (?2 = '' OR pupil_id = ?2) AND (?3 = '' OR actor_user_id = ?3) "
      "AND (?4 = '' OR at >= ?4) AND (?5 = '' OR at < ?5) AND (?6 = 0 OR decision = 'deny') "
      "AND (?7 = 0 OR seq < ?7) ORDER BY seq DESC LIMIT ?8";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, q.region_id).bind(2, q.pupil_id).bind(3, q.actor_user_id).bind(4, q.from);
  s.bind(5, q.until).bind(6, q.denied_only).bind(7, q.before_seq).bind(8, q.limit);
  std::vector<AuditRow> out;
  while (s.step()) out.push_back(read_audit(s));
  return out;
}

void SqliteTx::append_audit(const AuditRow& r) {
  require_write();
  conn_
      .prepare(
          "INSERT INTO audit_log(seq, at, actor_user_id, actor_organisation_id, actor_role, "
          "region_id, action, pupil_id, resource_type, resource_id, decision, reason, "
          "legal_basis, request_id, client_address, prev_hash, hash) "
          "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
      .bind_all(r.seq, r.at, r.actor_user_id, r.actor_organisation_id, r.actor_role, r.region_id,
                r.action, r.pupil_id, r.resource_type, r.resource_id, r.decision, r.reason,
                r.legal_basis, r.request_id, r.client_address, r.prev_hash, r.hash)
      .run();
}

std::vector<AuditRow> SqliteTx::membership_changes(const std::string& region_id,
                                                   std::int64_t before_seq, int limit) {
  static const std::string sql =
      std::string(kAuditColumns) +
      "WHERE region_id = ?1 AND resource_type IN ('membership', 'user') AND decision = 'allow' "
      "AND action IN ('create', 'activate', 'deactivate') AND (?2 = 0 OR seq < ?2) "
      "ORDER BY seq DESC LIMIT ?3";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, region_id).bind(2, before_seq).bind(3, limit);
  std::vector<AuditRow> out;
  while (s.step()) out.push_back(read_audit(s));
  return out;
}

std::vector<AuditCheckpoint> SqliteTx::audit_checkpoints() {
  auto s = conn_.prepare(
      "SELECT seq, hash, at, key_id, signature FROM audit_checkpoints ORDER BY seq, at, id");
  std::vector<AuditCheckpoint> out;
  while (s.step()) out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4)});
  return out;
}

void SqliteTx::append_audit_checkpoint(const AuditCheckpoint& c) {
  require_write();
  conn_
      .prepare("INSERT INTO audit_checkpoints(seq, hash, at, key_id, signature) VALUES (?,?,?,?,?)")
      .bind_all(c.seq, c.hash, c.at, c.key_id, c.signature)
      .run();
}

}  // namespace samen::store::sqlite
