// Setting a password with a one-time link (api/password_setup.hpp): whoever holds the token,
// within 72 hours, once. An unknown, used or expired token, or one whose user was
// deactivated, gets one and the same answer (410 password_link_invalid), so the answer tells
// nothing about which links exist; the audit log records which it was. The password passes
// the policy every password passes (domain/password_policy), is hashed with argon2id off the
// network threads, and the user's sessions end: a new password starts clean.
#include <boost/json.hpp>

#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/password_setup.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/password_policy.hpp"
#include "security/crypto.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

http::Response invalid_link() {
  return http::error_response("password_link_invalid",
                              "this link is unknown, used or expired; ask your administrator "
                              "for a new one");
}

// As the user the link is for, in the region of their first membership (where the region's
// privacy officer reads it); without either for an unknown token.
audit::Event setup_event(store::ReadTx& tx, const Request& req, const std::string& user_id,
                         std::string decision, std::string reason) {
  audit::Event e;
  e.actor_user_id = user_id;
  if (!user_id.empty()) {
    auto memberships = tx.memberships_of(user_id);
    if (!memberships.empty()) {
      e.actor_organisation_id = memberships.front().organisation_id;
      e.actor_role = std::string(domain::to_string(memberships.front().role));
      e.region_id = memberships.front().region_id;
    }
  }
  e.action = decision == "allow" ? "set_password" : "denied";
  e.resource_type = "user";
  e.resource_id = user_id;
  e.decision = std::move(decision);
  e.reason = std::move(reason);
  e.legal_basis = e.decision == "allow" ? "password_link" : "";
  e.request_id = req.request_id;
  e.client_address = req.client_address;
  return e;
}

Reply set_password(AppContext& ctx, Request& req) {
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"token", "password"});
  std::string token = in.text("token", true);
  std::string password = in.text("password", true);
  if (!in.ok()) return fail(in.error());
  auto tx = ctx.store.begin_read();
  auto link = tx->password_setup_by_token_hash(password_setup_token_hash(token));
  auto user = link ? tx->user(link->user_id) : std::nullopt;
  const char* problem = !link                                      ? "password_link_unknown"
                        : link->used_at                            ? "password_link_used"
                        : domain::now_millis() >= link->expires_at ? "password_link_expired"
                        : !user || !user->active                   ? "user_inactive"
                                                                   : nullptr;
  if (problem) {
    Reply reply = Reply::of(invalid_link());
    reply.audit.push_back(setup_event(*tx, req, link ? link->user_id : "", "deny", problem));
    return reply;
  }
  if (auto strong = domain::check_password_strength(password, user->email, user->name); !strong)
    return fail(strong.error());
  auto allowed = setup_event(*tx, req, user->id, "allow", "password_link");
  Reply reply;
  reply.offload = [link = *link, user = *user, password, allowed]() {
    auto hash = security::hash_password(password);
    return Reply::writing([link, user, hash, allowed](store::WriteTx& w, Response& out) {
      if (!w.use_password_setup(link.id, domain::now_millis())) {
        out = invalid_link();  // used by a concurrent request in between
        return audit::JobOutcome{false, {}};
      }
      w.set_user_password(user.id, hash);
      w.revoke_sessions_of_user(user.id);
      out = json_response(200, json::object{{"user_id", user.id}, {"email", user.email}});
      return audit::JobOutcome{true, {allowed}};
    });
  };
  return reply;
}

}  // namespace

std::string password_setup_token_hash(const std::string& token) {
  return security::keyed_hash_hex("samen-password-setup", token);
}

IssuedPasswordSetup issue_password_setup(store::WriteTx& w, const std::string& user_id,
                                         domain::Millis now) {
  IssuedPasswordSetup out;
  out.token = security::random_token();
  out.id = w.insert_password_setup(store::PasswordSetupRecord{
      "", user_id, password_setup_token_hash(out.token), now, now + kPasswordSetupLifetime, {}});
  return out;
}

std::string password_setup_link(std::string base_url, const std::string& token) {
  while (!base_url.empty() && base_url.back() == '/') base_url.pop_back();
  return base_url + "/wachtwoord-instellen#" + token;
}

void register_password_setup_routes(http::Router& router, AppContext& ctx) {
  router.add("POST", "/api/password-setup", [&ctx](Request& r) { return set_password(ctx, r); });
}

}  // namespace samen::api
