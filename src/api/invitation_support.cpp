#include "api/invitation_support.hpp"

#include <boost/json.hpp>

#include "api/views.hpp"
#include "security/crypto.hpp"

namespace samen::api {
namespace json = boost::json;

std::string invitation_token_hash(const std::string& token) {
  return security::keyed_hash_hex("samen-invitation", token);
}

const domain::Guardian* find_guardian(const domain::Pupil& pupil, const std::string& guardian_id) {
  for (const auto& g : pupil.guardians)
    if (!guardian_id.empty() && g.id == guardian_id) return &g;
  return nullptr;
}

std::string_view invitation_status(const store::InvitationRecord& i, domain::Millis now) {
  if (i.accepted_at) return "used";
  if (i.revoked_at) return "revoked";
  if (now >= i.expires_at) return "expired";
  return "pending";
}

json::object invitation_json(const store::InvitationRecord& i, domain::Millis now) {
  return {{"id", i.id},
          {"pupil_id", i.pupil_id},
          {"guardian_id", optional_id(i.guardian_id)},
          {"pupil", i.for_pupil},
          {"email", i.email},
          {"status", invitation_status(i, now)},
          {"created_by_user_id", i.created_by_user_id},
          {"created_at", domain::format_instant(i.created_at)},
          {"expires_at", domain::format_instant(i.expires_at)},
          {"accepted_at", optional_instant(i.accepted_at)},
          {"accepted_user_id", optional_id(i.accepted_user_id)},
          {"revoked_at", optional_instant(i.revoked_at)},
          {"revoked_by_user_id", optional_id(i.revoked_by_user_id)}};
}

}  // namespace samen::api
