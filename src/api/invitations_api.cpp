// Family logins by invitation, the school's side. The care coordinator or admin of the
// pupil's school invites a guardian (with parental authority, without a login yet) or the
// pupil; the answer carries a random one-time token once, and only its keyed hash is stored.
// Accepting it is the family's side (invitation_accept_api.cpp). Everything is audited.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/family_facts.hpp"
#include "api/handler_support.hpp"
#include "api/invitation_support.hpp"
#include "api/json_body.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
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
    const domain::Guardian* guardian = find_guardian(pupil, inv.guardian_id);
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

}  // namespace

void register_invitation_routes(http::Router& router, AppContext& ctx) {
  router.add("POST", "/api/pupils/{id}/invitations",
             [&ctx](Request& r) { return create_invitation(ctx, r); });
}

}  // namespace samen::api
