// Login, logout, who am I, and switching the membership one acts in.
#include <boost/json.hpp>
#include <cmath>

#include "api/auth.hpp"
#include "api/json_body.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/text.hpp"
#include "http/errors.hpp"
#include "security/crypto.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;

// Verifying against this when the e-mail is unknown makes both failures take as long.
const std::string& dummy_password_hash() {
  static const std::string hash = security::hash_password("no account has this password");
  return hash;
}

std::string account_key(const std::string& email) {
  // Failures are counted per account without storing the e-mail address itself.
  return security::keyed_hash_hex("samen-login-account", email);
}

audit::Event login_event(const Request& req, const std::optional<store::User>& user,
                         const std::optional<store::Membership>& m, std::string action,
                         std::string decision, std::string reason) {
  audit::Event e;
  if (user) e.actor_user_id = user->id;
  if (m) {
    e.actor_organisation_id = m->organisation_id;
    e.actor_role = std::string(domain::to_string(m->role));
    e.region_id = m->region_id;
  }
  e.action = std::move(action);
  e.resource_type = "session";
  e.decision = std::move(decision);
  e.reason = std::move(reason);
  e.request_id = req.request_id;
  e.client_address = req.client_address;
  return e;
}

Reply login(AppContext& ctx, Request& req) {
  auto body = parse_json_object(req);
  if (!body) return Reply::of(http::error_response(body.error()));
  JsonReader in(*body);
  in.allow_only({"email", "password"});
  std::string email = domain::to_lower_ascii(domain::trim(in.text("email", true)));
  std::string password = in.text("password", true);
  if (!in.ok()) return Reply::of(http::error_response(in.error()));

  auto now = domain::now_millis();
  std::string key = account_key(email);
  std::optional<store::User> user;
  std::optional<store::Membership> membership;
  std::vector<store::Membership> memberships;
  {
    auto tx = ctx.store.begin_read();
    auto counts = tx->login_failures(key, req.client_address, now - ctx.settings.login_window_ms);
    if (counts.by_account >= ctx.settings.login_max_failures ||
        counts.by_address >= ctx.settings.login_max_failures) {
      auto oldest = counts.by_account >= ctx.settings.login_max_failures ? counts.oldest_by_account
                                                                         : counts.oldest_by_address;
      auto wait_s =
          std::max<std::int64_t>(1, (oldest + ctx.settings.login_window_ms - now + 999) / 1000);
      Reply reply = Reply::of(
          http::error_response(429, "rate_limited", "too many failed logins; try again later"));
      reply.response->set_header("Retry-After", std::to_string(wait_s));
      reply.audit.push_back(
          login_event(req, std::nullopt, std::nullopt, "login_failed", "deny", "rate_limited"));
      return reply;
    }
    user = tx->user_by_email(email);
    if (user) {
      memberships = tx->memberships_of(user->id);
      for (const auto& m : memberships)
        if (m.active && !membership) membership = m;
    }
  }
  Reply reply;
  reply.offload = [&ctx, req, user, membership, memberships, password, key, now]() {
    bool verified =
        security::verify_password(user ? user->password_hash : dummy_password_hash(), password);
    bool usable = verified && user && user->active && membership;
    if (!usable) {
      return Reply::writing([req, user, key, now](store::WriteTx& tx, Response& out) {
        tx.record_login_failure(key, req.client_address, now);
        out =
            http::error_response(401, "invalid_credentials", "e-mail address or password is wrong");
        return audit::JobOutcome{
            true,
            {login_event(req, user, std::nullopt, "login_failed", "deny", "invalid_credentials")}};
      });
    }
    std::string token = security::random_token();
    Actor actor;
    actor.user = *user;
    actor.membership = *membership;
    actor.viewer = viewer_of(actor.user, actor.membership);
    actor.token_hash = session_token_hash(token);
    actor.csrf_token = csrf_token_for(token);
    return Reply::writing(
        [&ctx, req, actor, memberships, token, now](store::WriteTx& tx, Response& out) {
          tx.insert_session(store::Session{actor.token_hash, actor.user.id, actor.membership.id,
                                           now, now, false});
          out = json_response(200, me_json(actor, memberships));
          out.set_header("Set-Cookie", session_cookie(token, ctx.settings));
          return audit::JobOutcome{
              true, {login_event(req, actor.user, actor.membership, "login", "allow", "password")}};
        });
  };
  return reply;
}

Reply logout(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto actor = authenticate(ctx, req, *tx);
  if (!actor) return Reply::of(http::error_response(actor.error()));
  return Reply::writing([&ctx, req, a = *actor](store::WriteTx& w, Response& out) {
    w.revoke_session(a.token_hash);
    out.status = 204;
    out.body.clear();
    out.set_header("Set-Cookie", expired_session_cookie(ctx.settings));
    return audit::JobOutcome{true, {actor_event(a, req, "logout", "session", "")}};
  });
}

Reply me(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto actor = authenticate(ctx, req, *tx);
  if (!actor) return Reply::of(http::error_response(actor.error()));
  return Reply::of(json_response(200, me_json(*actor, tx->memberships_of(actor->user.id))));
}

Reply switch_membership(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto actor = authenticate(ctx, req, *tx);
  if (!actor) return Reply::of(http::error_response(actor.error()));
  auto body = parse_json_object(req);
  if (!body) return Reply::of(http::error_response(body.error()));
  JsonReader in(*body);
  in.allow_only({"membership_id"});
  std::string id = in.text("membership_id", true);
  if (!in.ok()) return Reply::of(http::error_response(in.error()));
  auto memberships = tx->memberships_of(actor->user.id);
  auto it = std::find_if(memberships.begin(), memberships.end(),
                         [&](const store::Membership& m) { return m.id == id && m.active; });
  if (it == memberships.end())
    return Reply::of(http::error_response(400, "validation_failed",
                                          "membership_id is not one of your active memberships",
                                          "membership_id"));
  Actor next = *actor;
  next.membership = *it;
  next.viewer = viewer_of(next.user, next.membership);
  return Reply::writing([req, next, memberships](store::WriteTx& w, Response& out) {
    w.set_session_membership(next.token_hash, next.membership.id);
    out = json_response(200, me_json(next, memberships));
    return audit::JobOutcome{
        true, {actor_event(next, req, "switch_membership", "membership", next.membership.id)}};
  });
}

}  // namespace

void register_session_routes(http::Router& router, AppContext& ctx) {
  router.add("POST", "/api/session", [&ctx](Request& r) { return login(ctx, r); });
  router.add("DELETE", "/api/session", [&ctx](Request& r) { return logout(ctx, r); });
  router.add("GET", "/api/me", [&ctx](Request& r) { return me(ctx, r); });
  router.add("PUT", "/api/session/membership",
             [&ctx](Request& r) { return switch_membership(ctx, r); });
}

}  // namespace samen::api
