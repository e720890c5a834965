// Logout, who am I, and switching the membership one acts in (logging in: login_api.cpp).
#include <boost/json.hpp>
#include <cmath>

#include "api/auth.hpp"
#include "api/handler.hpp"
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

Reply logout(AppContext& ctx, Request& req, store::ReadTx&, const Actor& actor) {
  return Reply::writing([&ctx, req, a = actor](store::WriteTx& w, Response& out) {
    w.revoke_session(a.token_hash);
    out.status = 204;
    out.body.clear();
    out.set_header("Set-Cookie", expired_session_cookie(ctx.settings));
    return audit::JobOutcome{true, {actor_event(a, req, "logout", "session", "")}};
  });
}

Reply me(AppContext&, Request&, store::ReadTx& tx, const Actor& actor) {
  return Reply::of(json_response(200, me_json(tx, actor, tx.memberships_of(actor.user.id))));
}

Reply switch_membership(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto body = parse_json_object(req);
  if (!body) return Reply::of(http::error_response(body.error()));
  JsonReader in(*body);
  in.allow_only({"membership_id"});
  std::string id = in.text("membership_id", true);
  if (!in.ok()) return Reply::of(http::error_response(in.error()));
  auto memberships = tx.memberships_of(actor.user.id);
  auto it = std::find_if(memberships.begin(), memberships.end(),
                         [&](const store::Membership& m) { return m.id == id && m.active; });
  if (it == memberships.end())
    return Reply::of(http::error_response("validation_failed",
                                          "membership_id is not one of your active memberships",
                                          "membership_id"));
  Actor next = actor;
  next.membership = *it;
  next.viewer = viewer_of(next.user, next.membership);
  return Reply::writing([req, next, memberships](store::WriteTx& w, Response& out) {
    w.set_session_membership(next.token_hash, next.membership.id);
    out = json_response(200, me_json(w, next, memberships));
    return audit::JobOutcome{
        true, {actor_event(next, req, "switch_membership", "membership", next.membership.id)}};
  });
}

}  // namespace

void register_session_routes(http::Router& router, AppContext& ctx) {
  router.add("DELETE", "/api/session", authenticated(ctx, logout));
  router.add("GET", "/api/me", authenticated(ctx, me));
  router.add("PUT", "/api/session/membership", authenticated(ctx, switch_membership));
}

}  // namespace samen::api
