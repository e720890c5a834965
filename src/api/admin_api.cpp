// Administration within a region: organisations, users and memberships. Only admins, and
// only for their own region (policy: decide_administration). Every change is audited.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/password_policy.hpp"
#include "domain/text.hpp"
#include "security/crypto.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

// Authenticates and checks the administration rule; on success `actor` is set.
std::optional<Reply> admin_gate(AppContext& ctx, Request& req, store::ReadTx& tx, Actor& actor) {
  auto a = authenticate(ctx, req, tx);
  if (!a) return fail(a.error());
  auto decision = domain::decide_administration(a->viewer, a->membership.region_id);
  if (!decision.allowed) return fail(403, "forbidden", decision.reasons.front());
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
  if (domain::is_family_role(actor->membership.role))
    return fail(403, "forbidden", "family logins do not list organisations");
  json::array out;
  for (const auto& o : tx->organisations(actor->membership.region_id))
    out.push_back(organisation_json(o));
  return Reply::of(json_response(200, json::object{{"organisations", std::move(out)}}));
}

Reply create_organisation(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  Actor actor;
  if (auto denied = admin_gate(ctx, req, *tx, actor)) return std::move(*denied);
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
  if (auto denied = admin_gate(ctx, req, *tx, actor)) return std::move(*denied);
  Activation change{};
  if (auto bad = read_activation(req, change)) return Reply::of(std::move(*bad));
  bool active = change.active;
  std::int64_t version = change.version;
  auto org = tx->organisation(req.params["id"]);
  if (!org || org->region_id != actor.membership.region_id)
    return fail(404, "not_found", "no such organisation");
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

json::object user_with_memberships(store::ReadTx& tx, const store::User& u) {
  auto out = user_json(u);
  json::array ms;
  for (const auto& m : tx.memberships_of(u.id)) ms.push_back(membership_json(m));
  out["memberships"] = std::move(ms);
  return out;
}

Reply list_users(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  Actor actor;
  if (auto denied = admin_gate(ctx, req, *tx, actor)) return std::move(*denied);
  json::array out;
  for (const auto& u : tx->users_in_region(actor.membership.region_id))
    out.push_back(user_with_memberships(*tx, u));
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
  if (auto denied = admin_gate(ctx, req, *tx, actor)) return std::move(*denied);
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
          for (const auto& m : memberships) {
            auto id = w.insert_membership(
                store::Membership{"", user.id, m.organisation_id, m.role, true, "", ""});
            events.push_back(actor_event(actor, req, "create", "membership", id));
          }
          out = json_response(201, user_with_memberships(w, *w.user(user.id)));
          return audit::JobOutcome{true, std::move(events)};
        });
  };
  return reply;
}

Reply update_user(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  Actor actor;
  if (auto denied = admin_gate(ctx, req, *tx, actor)) return std::move(*denied);
  Activation change{};
  if (auto bad = read_activation(req, change)) return Reply::of(std::move(*bad));
  bool active = change.active;
  std::int64_t version = change.version;
  auto user = tx->user(req.params["id"]);
  if (!user || !administered_here(*tx, *user, actor)) return fail(404, "not_found", "no such user");
  return Reply::writing(
      [req, actor, id = user->id, active, version](store::WriteTx& w, Response& out) {
        if (!w.set_user_active(id, active, version)) {
          out = version_conflict();
          return audit::JobOutcome{false, {}};
        }
        if (!active) w.revoke_sessions_of_user(id);
        out = json_response(200, user_with_memberships(w, *w.user(id)));
        return audit::JobOutcome{
            true, {actor_event(actor, req, active ? "activate" : "deactivate", "user", id)}};
      });
}

Reply add_membership(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  Actor actor;
  if (auto denied = admin_gate(ctx, req, *tx, actor)) return std::move(*denied);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"organisation_id", "role"});
  auto nm = read_membership(in, *tx, actor);
  if (!nm) return fail(nm.error());
  auto user = tx->user(req.params["id"]);
  if (!user || !administered_here(*tx, *user, actor)) return fail(404, "not_found", "no such user");
  return Reply::writing([req, actor, user_id = user->id, m = *nm](store::WriteTx& w,
                                                                  Response& out) {
    for (const auto& existing : w.memberships_of(user_id))
      if (existing.organisation_id == m.organisation_id && existing.role == m.role) {
        out = http::error_response(409, "already_exists", "the user already has this membership");
        return audit::JobOutcome{false, {}};
      }
    auto id = w.insert_membership(
        store::Membership{"", user_id, m.organisation_id, m.role, true, "", ""});
    out = json_response(201, membership_json(*w.membership(id)));
    return audit::JobOutcome{true, {actor_event(actor, req, "create", "membership", id)}};
  });
}

Reply deactivate_membership(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  Actor actor;
  if (auto denied = admin_gate(ctx, req, *tx, actor)) return std::move(*denied);
  auto m = tx->membership(req.params["id"]);
  if (!m || m->region_id != actor.membership.region_id)
    return fail(404, "not_found", "no such membership");
  return Reply::writing([req, actor, id = m->id](store::WriteTx& w, Response& out) {
    w.set_membership_active(id, false);
    out.status = 204;
    return audit::JobOutcome{true, {actor_event(actor, req, "deactivate", "membership", id)}};
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
  router.add("DELETE", "/api/memberships/{id}",
             [&ctx](Request& r) { return deactivate_membership(ctx, r); });
}

}  // namespace samen::api
