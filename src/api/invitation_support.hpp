#pragma once
// What the invitation handlers share (the school's side in invitations_api.cpp, the family's
// in invitation_accept_api.cpp): the keyed hash a token is stored and found under, the
// guardian record an invitation names, the state an invitation is in, and its JSON shape.
#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "domain/dates.hpp"
#include "domain/pupil.hpp"
#include "store/invitation_records.hpp"

namespace samen::api {

// Only this hash is stored, so a copy of the database accepts no invitation.
std::string invitation_token_hash(const std::string& token);

// The guardian of `pupil` with this id, or nullptr.
const domain::Guardian* find_guardian(const domain::Pupil& pupil, const std::string& guardian_id);

// `used` (accepted), `revoked`, `expired` at `now`, or `pending`. Used and revoked exclude
// each other (the store ends an invitation once).
std::string_view invitation_status(const store::InvitationRecord& invitation, domain::Millis now);

// The invitation as the school sees it: whom it is for, the address, its status and history —
// never the token or its hash.
boost::json::object invitation_json(const store::InvitationRecord& invitation, domain::Millis now);

}  // namespace samen::api
