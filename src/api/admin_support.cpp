#include "api/admin_support.hpp"

#include "api/handler_support.hpp"

namespace samen::api {

using http::Reply;
using http::Request;
using http::Response;

Reply administration_refused(const Actor& actor, const Request& req,
                             const domain::Decision& decision, const Subject& subject) {
  if (decision.reason == "other_region")
    return refuse(actor, req, decision, subject, Refusal::as_missing("no such " + subject.type));
  return refuse(actor, req, decision, subject, Refusal::forbidden());
}

std::optional<Reply> administration_refusal(const Actor& actor, const Request& req,
                                            const std::string& target_region_id,
                                            const Subject& subject) {
  auto decision = domain::decide_administration(actor.viewer, target_region_id);
  if (decision.allowed) return std::nullopt;
  return administration_refused(actor, req, decision, subject);
}

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

std::vector<std::string> regions_of(store::ReadTx& tx, const store::User& user) {
  std::vector<std::string> out;
  for (const auto& m : tx.memberships_of(user.id)) out.push_back(m.region_id);
  return out;
}

AccessChange access_change(store::ReadTx& tx, const Actor& actor, const Request& req,
                           const std::string& user_id, domain::MembershipChange change,
                           const std::string& resource_type, const std::string& resource_id) {
  AccessChange out;
  out.user = tx.user(user_id);
  if (!out.user) {
    // Nothing to find in any region: a non-admin hears they are none, an admin 404.
    if (auto no = administration_refusal(actor, req, actor.membership.region_id,
                                         {resource_type, resource_id, ""}))
      out.refusal = std::move(*no);
    else
      out.refusal = fail("not_found", "no such " + resource_type);
    return out;
  }
  out.decision = domain::decide_membership_change(actor.viewer, out.user->id,
                                                  regions_of(tx, *out.user), change);
  if (!out.decision.allowed)
    out.refusal =
        administration_refused(actor, req, out.decision, {resource_type, resource_id, ""});
  return out;
}

Result<NewMembership> read_membership(JsonReader& in, store::ReadTx& tx, const Actor& actor) {
  std::string org_id = in.text("organisation_id", true);
  std::string role_code = in.text("role", true);
  if (!in.ok()) return in.error();
  auto role = domain::parse_role(role_code);
  if (!role) return Error{"validation_failed", "role is not a known role code", in.field("role")};
  auto org = tx.organisation(org_id);
  if (!org || !domain::decide_administration(actor.viewer, org->region_id).allowed)
    return Error{"validation_failed", "organisation_id is not an organisation of your region",
                 in.field("organisation_id")};
  return NewMembership{org->id, *role};
}

}  // namespace samen::api
