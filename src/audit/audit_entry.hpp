#pragma once
// One audit event (NEN 7513 style): who (user, on behalf of which organisation and role),
// did what (action) to which pupil and resource, allowed or denied and why (rule/reason,
// legal basis), from where (client address) within which request. The writer stamps the
// time, sequence number and hashes when it appends the event to the chain.
//
// The chain: hash_n = BLAKE2b-256(hash_{n-1} || canonical(entry_n)), with 64 zeros before
// the first entry. canonical() length-prefixes every field in a fixed order, so no two
// different entries encode alike and a change to any field, the order or the sequence
// number breaks every later hash.
#include <string>

#include "store/records.hpp"

namespace samen::audit {

struct Event {
  std::string actor_user_id;
  std::string actor_organisation_id;
  std::string actor_role;
  std::string region_id;
  std::string
      action;  // read, create, update, delete, export, login, login_failed, logout, denied, ...
  std::string pupil_id;
  std::string resource_type;
  std::string resource_id;
  std::string decision = "allow";  // allow | deny
  std::string reason;              // rule or denial reason code
  std::string legal_basis;
  std::string request_id;
  std::string client_address;
};

inline const std::string kGenesisHash(64, '0');

std::string canonical(const store::AuditRow& row);
std::string chain_hash(const std::string& prev_hash, const store::AuditRow& row);
// Fills seq, time, prev_hash and hash of a row built from an event.
store::AuditRow seal(const Event& event, std::int64_t seq, const std::string& at,
                     const std::string& prev_hash);

}  // namespace samen::audit
