#include "api/invitation_support.hpp"

#include "security/crypto.hpp"

namespace samen::api {

std::string invitation_token_hash(const std::string& token) {
  return security::keyed_hash_hex("samen-invitation", token);
}

const domain::Guardian* find_guardian(const domain::Pupil& pupil, const std::string& guardian_id) {
  for (const auto& g : pupil.guardians)
    if (!guardian_id.empty() && g.id == guardian_id) return &g;
  return nullptr;
}

}  // namespace samen::api
