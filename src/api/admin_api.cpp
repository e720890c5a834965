// Administration within a region: organisations and users (memberships: memberships_api.cpp).
// Only admins, and only for their own region (policy: decide_administration), and never of
// their own user's access (decide_membership_change). Every change and every refusal is
// audited.
#include <boost/json.hpp>

#include "api/admin_support.hpp"
#include "api/auth.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/password_policy.hpp"
#include "domain/policy_accounts.hpp"
#include "domain/text.hpp"
#include "security/crypto.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

Reply list_organisations(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto decision = domain::decide_organisation_listing(actor.viewer);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"organisation", "", ""}, Refusal::forbidden());
  json::array out;
  for (const auto& o : tx.organisations(actor.membership.region_id))
    out.push_back(organisation_json(o));
  return Reply::of(json_response(200, json::object{{"organisations", std::move(out)}}));
}

Reply create_organisation(AppContext&, Request& req, store::ReadTx&, const Actor& actor) {
  // What is listed or created lies in the admin's own region.
  if (auto denied =
          administration_refusal(actor, req, actor.membership.region_id, {"organisation", "", ""}))
    return std::move(*denied);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"name", "type", "school_type"});
  store::Organisation org;
  org.region_id = actor.membership.region_id;
  org.name = std::string(domain::trim(in.text("name", true)));
  std::string type = in.text("type", true);
  std::string school_type = in.text("school_type", false);
  if (!in.ok()) return fail(in.error());
  if (org.name.empty() || org.name.size() > 200)
    return fail("validation_failed", "name must be 1 to 200 characters", "name");
  auto t = domain::parse_org_type(type);
  if (!t) return fail("validation_failed", "type is not a known organisation type", "type");
  org.type = *t;
  if (!school_type.empty()) {
    org.school_type = domain::parse_school_type(school_type);
    if (!org.school_type || org.type != domain::OrgType::school)
      return fail("validation_failed", "school_type applies to schools only and must be known",
                  "school_type");
  }
  return Reply::writing([req, actor, org](store::WriteTx& w, Response& out) mutable {
    for (const auto& existing : w.organisations(org.region_id))
      if (existing.name == org.name) {
        out =
            http::error_response("already_exists", "an organisation with this name exists", "name");
        return audit::JobOutcome{false, {}};
      }
    org.id = w.insert_organisation(org);
    out = json_response(201, organisation_json(*w.organisation(org.id)));
    return audit::JobOutcome{true, {actor_event(actor, req, "create", "organisation", org.id)}};
  });
}

Reply update_organisation(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  // Decided on the organisation's own region (a missing one lies in none: 404 for an admin).
  auto org = tx.organisation(req.params["id"]);
  if (auto denied =
          administration_refusal(actor, req, org ? org->region_id : actor.membership.region_id,
                                 {"organisation", req.params["id"], ""}))
    return std::move(*denied);
  if (!org) return fail("not_found", "no such organisation");
  Activation change{};
  if (auto bad = read_activation(req, change)) return Reply::of(std::move(*bad));
  bool active = change.active;
  std::int64_t version = change.version;
  return Reply::writing([req, actor, id = org->id, active, version](store::WriteTx& w,
                                                                    Response& out) {
    if (!w.set_organisation_active(id, active, version)) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    out = json_response(200, organisation_json(*w.organisation(id)));
    return audit::JobOutcome{
        true, {actor_event(actor, req, active ? "activate" : "deactivate", "organisation", id)}};
  });
}

// With what the admin may do about this user's access, so the UI offers only that.
json::object user_with_memberships(store::ReadTx& tx, const store::User& u, const Actor& admin) {
  auto out = user_json(u);
  json::array ms;
  for (const auto& m : tx.memberships_of(u.id)) ms.push_back(membership_json(m));
  out["memberships"] = std::move(ms);
  auto change = domain::decide_membership_change(admin.viewer, u.id, regions_of(tx, u),
                                                 domain::MembershipChange::activate);
  out["may"] = json::object{{"change_access", change.allowed}};
  return out;
}

Reply list_users(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  // What is listed or created lies in the admin's own region.
  if (auto denied =
          administration_refusal(actor, req, actor.membership.region_id, {"user", "", ""}))
    return std::move(*denied);
  json::array out;
  for (const auto& u : tx.users_in_region(actor.membership.region_id))
    out.push_back(user_with_memberships(tx, u, actor));
  return Reply::of(json_response(200, json::object{{"users", std::move(out)}}));
}

Reply create_user(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  // What is listed or created lies in the admin's own region.
  if (auto denied =
          administration_refusal(actor, req, actor.membership.region_id, {"user", "", ""}))
    return std::move(*denied);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"email", "name", "password", "memberships"});
  store::User user;
  user.email = domain::to_lower_ascii(domain::trim(in.text("email", true)));
  user.name = std::string(domain::trim(in.text("name", true)));
  std::string password = in.text("password", true);
  const json::array* ms = in.array("memberships", false);
  if (!in.ok()) return fail(in.error());
  if (!domain::looks_like_email(user.email))
    return fail("validation_failed", "email is not a valid e-mail address", "email");
  if (user.name.empty() || user.name.size() > 200)
    return fail("validation_failed", "name must be 1 to 200 characters", "name");
  if (auto strong = domain::check_password_strength(password, user.email, user.name); !strong)
    return fail(strong.error());
  std::vector<NewMembership> memberships;
  if (ms) {
    for (std::size_t i = 0; i < ms->size(); ++i) {
      if (!(*ms)[i].is_object())
        return fail("validation_failed", "each membership is an object",
                    "memberships[" + std::to_string(i) + "]");
      JsonReader m((*ms)[i].as_object(), "memberships[" + std::to_string(i) + "].");
      m.allow_only({"organisation_id", "role"});
      auto nm = read_membership(m, tx, actor);
      if (!m.ok()) return fail(m.error());
      if (!nm) return fail(nm.error());
      memberships.push_back(*nm);
    }
  }
  Reply reply;
  reply.offload = [req, actor, user, password, memberships]() mutable {
    user.password_hash = security::hash_password(password);
    return Reply::writing(
        [req, actor, user, memberships](store::WriteTx& w, Response& out) mutable {
          if (w.user_by_email(user.email)) {
            out = http::error_response("already_exists", "a user with this e-mail address exists",
                                       "email");
            return audit::JobOutcome{false, {}};
          }
          user.id = w.insert_user(user);
          std::vector<audit::Event> events{actor_event(actor, req, "create", "user", user.id)};
          auto decision = domain::decide_membership_change(
              actor.viewer, user.id, actor.membership.region_id, domain::MembershipChange::create);
          for (const auto& m : memberships) {
            auto id = w.insert_membership(
                store::Membership{"", user.id, m.organisation_id, m.role, true, "", ""});
            events.push_back(decision_event(actor, req, decision, "create", "membership", id));
          }
          out = json_response(201, user_with_memberships(w, *w.user(user.id), actor));
          return audit::JobOutcome{true, std::move(events)};
        });
  };
  return reply;
}

Reply update_user(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  // Whose access it is decides before what the body says: the user's regions, not one's
  // own, and never one's own user. A user's active flag switches all their memberships:
  // the same rule as for one (activate and deactivate are decided alike).
  auto target = access_change(tx, actor, req, req.params["id"], domain::MembershipChange::activate,
                              "user", req.params["id"]);
  if (target.refusal) return std::move(*target.refusal);
  Activation change{};
  if (auto bad = read_activation(req, change)) return Reply::of(std::move(*bad));
  bool active = change.active;
  std::int64_t version = change.version;
  target.decision = domain::decide_membership_change(
      actor.viewer, target.user->id, regions_of(tx, *target.user),
      active ? domain::MembershipChange::activate : domain::MembershipChange::deactivate);
  return Reply::writing([req, actor, id = target.user->id, active, version,
                         decision = target.decision](store::WriteTx& w, Response& out) {
    if (!w.set_user_active(id, active, version)) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    if (!active) w.revoke_sessions_of_user(id);
    out = json_response(200, user_with_memberships(w, *w.user(id), actor));
    return audit::JobOutcome{
        true,
        {decision_event(actor, req, decision, active ? "activate" : "deactivate", "user", id)}};
  });
}

}  // namespace

void register_admin_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/organisations", authenticated(ctx, list_organisations));
  router.add("POST", "/api/organisations", authenticated(ctx, create_organisation));
  router.add("PATCH", "/api/organisations/{id}", authenticated(ctx, update_organisation));
  router.add("GET", "/api/users", authenticated(ctx, list_users));
  router.add("POST", "/api/users", authenticated(ctx, create_user));
  router.add("PATCH", "/api/users/{id}", authenticated(ctx, update_user));
  register_membership_routes(router, ctx);
}

}  // namespace samen::api
