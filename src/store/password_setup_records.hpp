#pragma once
// One-time links to set a password (issue 12): `samen init` makes one for the region's
// first administrator, `samen user setup-link` another when it expired. Like an
// invitation, the token is random and only its keyed hash is stored, so a copy of the
// database sets no password. A link is for one user, expires at expires_at and is used
// once (used_at); using one ends the user's other open links too.
#include <optional>
#include <string>

#include "domain/dates.hpp"

namespace samen::store {

struct PasswordSetupRecord {
  std::string id;
  std::string user_id;
  std::string token_hash;
  domain::Millis created_at = 0;
  domain::Millis expires_at = 0;
  std::optional<domain::Millis> used_at;
};

}  // namespace samen::store
