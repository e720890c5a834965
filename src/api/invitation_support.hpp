#pragma once
// What the invitation handlers share (the school's side in invitations_api.cpp, the family's
// in invitation_accept_api.cpp): the keyed hash a token is stored and found under, the
// guardian record an invitation names, and the state an invitation is in.
#include <string>

#include "domain/dates.hpp"
#include "domain/pupil.hpp"
#include "store/invitation_records.hpp"

namespace samen::api {

// Only this hash is stored, so a copy of the database accepts no invitation.
std::string invitation_token_hash(const std::string& token);

// The guardian of `pupil` with this id, or nullptr.
const domain::Guardian* find_guardian(const domain::Pupil& pupil, const std::string& guardian_id);

}  // namespace samen::api
