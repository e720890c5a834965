#pragma once
// What the administration handlers share (admin_api.cpp: organisations and users,
// memberships_api.cpp): the admin gate, audited refusals, the user a change of access is
// about, and reading {active, version} and {organisation_id, role}.
#include <optional>
#include <string>

#include "api/auth.hpp"
#include "api/json_body.hpp"
#include "domain/policy_accounts.hpp"
#include "domain/result.hpp"
#include "http/reply.hpp"
#include "http/router.hpp"

namespace samen::api {

// A refusal by the policy, audited: 403 with the decision's reason (`self_grant_forbidden`
// as its own code, else `forbidden`), or `not_found` for a record of another region (which
// does not exist for this admin).
http::Reply refused(const Actor& actor, const http::Request& req, const domain::Decision& decision,
                    const std::string& resource_type, const std::string& resource_id,
                    bool as_not_found = false);

// Authenticates and checks the administration rule; on success `actor` is set. A refusal
// is audited against `resource_type` and the path's id.
std::optional<http::Reply> admin_gate(AppContext& ctx, http::Request& req, store::ReadTx& tx,
                                      Actor& actor, const std::string& resource_type);

struct Activation {
  bool active;
  std::int64_t version;
};

// Reads a (de)activation: {active, version} (or the version in If-Match). Returns the
// error response when the request is not acceptable.
std::optional<http::Response> read_activation(const http::Request& req, Activation& out);

// A user belongs to the admin's region when one of their memberships is there; a user
// without any membership yet (created without one) may be given their first.
bool administered_here(store::ReadTx& tx, const store::User& user, const Actor& admin);

// The user a change of access is about, and whether the actor may make it. `refusal` holds
// the answer when not: 404 for a user that does not exist or lies outside the admin's region
// (audited when it exists), 403 self_grant_forbidden for the admin's own user (audited).
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

// Checks one {organisation_id, role} against the admin's region.
Result<NewMembership> read_membership(JsonReader& in, store::ReadTx& tx, const Actor& actor);

// POST /api/users/{id}/memberships, PATCH and DELETE /api/memberships/{id}.
void register_membership_routes(http::Router& router, AppContext& ctx);

}  // namespace samen::api
