// Family logins by invitation. The care coordinator or admin of the pupil's school invites
// a guardian (with parental authority, without a login yet) or the pupil; the answer
// carries a random one-time token once, and only its keyed hash is stored. Whoever holds
// the token accepts it within 7 days with a password: a user is created with a `guardian`
// or `pupil` membership of the pupil's school and linked to the guardian or pupil record.
// An unknown token is 404; a used or expired one 410. Everything is audited.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/family_facts.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/password_policy.hpp"
#include "domain/policy_family.hpp"
#include "domain/text.hpp"
#include "security/crypto.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

constexpr domain::Millis kInvitationLifetimeMs = 7LL * 24 * 60 * 60 * 1000;

std::string invitation_token_hash(const std::string& token) {
  return security::keyed_hash_hex("samen-invitation", token);
}

Reply create_invitation(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto actor = authenticate(ctx, req, *tx);
  if (!actor) return fail(actor.error());
  const std::string pupil_id = req.params["id"];
  auto record = tx->pupil(pupil_id);
  if (!record) return fail(404, "not_found", "no such pupil");
  const auto& pupil = record->pupil;
  auto decision = domain::decide_family_invitation(actor->viewer, pupil.school_id);
  if (!decision.allowed) {
    auto read = domain::decide_pupil_access(actor->viewer, domain::facts_of(pupil),
                                            domain::PupilAction::read);
    Reply reply = read.allowed ? fail(403, "forbidden", decision.reasons.front())
                               : fail(404, "not_found", "no such pupil");
    reply.audit.push_back(
        decision_event(*actor, req, decision, "denied", "invitation", "", pupil_id));
    return reply;
  }
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"guardian_id", "pupil", "email"});
  store::InvitationRecord inv;
  inv.pupil_id = pupil_id;
  inv.guardian_id = in.text("guardian_id", false);
  inv.for_pupil = in.boolean("pupil", false);
  inv.email = domain::to_lower_ascii(domain::trim(in.text("email", true)));
  if (!in.ok()) return fail(in.error());
  if (inv.guardian_id.empty() == !inv.for_pupil)
    return fail(400, "validation_failed", "name either guardian_id or pupil: true", "guardian_id");
  if (!domain::looks_like_email(inv.email))
    return fail(400, "validation_failed", "email is not a valid e-mail address", "email");
  if (inv.for_pupil && !pupil.user_id.empty())
    return fail(409, "already_linked", "the pupil has a login already", "pupil");
  if (!inv.for_pupil) {
    const domain::Guardian* guardian = nullptr;
    for (const auto& g : pupil.guardians)
      if (g.id == inv.guardian_id) guardian = &g;
    if (!guardian || !guardian->parental_authority)
      return fail(400, "validation_failed",
                  "guardian_id is not a guardian of this pupil with parental authority",
                  "guardian_id");
    if (!guardian->user_id.empty())
      return fail(409, "already_linked", "this guardian has a login already", "guardian_id");
  }
  std::string token = security::random_token();
  inv.token_hash = invitation_token_hash(token);
  inv.created_by_user_id = actor->user.id;
  inv.created_at = domain::now_millis();
  inv.expires_at = inv.created_at + kInvitationLifetimeMs;
  return Reply::writing(
      [req, a = *actor, inv, token, decision](store::WriteTx& w, Response& out) mutable {
        inv.id = w.insert_invitation(inv);
        json::object body{{"id", inv.id},
                          {"token", token},
                          {"accept_path", "/api/invitations/" + token + "/accept"},
                          {"expires_at", domain::format_instant(inv.expires_at)}};
        out = json_response(201, body);
        return audit::JobOutcome{
            true, {decision_event(a, req, decision, "create", "invitation", inv.id, inv.pupil_id)}};
      });
}

audit::Event accept_event(const Request& req, const store::InvitationRecord& inv,
                          const std::string& user_id, const store::Organisation& school,
                          std::string decision, std::string reason) {
  audit::Event e;
  e.actor_user_id = user_id;
  e.actor_organisation_id = school.id;
  e.actor_role = inv.for_pupil ? "pupil" : "guardian";
  e.region_id = school.region_id;
  e.action = decision == "allow" ? "accept" : "denied";
  e.pupil_id = inv.pupil_id;
  e.resource_type = "invitation";
  e.resource_id = inv.id;
  e.legal_basis = decision == "allow" ? "invitation" : "";
  e.decision = std::move(decision);
  e.reason = std::move(reason);
  e.request_id = req.request_id;
  e.client_address = req.client_address;
  return e;
}

Reply accept_invitation(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"password"});
  std::string password = in.text("password", true);
  if (!in.ok()) return fail(in.error());
  auto inv = tx->invitation_by_token_hash(invitation_token_hash(req.params["token"]));
  if (!inv) return fail(404, "not_found", "no such invitation");
  auto record = tx->pupil(inv->pupil_id);
  auto school = record ? tx->organisation(record->pupil.school_id) : std::nullopt;
  if (!record || !school)
    return fail(410, "invitation_invalid", "this invitation no longer applies");
  auto now = domain::now_millis();
  auto refuse = [&](const char* code, const char* message) {
    Reply reply = fail(410, code, message);
    reply.audit.push_back(accept_event(req, *inv, "", *school, "deny", code));
    return reply;
  };
  if (inv->accepted_at) return refuse("invitation_used", "this invitation has been used already");
  if (now >= inv->expires_at)
    return refuse("invitation_expired",
                  "this invitation has expired; ask the school for a new one");
  store::User user;
  user.email = inv->email;
  if (inv->for_pupil) {
    if (!record->pupil.user_id.empty())
      return refuse("invitation_invalid", "the pupil has a login already");
    user.name = domain::full_name(record->pupil);
  } else {
    const domain::Guardian* guardian = nullptr;
    for (const auto& g : record->pupil.guardians)
      if (g.id == inv->guardian_id) guardian = &g;
    if (!guardian || !guardian->parental_authority || !guardian->user_id.empty())
      return refuse("invitation_invalid", "this invitation no longer applies");
    user.name = guardian->name;
  }
  if (auto strong = domain::check_password_strength(password, user.email, user.name); !strong)
    return fail(strong.error());
  Reply reply;
  reply.offload = [req, inv = *inv, user, password, school = *school]() mutable {
    user.password_hash = security::hash_password(password);
    return Reply::writing([req, inv, user, school](store::WriteTx& w, Response& out) mutable {
      if (w.user_by_email(user.email)) {
        out = http::error_response(409, "already_exists",
                                   "this e-mail address has a login already; ask the school to "
                                   "invite another address",
                                   "email");
        return audit::JobOutcome{false, {}};
      }
      user.id = w.insert_user(user);
      if (!w.accept_invitation(inv.id, user.id, domain::now_millis())) {
        // Accepted by a concurrent request in between: keep = false undoes the new user.
        out = http::error_response(410, "invitation_used", "this invitation has been used already");
        return audit::JobOutcome{false, {}};
      }
      auto role = inv.for_pupil ? domain::Role::pupil : domain::Role::guardian;
      auto membership_id =
          w.insert_membership(store::Membership{"", user.id, school.id, role, true, "", ""});
      if (inv.for_pupil)
        w.link_pupil_user(inv.pupil_id, user.id);
      else
        w.link_guardian_user(inv.guardian_id, user.id);
      out = json_response(201, json::object{{"user_id", user.id},
                                            {"email", user.email},
                                            {"membership_id", membership_id},
                                            {"role", domain::to_string(role)},
                                            {"pupil_id", inv.pupil_id}});
      return audit::JobOutcome{
          true, {accept_event(req, inv, user.id, school, "allow", "family.invitation_accept")}};
    });
  };
  return reply;
}

}  // namespace

void register_invitation_routes(http::Router& router, AppContext& ctx) {
  router.add("POST", "/api/pupils/{id}/invitations",
             [&ctx](Request& r) { return create_invitation(ctx, r); });
  router.add("POST", "/api/invitations/{token}/accept",
             [&ctx](Request& r) { return accept_invitation(ctx, r); });
}

}  // namespace samen::api
