#pragma once
// Invitations for family logins (issue 5): the school invites a guardian or the pupil to
// log in. The token is random and one-time; only its keyed hash is stored, so a copy of
// the database does not let anyone accept an invitation. An invitation is for one guardian
// record (guardian_id) or for the pupil (for_pupil), expires at expires_at, and is used once
// (accepted_at, accepted_user_id) — unless the school revokes it first (revoked_at, by
// revoked_by_user_id; migration 5): a used invitation cannot be revoked, a revoked one not used.
#include <optional>
#include <string>

#include "domain/dates.hpp"

namespace samen::store {

struct InvitationRecord {
  std::string id;
  std::string pupil_id;
  std::string guardian_id;  // empty when the invitation is for the pupil
  bool for_pupil = false;
  std::string email;  // lower-cased: the login the user will have
  std::string token_hash;
  std::string created_by_user_id;
  domain::Millis created_at = 0;
  domain::Millis expires_at = 0;
  std::optional<domain::Millis> accepted_at;
  std::string accepted_user_id;
  std::optional<domain::Millis> revoked_at;
  std::string revoked_by_user_id;
};

}  // namespace samen::store
