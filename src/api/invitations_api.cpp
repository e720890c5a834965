// Family logins by invitation, the school's side. The care coordinator or admin of the
// pupil's school invites a guardian (with parental authority, without a login yet) or the
// pupil; the answer carries a random one-time token once, and only its keyed hash is stored;
// with e-mail on, the link is also mailed to the invited address.
// The school lists a pupil's invitations (never their tokens) and revokes one that was sent
// to the wrong address. Accepting is the family's side (invitation_accept_api.cpp).
// Everything is audited.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/family_facts.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/invitation_support.hpp"
#include "api/json_body.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/policy_accounts.hpp"
#include "domain/policy_family.hpp"
#include "domain/text.hpp"
#include "notify/mail_texts.hpp"
#include "security/crypto.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

constexpr domain::Millis kInvitationLifetimeMs = 7LL * 24 * 60 * 60 * 1000;

// The school's side of a pupil's invitations: the pupil and the decision of
// decide_family_invitation. `refused` holds the answer when there is nothing to do: 404 for
// an unknown pupil or invitation and for whoever may not see the pupil, 403 for whoever
// may; a refusal by the policy is audited.
struct SchoolSide {
  domain::Pupil pupil;
  domain::Decision decision;
  std::optional<Reply> refused;
};

SchoolSide school_side(const Request& req, store::ReadTx& tx, const Actor& actor,
                       const std::string& pupil_id, const std::string& invitation_id = {}) {
  SchoolSide out;
  const char* missing = invitation_id.empty() ? "no such pupil" : "no such invitation";
  auto record = tx.pupil(pupil_id);
  if (!record) {
    out.refused = fail("not_found", missing);
    return out;
  }
  out.pupil = std::move(record->pupil);
  out.decision = domain::decide_family_invitation(actor.viewer, out.pupil.school_id);
  if (out.decision.allowed) return out;
  auto read = domain::decide_pupil_access(actor.viewer, domain::facts_of(out.pupil),
                                          domain::PupilAction::read);
  out.refused = refuse(actor, req, out.decision, {"invitation", invitation_id, out.pupil.id},
                       read.allowed, missing);
  return out;
}

// With e-mail on, the link goes to the invited address at once (notify/mail_texts.hpp: no
// pupil named); the one who invites still sees it once, to hand over when mail fails.
void mail_invitation(store::WriteTx& w, const Settings& settings,
                     const store::InvitationRecord& inv, const std::string& token) {
  constexpr int kDays = static_cast<int>(kInvitationLifetimeMs / (24LL * 60 * 60 * 1000));
  auto text = notify::invitation_mail(settings.public_url + "/uitnodiging/" + token, kDays);
  store::MailRecord m;
  m.to_address = inv.email;
  m.subject = text.subject;
  m.body = text.body;
  m.purpose = "invitation";
  m.created_at = inv.created_at;
  m.next_attempt_at = inv.created_at;
  w.enqueue_mail(m);
}

Reply create_invitation(AppContext& ctx, Request& req, store::ReadTx& tx, const Actor& actor) {
  const std::string pupil_id = req.params["id"];
  auto side = school_side(req, tx, actor, pupil_id);
  if (side.refused) return std::move(*side.refused);
  const auto& pupil = side.pupil;
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
    return fail("validation_failed", "name either guardian_id or pupil: true", "guardian_id");
  if (!domain::looks_like_email(inv.email))
    return fail("validation_failed", "email is not a valid e-mail address", "email");
  // Nobody invites themself into a family's portal (policy_accounts.hpp).
  auto to_whom = domain::decide_invitation(actor.viewer, inv.email, {actor.user.email});
  if (!to_whom.allowed)
    return refuse(actor, req, to_whom, {"invitation", "", pupil_id}, Refusal::forbidden("email"));
  if (inv.for_pupil && !pupil.user_id.empty())
    return fail("already_linked", "the pupil has a login already", "pupil");
  if (!inv.for_pupil) {
    const domain::Guardian* guardian = find_guardian(pupil, inv.guardian_id);
    if (!guardian || !guardian->parental_authority)
      return fail("validation_failed",
                  "guardian_id is not a guardian of this pupil with parental authority",
                  "guardian_id");
    if (!guardian->user_id.empty())
      return fail("already_linked", "this guardian has a login already", "guardian_id");
  }
  std::string token = security::random_token();
  inv.token_hash = invitation_token_hash(token);
  inv.created_by_user_id = actor.user.id;
  inv.created_at = domain::now_millis();
  inv.expires_at = inv.created_at + kInvitationLifetimeMs;
  return Reply::writing([req, a = actor, inv, token, decision = side.decision,
                         told = &ctx.settings](store::WriteTx& w, Response& out) mutable {
    inv.id = w.insert_invitation(inv);
    if (told->mail_enabled) mail_invitation(w, *told, inv, token);
    json::object body{{"id", inv.id},
                      {"token", token},
                      {"accept_path", "/api/invitations/" + token + "/accept"},
                      {"expires_at", domain::format_instant(inv.expires_at)},
                      {"emailed", told->mail_enabled}};
    out = json_response(201, body);
    return audit::JobOutcome{
        true, {decision_event(a, req, decision, "create", "invitation", inv.id, inv.pupil_id)}};
  });
}

Reply list_invitations(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  const std::string pupil_id = req.params["id"];
  auto side = school_side(req, tx, actor, pupil_id);
  if (side.refused) return std::move(*side.refused);
  auto now = domain::now_millis();
  json::array items;
  for (const auto& inv : tx.invitations_of_pupil(pupil_id))
    items.push_back(invitation_json(inv, now));
  Reply reply = Reply::of(json_response(200, json::object{{"invitations", std::move(items)}}));
  reply.audit.push_back(
      decision_event(actor, req, side.decision, "list", "invitation", "", pupil_id));
  return reply;
}

http::Response cannot_revoke(const store::InvitationRecord& inv) {
  if (inv.accepted_at)
    return http::error_response("already_accepted",
                                "this invitation has been accepted; it can no longer be revoked");
  return http::error_response("already_revoked", "this invitation was revoked already");
}

// A wrongly addressed (or no longer wanted) link is killed before anyone uses it; the
// first revocation stands. The body is empty or {}.
Reply revoke_invitation(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  const std::string id = req.params["id"];
  auto inv = tx.invitation(id);
  auto side = school_side(req, tx, actor, inv ? inv->pupil_id : "", id);
  if (side.refused) return std::move(*side.refused);
  if (!req.body.empty()) {
    auto body = parse_json_object(req);
    if (!body) return fail(body.error());
    JsonReader in(*body);
    if (!in.allow_only({}).ok()) return fail(in.error());
  }
  if (inv->accepted_at || inv->revoked_at) return Reply::of(cannot_revoke(*inv));
  return Reply::writing([req, a = actor, id, decision = side.decision](store::WriteTx& w,
                                                                       Response& out) {
    auto now = domain::now_millis();
    bool revoked = w.revoke_invitation(id, a.user.id, now);
    auto current = w.invitation(id);
    if (!revoked) {  // used or revoked by a concurrent request in between
      out = cannot_revoke(*current);
      return audit::JobOutcome{false, {}};
    }
    out = json_response(200, invitation_json(*current, now));
    return audit::JobOutcome{
        true, {decision_event(a, req, decision, "revoke", "invitation", id, current->pupil_id)}};
  });
}

}  // namespace

void register_invitation_routes(http::Router& router, AppContext& ctx) {
  router.add("POST", "/api/pupils/{id}/invitations", authenticated(ctx, create_invitation));
  router.add("GET", "/api/pupils/{id}/invitations", authenticated(ctx, list_invitations));
  router.add("POST", "/api/invitations/{id}/revoke", authenticated(ctx, revoke_invitation));
}

}  // namespace samen::api
