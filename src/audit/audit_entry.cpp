#include "audit/audit_entry.hpp"

#include "security/crypto.hpp"

namespace samen::audit {
namespace {

void put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ';';
}

}  // namespace

std::string canonical(const store::AuditRow& r) {
  std::string out = "samen-audit-v1;";
  put(out, std::to_string(r.seq));
  for (const std::string* f :
       {&r.at, &r.actor_user_id, &r.actor_organisation_id, &r.actor_role, &r.region_id, &r.action,
        &r.pupil_id, &r.resource_type, &r.resource_id, &r.decision, &r.reason, &r.legal_basis,
        &r.request_id, &r.client_address})
    put(out, *f);
  return out;
}

std::string chain_hash(const std::string& prev_hash, const store::AuditRow& row) {
  return security::blake2b_hex(prev_hash + canonical(row));
}

store::AuditRow seal(const Event& e, std::int64_t seq, const std::string& at,
                     const std::string& prev_hash) {
  store::AuditRow r;
  r.seq = seq;
  r.at = at;
  r.actor_user_id = e.actor_user_id;
  r.actor_organisation_id = e.actor_organisation_id;
  r.actor_role = e.actor_role;
  r.region_id = e.region_id;
  r.action = e.action;
  r.pupil_id = e.pupil_id;
  r.resource_type = e.resource_type;
  r.resource_id = e.resource_id;
  r.decision = e.decision;
  r.reason = e.reason;
  r.legal_basis = e.legal_basis;
  r.request_id = e.request_id;
  r.client_address = e.client_address;
  r.prev_hash = prev_hash;
  r.hash = chain_hash(prev_hash, r);
  return r;
}

}  // namespace samen::audit
