// Administration within a region: organisations, users and memberships. Only admins, and
// only for their own region (policy: decide_administration), and never of their own user's
// access (decide_membership_change). Every change and every refusal is audited.
#include <boost/json.hpp>

#include "api/auth.hpp"
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

// A refusal by the policy, audited: 403 with the decision's reason, or `not_found` for a
// record of another region (which does not exist for this admin).
Reply refused(const Actor& actor, const Request& req, const domain::Decision& decision,
              const std::string& resource_type, const std::string& resource_id,
              bool as_not_found = false) {
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

struct Activation {
  bool active;
  std::int64_t version;
};

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

Reply list_organisations(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto actor = authenticate(ctx, req, *tx);
  if (!actor) return fail(actor.error());
  if (domain::is_family_role(actor->membership.role)) {
    Reply reply = fail(403, "forbidden", "family logins do not list organisations");
    reply.audit.push_back(actor_event(*actor, req, "denied", "organisation", ""));
    reply.audit.back().decision = "deny";
    reply.audit.back().reason = "family_role";
    return reply;
  }
  json::array out;
  for (const auto& o : tx->organisations(actor->membership.region_id))
    out.push_back(organisation_json(o));
  return Reply::of(json_response(200, json::object{{"organisations", std::move(out)}}));
}

Reply create_organisation(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  Actor actor;
  if (auto denied = admin_gate(ctx, req, *tx, actor, "organisation")) return std::move(*denied);
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
    return fail(400, "validation_failed", "name must be 1 to 200 characters", "name");
  auto t = domain::parse_org_type(type);
  if (!t) return fail(400, "validation_failed", "type is not a known organisation type", "type");
  org.type = *t;
  if (!school_type.empty()) {
    org.school_type = domain::parse_school_type(school_type);
    if (!org.school_type || org.type != domain::OrgType::school)
      return fail(400, "validation_failed", "school_type applies to schools only and must be known",
                  "school_type");
  }
  return Reply::writing([req, actor, org](store::WriteTx& w, Response& out) mutable {
    for (const auto& existing : w.organisations(org.region_id))
      if (existing.name == org.name) {
        out = http::error_response(409, "already_exists", "an organisation with this name exists",
                                   "name");
        return audit::JobOutcome{false, {}};
      }
    org.id = w.insert_organisation(org);
    out = json_response(201, organisation_json(*w.organisation(org.id)));
    return audit::JobOutcome{true, {actor_event(actor, req, "create", "organisation", org.id)}};
  });
}

Reply update_organisation(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  Actor actor;
  if (auto denied = admin_gate(ctx, req, *tx, actor, "organisation")) return std::move(*denied);
  auto org = tx->organisation(req.params["id"]);
  if (!org) return fail(404, "not_found", "no such organisation");
  auto decision = domain::decide_administration(actor.viewer, org->region_id);
  if (!decision.allowed) return refused(actor, req, decision, "organisation", org->id, true);
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

// A user belongs to the admin's region when one of their memberships is there; a user
// without any membership yet (created without one) may be given their first.
bool administered_here(store::ReadTx& tx, const store::User& user, const Actor& admin) {
  auto memberships = tx.memberships_of(user.id);
  if (memberships.empty()) return true;
  for (const auto& m : memberships)
    if (m.region_id == admin.membership.region_id) return true;
  return false;
}

// The user a change is about, and whether the actor may make it. `refusal` holds the answer
// when not: 404 for a user that does not exist or lies outside the admin's region (audited
// when it exists), 403 self_grant_forbidden for the admin's own user (audited).
struct AccessChange {
  std::optional<store::User> user;
  domain::Decision decision;
  std::optional<Reply> refusal;
};

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

// With what the admin may do about this user's access, so the UI offers only that.
json::object user_with_memberships(store::ReadTx& tx, const store::User& u, const Actor& admin) {
  auto out = user_json(u);
  json::array ms;
  for (const auto& m : tx.memberships_of(u.id)) ms.push_back(membership_json(m));
  out["memberships"] = std::move(ms);
  auto change = domain::decide_membership_change(admin.viewer, u.id, admin.membership.region_id,
                                                 domain::MembershipChange::activate);
  out["may"] = json::object{{"change_access", change.allowed}};
  return out;
}

Reply list_users(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  Actor actor;
  if (auto denied = admin_gate(ctx, req, *tx, actor, "user")) return std::move(*denied);
  json::array out;
  for (const auto& u : tx->users_in_region(actor.membership.region_id))
    out.push_back(user_with_memberships(*tx, u, actor));
  return Reply::of(json_response(200, json::object{{"users", std::move(out)}}));
}

struct NewMembership {
  std::string organisation_id;
  domain::Role role;
};

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

Reply create_user(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  Actor actor;
  if (auto denied = admin_gate(ctx, req, *tx, actor, "user")) return std::move(*denied);
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
    return fail(400, "validation_failed", "email is not a valid e-mail address", "email");
  if (user.name.empty() || user.name.size() > 200)
    return fail(400, "validation_failed", "name must be 1 to 200 characters", "name");
  if (auto strong = domain::check_password_strength(password, user.email, user.name); !strong)
    return fail(strong.error());
  std::vector<NewMembership> memberships;
  if (ms) {
    for (std::size_t i = 0; i < ms->size(); ++i) {
      if (!(*ms)[i].is_object())
        return fail(400, "validation_failed", "each membership is an object",
                    "memberships[" + std::to_string(i) + "]");
      JsonReader m((*ms)[i].as_object(), "memberships[" + std::to_string(i) + "].");
      m.allow_only({"organisation_id", "role"});
      auto nm = read_membership(m, *tx, actor);
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
            out = http::error_response(409, "already_exists",
                                       "a user with this e-mail address exists", "email");
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

Reply update_user(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  Actor actor;
  if (auto denied = admin_gate(ctx, req, *tx, actor, "user")) return std::move(*denied);
  Activation change{};
  if (auto bad = read_activation(req, change)) return Reply::of(std::move(*bad));
  bool active = change.active;
  std::int64_t version = change.version;
  // A user's active flag switches all their memberships: the same rule as for one.
  auto target = access_change(
      *tx, actor, req, req.params["id"],
      active ? domain::MembershipChange::activate : domain::MembershipChange::deactivate, "user",
      req.params["id"]);
  if (target.refusal) return std::move(*target.refusal);
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

Reply add_membership(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  Actor actor;
  if (auto denied = admin_gate(ctx, req, *tx, actor, "membership")) return std::move(*denied);
  // Whose membership it would be decides before what it would be: the refusal of a
  // self-grant does not depend on the body.
  auto target = access_change(*tx, actor, req, req.params["id"], domain::MembershipChange::create,
                              "user", req.params["id"]);
  if (target.refusal) return std::move(*target.refusal);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"organisation_id", "role"});
  auto nm = read_membership(in, *tx, actor);
  if (!nm) return fail(nm.error());
  return Reply::writing([req, actor, user_id = target.user->id, m = *nm,
                         decision = target.decision](store::WriteTx& w, Response& out) {
    for (const auto& existing : w.memberships_of(user_id))
      if (existing.organisation_id == m.organisation_id && existing.role == m.role) {
        out = http::error_response(409, "already_exists", "the user already has this membership");
        return audit::JobOutcome{false, {}};
      }
    auto id = w.insert_membership(
        store::Membership{"", user_id, m.organisation_id, m.role, true, "", ""});
    out = json_response(201, membership_json(*w.membership(id)));
    return audit::JobOutcome{true,
                             {decision_event(actor, req, decision, "create", "membership", id)}};
  });
}

// Switches a membership on or off; DELETE is the same as {"active": false}. A membership is
// one flag without other fields, so the request states the end state and needs no version:
// two admins who both deactivate it agree, and the audit log keeps the order.
Reply set_membership_active(AppContext& ctx, Request& req, std::optional<bool> wanted) {
  auto tx = ctx.store.begin_read();
  Actor actor;
  if (auto denied = admin_gate(ctx, req, *tx, actor, "membership")) return std::move(*denied);
  auto m = tx->membership(req.params["id"]);
  if (!m) return fail(404, "not_found", "no such membership");
  auto here = domain::decide_administration(actor.viewer, m->region_id);
  if (!here.allowed) return refused(actor, req, here, "membership", m->id, true);
  bool active = wanted.value_or(false);
  if (!wanted) {
    auto body = parse_json_object(req);
    if (!body) return fail(body.error());
    JsonReader in(*body);
    in.allow_only({"active"});
    active = in.boolean("active", true);
    if (!in.ok()) return fail(in.error());
  }
  auto change = active ? domain::MembershipChange::activate : domain::MembershipChange::deactivate;
  auto decision = domain::decide_membership_change(actor.viewer, m->user_id, m->region_id, change);
  if (!decision.allowed) return refused(actor, req, decision, "membership", m->id);
  return Reply::writing([req, actor, id = m->id, active, decision, deleting = wanted.has_value()](
                            store::WriteTx& w, Response& out) {
    w.set_membership_active(id, active);
    if (deleting) {
      out.status = 204;
    } else {
      out = json_response(200, membership_json(*w.membership(id)));
    }
    return audit::JobOutcome{
        true,
        {decision_event(actor, req, decision, active ? "activate" : "deactivate", "membership",
                        id)}};
  });
}

}  // namespace

void register_admin_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/organisations",
             [&ctx](Request& r) { return list_organisations(ctx, r); });
  router.add("POST", "/api/organisations",
             [&ctx](Request& r) { return create_organisation(ctx, r); });
  router.add("PATCH", "/api/organisations/{id}",
             [&ctx](Request& r) { return update_organisation(ctx, r); });
  router.add("GET", "/api/users", [&ctx](Request& r) { return list_users(ctx, r); });
  router.add("POST", "/api/users", [&ctx](Request& r) { return create_user(ctx, r); });
  router.add("PATCH", "/api/users/{id}", [&ctx](Request& r) { return update_user(ctx, r); });
  router.add("POST", "/api/users/{id}/memberships",
             [&ctx](Request& r) { return add_membership(ctx, r); });
  router.add("PATCH", "/api/memberships/{id}",
             [&ctx](Request& r) { return set_membership_active(ctx, r, std::nullopt); });
  router.add("DELETE", "/api/memberships/{id}",
             [&ctx](Request& r) { return set_membership_active(ctx, r, false); });
}

}  // namespace samen::api
