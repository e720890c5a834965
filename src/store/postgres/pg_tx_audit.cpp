// PostgreSQL's way of appending audit rows: one COPY per transaction.
#include "store/postgres/pg_tx.hpp"

namespace samen::store::postgres {
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

}  // namespace samen::store::postgres
