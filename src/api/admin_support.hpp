#pragma once
// What the administration handlers share (admin_api.cpp: organisations and users,
// memberships_api.cpp): the administration refusal, the user a change of access is about,
// and reading {active, version} and {organisation_id, role}. Which region a change lies in
// is decided by the policy (decide_administration, decide_user_administration) from the
// record's own region, never assumed to be the admin's.
#include <optional>
#include <string>

#include "api/auth.hpp"
#include "api/handler.hpp"
#include "api/json_body.hpp"
#include "domain/policy_accounts.hpp"
#include "domain/result.hpp"
#include "http/reply.hpp"
#include "http/router.hpp"

namespace samen::api {

// The answer to a refused administration decision, audited against `subject`: the 404 of a
// missing record for one of another region (it does not exist for this admin), else 403
// (`self_grant_forbidden` for one's own access, `forbidden` for a non-admin).
http::Reply administration_refused(const Actor& actor, const http::Request& req,
                                   const domain::Decision& decision, const Subject& subject);

// Decides administration of a record in `target_region_id` (for what is created in the
// admin's region: their own); the refusal when it is denied.
std::optional<http::Reply> administration_refusal(const Actor& actor, const http::Request& req,
                                                  const std::string& target_region_id,
                                                  const Subject& subject);

struct Activation {
  bool active;
  std::int64_t version;
};

// Reads a (de)activation: {active, version} (or the version in If-Match). Returns the
// error response when the request is not acceptable.
std::optional<http::Response> read_activation(const http::Request& req, Activation& out);

// The regions a user lies in: those of their memberships.
std::vector<std::string> regions_of(store::ReadTx& tx, const store::User& user);

// The user a change of access is about, and whether the actor may make it
// (decide_membership_change over the user's regions). `refusal` holds the answer when not:
// 404 for a user that does not exist or lies outside the admin's region (audited when it
// exists), 403 for a non-admin and 403 self_grant_forbidden for the admin's own user
// (audited).
struct AccessChange {
  std::optional<store::User> user;
  domain::Decision decision;
  std::optional<http::Reply> refusal;
};

AccessChange access_change(store::ReadTx& tx, const Actor& actor, const http::Request& req,
                           const std::string& user_id, domain::MembershipChange change,
                           const std::string& resource_type, const std::string& resource_id);

struct NewMembership {
  std::string organisation_id;
  domain::Role role;
};

// Checks one {organisation_id, role}: the organisation must lie in a region the actor
// administers (decide_administration), else 400 naming the field.
Result<NewMembership> read_membership(JsonReader& in, store::ReadTx& tx, const Actor& actor);

// POST /api/users/{id}/memberships, PATCH and DELETE /api/memberships/{id}.
void register_membership_routes(http::Router& router, AppContext& ctx);

}  // namespace samen::api
