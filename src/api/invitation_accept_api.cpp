// Accepting an invitation for a family login: whoever holds the one-time token, within 7
// days. With a password it makes a new login — a user with a `guardian` or `pupil`
// membership of the pupil's school, linked to the guardian or pupil record. Without one, a
// guardian already logged in with the invited address adds this child to the login they
// have (a second child; decide_invitation_link). An unknown token is 404; a used, revoked or
// expired one, or one that no longer applies, 410 (invitation_used, invitation_revoked,
// invitation_expired, invitation_invalid). Every acceptance and refusal is audited.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/invitation_support.hpp"
#include "api/json_body.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/password_policy.hpp"
#include "domain/policy_family.hpp"
#include "security/crypto.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

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

domain::Role family_role(const store::InvitationRecord& inv) {
  return inv.for_pupil ? domain::Role::pupil : domain::Role::guardian;
}

// The family membership an accepted invitation gives, and how: `create`, `activate`, or
// empty when it was active already.
struct Joined {
  std::string membership_id;
  std::string change;
};

// Inside the write: the user's family membership of the pupil's school — the one they have
// (active again: the school's new invitation is its wish to let them in), or a new one —
// and the guardian or pupil record linked to the user.
Joined join_family(store::WriteTx& w, const store::InvitationRecord& inv,
                   const std::string& user_id, const store::Organisation& school) {
  auto role = family_role(inv);
  Joined out;
  for (const auto& m : w.memberships_of(user_id)) {
    if (m.organisation_id != school.id || m.role != role) continue;
    out.membership_id = m.id;
    if (!m.active) {
      w.set_membership_active(m.id, true);
      out.change = "activate";
    }
  }
  if (out.membership_id.empty()) {
    out.membership_id =
        w.insert_membership(store::Membership{"", user_id, school.id, role, true, "", ""});
    out.change = "create";
  }
  if (inv.for_pupil)
    w.link_pupil_user(inv.pupil_id, user_id);
  else
    w.link_guardian_user(inv.guardian_id, user_id);
  return out;
}

// The accept event and, when the membership was created or switched on, the membership
// change itself: every membership change is audited and reaches the report of new access
// (access_report_api.cpp names the inviter beside it).
std::vector<audit::Event> accepted_events(audit::Event accept, const Joined& joined) {
  std::vector<audit::Event> out{accept};
  if (joined.change.empty()) return out;
  accept.action = joined.change;
  accept.resource_type = "membership";
  accept.resource_id = joined.membership_id;
  accept.reason = "family.invitation_accept";
  accept.legal_basis = "invitation";
  out.push_back(std::move(accept));
  return out;
}

json::object accepted_json(const store::InvitationRecord& inv, const store::User& user,
                           const std::string& membership_id) {
  return json::object{{"user_id", user.id},
                      {"email", user.email},
                      {"membership_id", membership_id},
                      {"role", domain::to_string(family_role(inv))},
                      {"pupil_id", inv.pupil_id}};
}

http::Response used_response() {
  return http::error_response("invitation_used", "this invitation has been used already");
}

// A guardian logged in with the invited address adds this child to their login.
Reply link_to_login(AppContext& ctx, Request& req, store::ReadTx& tx,
                    const store::InvitationRecord& inv, const store::Organisation& school) {
  if (inv.for_pupil || req.cookie(kSessionCookie).empty())
    return fail("validation_failed",
                inv.for_pupil ? "password is required: a pupil's invitation makes their own login"
                              : "password is required; to add this child to the login you "
                                "have, log in with the invited address first",
                "password");
  auto actor = authenticate(ctx, req, tx);
  if (!actor) return fail(actor.error());
  std::vector<domain::Role> roles;
  for (const auto& m : tx.memberships_of(actor->user.id)) roles.push_back(m.role);
  auto decision =
      domain::decide_invitation_link(actor->viewer, roles, actor->user.email, inv.email);
  if (!decision.allowed)
    return refuse(*actor, req, decision, {"invitation", inv.id, inv.pupil_id},
                  Refusal::forbidden());
  return Reply::writing([req, a = *actor, inv, school, decision](store::WriteTx& w, Response& out) {
    if (!w.accept_invitation(inv.id, a.user.id, domain::now_millis())) {
      out = used_response();  // accepted or revoked by a concurrent request in between
      return audit::JobOutcome{false, {}};
    }
    auto joined = join_family(w, inv, a.user.id, school);
    out = json_response(200, accepted_json(inv, a.user, joined.membership_id));
    return audit::JobOutcome{
        true, accepted_events(
                  decision_event(a, req, decision, "accept", "invitation", inv.id, inv.pupil_id),
                  joined)};
  });
}

Reply accept_invitation(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"password"});
  std::string password = in.text("password", false);
  if (!in.ok()) return fail(in.error());
  auto inv = tx->invitation_by_token_hash(invitation_token_hash(req.params["token"]));
  if (!inv) return fail("not_found", "no such invitation");
  auto record = tx->pupil(inv->pupil_id);
  auto school = record ? tx->organisation(record->pupil.school_id) : std::nullopt;
  if (!record || !school) return fail("invitation_invalid", "this invitation no longer applies");
  auto refuse = [&](const char* code, const char* message) {
    Reply reply = fail(code, message);
    reply.audit.push_back(accept_event(req, *inv, "", *school, "deny", code));
    return reply;
  };
  auto status = invitation_status(*inv, domain::now_millis());
  if (status == "used") return refuse("invitation_used", "this invitation has been used already");
  if (status == "revoked")
    return refuse("invitation_revoked",
                  "the school has revoked this invitation; ask the school for a new one");
  if (status == "expired")
    return refuse("invitation_expired",
                  "this invitation has expired; ask the school for a new one");
  store::User user;
  user.email = inv->email;
  if (inv->for_pupil) {
    if (!record->pupil.user_id.empty())
      return refuse("invitation_invalid", "the pupil has a login already");
    user.name = domain::full_name(record->pupil);
  } else {
    const domain::Guardian* guardian = find_guardian(record->pupil, inv->guardian_id);
    if (!guardian || !guardian->parental_authority || !guardian->user_id.empty())
      return refuse("invitation_invalid", "this invitation no longer applies");
    user.name = guardian->name;
  }
  if (password.empty()) return link_to_login(ctx, req, *tx, *inv, *school);
  if (auto strong = domain::check_password_strength(password, user.email, user.name); !strong)
    return fail(strong.error());
  Reply reply;
  reply.offload = [req, inv = *inv, user, password, school = *school]() mutable {
    user.password_hash = security::hash_password(password);
    return Reply::writing([req, inv, user, school](store::WriteTx& w, Response& out) mutable {
      if (w.user_by_email(user.email)) {
        out = http::error_response(
            "already_exists",
            inv.for_pupil ? "this e-mail address has a login already; ask the school to invite "
                            "another address"
                          : "this e-mail address has a login already; log in with it and accept "
                            "again without a password to add this child to it",
            "email");
        return audit::JobOutcome{false, {}};
      }
      user.id = w.insert_user(user);
      if (!w.accept_invitation(inv.id, user.id, domain::now_millis())) {
        // Used by a concurrent request in between: keep = false undoes the new user.
        out = used_response();
        return audit::JobOutcome{false, {}};
      }
      auto joined = join_family(w, inv, user.id, school);
      out = json_response(201, accepted_json(inv, user, joined.membership_id));
      return audit::JobOutcome{
          true, accepted_events(
                    accept_event(req, inv, user.id, school, "allow", "family.invitation_accept"),
                    joined)};
    });
  };
  return reply;
}

}  // namespace

void register_invitation_accept_routes(http::Router& router, AppContext& ctx) {
  router.add("POST", "/api/invitations/{token}/accept",
             [&ctx](Request& r) { return accept_invitation(ctx, r); });
}

}  // namespace samen::api
