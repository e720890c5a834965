#include "api/admin_support.hpp"

#include "api/handler_support.hpp"

namespace samen::api {

using http::Reply;
using http::Request;
using http::Response;

// A refusal by the policy, audited: 403 with the decision's reason, or `not_found` for a
// record of another region (which does not exist for this admin).
Reply refused(const Actor& actor, const Request& req, const domain::Decision& decision,
              const std::string& resource_type, const std::string& resource_id, bool as_not_found) {
  Reply reply = as_not_found ? fail(404, "not_found", "no such " + resource_type)
                : decision.reason == "self_grant_forbidden"
                    ? fail(403, decision.reason, decision.reasons.front())
                    : fail(403, "forbidden", decision.reasons.front());
  reply.audit.push_back(decision_event(actor, req, decision, "denied", resource_type, resource_id));
  return reply;
}

// Authenticates and checks the administration rule; on success `actor` is set.
std::optional<Reply> admin_gate(AppContext& ctx, Request& req, store::ReadTx& tx, Actor& actor,
                                const std::string& resource_type) {
  auto a = authenticate(ctx, req, tx);
  if (!a) return fail(a.error());
  auto decision = domain::decide_administration(a->viewer, a->membership.region_id);
  if (!decision.allowed) return refused(*a, req, decision, resource_type, req.params["id"]);
  actor = std::move(*a);
  return std::nullopt;
}

// Reads a (de)activation: {active, version} (or the version in If-Match). Returns the
// error response when the request is not acceptable.
std::optional<Response> read_activation(const Request& req, Activation& out) {
  auto body = parse_json_object(req);
  if (!body) return http::error_response(body.error());
  JsonReader in(*body);
  in.allow_only({"active", "version"});
  out.active = in.boolean("active", true);
  std::optional<std::int64_t> v;
  if (in.has("version")) v = in.integer("version", true);
  if (!in.ok()) return http::error_response(in.error());
  auto version = expected_version(req, v);
  if (!version) return precondition_required();
  out.version = *version;
  return std::nullopt;
}

// A user belongs to the admin's region when one of their memberships is there; a user
// without any membership yet (created without one) may be given their first.
bool administered_here(store::ReadTx& tx, const store::User& user, const Actor& admin) {
  auto memberships = tx.memberships_of(user.id);
  if (memberships.empty()) return true;
  for (const auto& m : memberships)
    if (m.region_id == admin.membership.region_id) return true;
  return false;
}

AccessChange access_change(store::ReadTx& tx, const Actor& actor, const Request& req,
                           const std::string& user_id, domain::MembershipChange change,
                           const std::string& resource_type, const std::string& resource_id) {
  AccessChange out;
  out.user = tx.user(user_id);
  if (!out.user) {
    out.refusal = fail(404, "not_found", "no such " + resource_type);
    return out;
  }
  if (!administered_here(tx, *out.user, actor)) {
    domain::Decision elsewhere = domain::decide_administration(actor.viewer, "");
    out.refusal = refused(actor, req, elsewhere, resource_type, resource_id, true);
    return out;
  }
  out.decision = domain::decide_membership_change(actor.viewer, out.user->id,
                                                  actor.membership.region_id, change);
  if (!out.decision.allowed)
    out.refusal = refused(actor, req, out.decision, resource_type, resource_id);
  return out;
}

// Checks one {organisation_id, role} against the admin's region.
Result<NewMembership> read_membership(JsonReader& in, store::ReadTx& tx, const Actor& actor) {
  std::string org_id = in.text("organisation_id", true);
  std::string role_code = in.text("role", true);
  if (!in.ok()) return in.error();
  auto role = domain::parse_role(role_code);
  if (!role) return Error{"validation_failed", "role is not a known role code", in.field("role")};
  auto org = tx.organisation(org_id);
  if (!org || org->region_id != actor.membership.region_id)
    return Error{"validation_failed", "organisation_id is not an organisation of your region",
                 in.field("organisation_id")};
  return NewMembership{org->id, *role};
}

}  // namespace samen::api
