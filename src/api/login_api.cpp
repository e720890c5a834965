// Logging in with e-mail and password, under the login limit (domain/login_limit.hpp).
// The attempt is reserved on the writer before its password is hashed: a row in
// login_failures that counts as a failure until the password proves right, when it is
// removed. The writer takes one reservation at a time (and on PostgreSQL every server's
// writer holds the same advisory lock), so 40 parallel guesses get at most the limit's
// worth of argon2id evaluations; the rest are answered 429 without hashing.
// Failed and limited attempts are audited in every region the account has a membership in,
// so they reach that region's privacy officer (docs/decisions.md, "Security review
// (issue 11): accounts and logins").
#include <boost/json.hpp>
#include <set>

#include "api/auth.hpp"
#include "api/json_body.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/login_limit.hpp"
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

// A refused login, once per region of the account's memberships (active or not: a
// deactivated colleague's account being tried is news for the privacy officer too), or
// once without a region for an address that is no account.
std::vector<audit::Event> refusal_events(const Request& req, const std::optional<store::User>& user,
                                         const std::vector<store::Membership>& memberships,
                                         const std::string& reason) {
  std::vector<audit::Event> out;
  std::set<std::string> regions;
  for (const auto& m : memberships) {
    if (!regions.insert(m.region_id).second) continue;
    auto e = login_event(req, user, std::nullopt, "login_failed", "deny", reason);
    e.region_id = m.region_id;
    out.push_back(std::move(e));
  }
  if (out.empty())
    out.push_back(login_event(req, user, std::nullopt, "login_failed", "deny", reason));
  return out;
}

domain::LoginLimits limits_of(const Settings& s) {
  return domain::LoginLimits{s.login_limit_account_address, s.login_limit_account,
                             s.login_limit_address, s.login_window_ms};
}

// What the reservation on the writer found, for the steps after it.
struct Attempt {
  bool limited = false;
  std::string reservation_id;
  std::optional<store::User> user;
  std::vector<store::Membership> memberships;
};

// After the password check: a session, or a failure (the reservation stays as one).
Reply finish_login(AppContext& ctx, const Request& req, const Attempt& attempt,
                   const std::string& password, domain::Millis now) {
  const auto& user = attempt.user;
  std::optional<store::Membership> membership;
  for (const auto& m : attempt.memberships)
    if (m.active && !membership) membership = m;
  bool verified =
      security::verify_password(user ? user->password_hash : dummy_password_hash(), password);
  bool usable = verified && user && user->active && membership;
  if (!usable) {
    return Reply::writing([req, user, memberships = attempt.memberships](store::WriteTx&,
                                                                         Response& out) {
      out = http::error_response("invalid_credentials", "e-mail address or password is wrong");
      return audit::JobOutcome{true, refusal_events(req, user, memberships, "invalid_credentials")};
    });
  }
  std::string token = security::random_token();
  Actor actor;
  actor.user = *user;
  actor.membership = *membership;
  actor.viewer = viewer_of(actor.user, actor.membership);
  actor.token_hash = session_token_hash(token);
  actor.csrf_token = csrf_token_for(token);
  return Reply::writing([&ctx, req, actor, memberships = attempt.memberships, token, now,
                         reservation = attempt.reservation_id](store::WriteTx& tx, Response& out) {
    tx.clear_login_failure(reservation);
    tx.insert_session(
        store::Session{actor.token_hash, actor.user.id, actor.membership.id, now, now, false});
    out = json_response(200, me_json(tx, actor, memberships));
    out.set_header("Set-Cookie", session_cookie(token, ctx.settings));
    return audit::JobOutcome{
        true, {login_event(req, actor.user, actor.membership, "login", "allow", "password")}};
  });
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
  auto attempt = std::make_shared<Attempt>();
  Reply reply =
      Reply::writing([&ctx, req, email, key, now, attempt](store::WriteTx& w, Response& out) {
        auto limits = limits_of(ctx.settings);
        auto counts = w.login_failures(key, req.client_address, now - limits.window_ms);
        attempt->user = w.user_by_email(email);
        if (attempt->user) attempt->memberships = w.memberships_of(attempt->user->id);
        if (auto wait = domain::login_retry_after_seconds(counts, limits, now)) {
          attempt->limited = true;
          out = http::error_response("rate_limited", "too many failed logins; try again later");
          out.set_header("Retry-After", std::to_string(*wait));
          return audit::JobOutcome{
              true, refusal_events(req, attempt->user, attempt->memberships, "rate_limited")};
        }
        attempt->reservation_id = w.record_login_failure(key, req.client_address, now);
        return audit::JobOutcome{};
      });
  reply.then = [&ctx, req, password, now, attempt, limited_answer = reply.response]() {
    Reply next;
    if (attempt->limited) {
      next.response = limited_answer;
      return next;
    }
    next.offload = [&ctx, req, password, now, attempt]() {
      return finish_login(ctx, req, *attempt, password, now);
    };
    return next;
  };
  return reply;
}

}  // namespace

void register_login_routes(http::Router& router, AppContext& ctx) {
  router.add("POST", "/api/session", [&ctx](Request& r) { return login(ctx, r); });
}

}  // namespace samen::api
