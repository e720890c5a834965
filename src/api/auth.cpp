#include "api/auth.hpp"

#include "domain/dates.hpp"
#include "security/crypto.hpp"

namespace samen::api {

std::string session_token_hash(const std::string& token) {
  return security::keyed_hash_hex("samen-session", token);
}

std::string csrf_token_for(const std::string& token) {
  // Derived from the secret session token, so any server can check it without storing it.
  return security::keyed_hash_hex("samen-csrf", token);
}

// Always Secure: a __Host- cookie without it is dropped by the browser.
std::string session_cookie(const std::string& token, const Settings&) {
  return std::string(kSessionCookie) + "=" + token + "; HttpOnly; Secure; SameSite=Strict; Path=/";
}

std::string expired_session_cookie(const Settings&) {
  return std::string(kSessionCookie) + "=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0";
}

domain::Viewer viewer_of(const store::User& user, const store::Membership& m) {
  return domain::Viewer{user.id, m.id, m.organisation_id, m.region_id, m.role};
}

Result<Actor> authenticate(AppContext& ctx, const http::Request& request, store::ReadTx& tx) {
  std::string token = request.cookie(kSessionCookie);
  if (token.empty()) return Error{"unauthenticated", "log in first", ""};
  Actor actor;
  actor.token_hash = session_token_hash(token);
  auto principal = tx.session_principal(actor.token_hash);
  auto now = domain::now_millis();
  if (!principal || principal->session.revoked) return Error{"unauthenticated", "log in first", ""};
  const store::Session* session = &principal->session;
  if (now - session->last_seen_at > ctx.settings.session_idle_ms ||
      now - session->created_at > ctx.settings.session_absolute_ms)
    return Error{"session_expired", "your session has expired; log in again", ""};
  if (!principal->user.active || !principal->membership.active)
    return Error{"unauthenticated", "this account or membership is no longer active", ""};
  actor.csrf_token = csrf_token_for(token);
  if (request.is_state_changing() &&
      !security::constant_time_equal(request.header("x-csrf-token"), actor.csrf_token))
    return Error{"csrf_failed", "the X-CSRF-Token header is missing or wrong", ""};
  actor.user = std::move(principal->user);
  actor.membership = std::move(principal->membership);
  actor.viewer = viewer_of(actor.user, actor.membership);
  if (now - session->last_seen_at > ctx.settings.session_touch_interval_ms) {
    // Fire and forget: the idle clock may lag by the touch interval, never more.
    ctx.writer.submit(
        [hash = actor.token_hash, now](store::WriteTx& w) {
          w.touch_session(hash, now);
          return audit::JobOutcome{};
        },
        {}, nullptr);
  }
  return actor;
}

audit::Event actor_event(const Actor& actor, const http::Request& request, std::string action,
                         std::string resource_type, std::string resource_id, std::string pupil_id) {
  audit::Event e;
  e.actor_user_id = actor.user.id;
  e.actor_organisation_id = actor.membership.organisation_id;
  e.actor_role = std::string(domain::to_string(actor.membership.role));
  e.region_id = actor.membership.region_id;
  e.action = std::move(action);
  e.pupil_id = std::move(pupil_id);
  e.resource_type = std::move(resource_type);
  e.resource_id = std::move(resource_id);
  e.request_id = request.request_id;
  e.client_address = request.client_address;
  return e;
}

audit::Event decision_event(const Actor& actor, const http::Request& request,
                            const domain::Decision& decision, std::string action,
                            std::string resource_type, std::string resource_id,
                            std::string pupil_id) {
  auto e = actor_event(actor, request, std::move(action), std::move(resource_type),
                       std::move(resource_id), std::move(pupil_id));
  e.decision = decision.allowed ? "allow" : "deny";
  e.reason = decision.allowed ? decision.rule : decision.reason;
  e.legal_basis = decision.legal_basis;
  return e;
}

}  // namespace samen::api
