// A party joins or leaves a consent grant. Signing (co-signing) lets a party the pupil's age
// requires add their signature after the grant was recorded — a grant recorded with only the
// parents becomes complete when the 13-year-old signs — and counts from that moment on.
// Withdrawing ends the grant at once for every later access. Both are done by the party
// themself or by the care coordinator or a case lead on their word
// (decide_consent_recording), both change the grant's version, and every attempt is audited.
// A party signing themself in the portal also confirms a grant a professional recorded to
// their own benefit; a second professional confirms one with POST .../confirm. Whoever may
// not read the grant is answered as for a missing id before the body is looked at.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/consent_support.hpp"
#include "api/family_facts.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/notify.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/consent.hpp"
#include "domain/policy_consent.hpp"
#include "domain/policy_family.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

// A request by or on behalf of one party to a grant: `{by: {guardian_id} | {pupil: true}}`,
// allowed by decide_consent_recording for that party. `refused` holds the answer when there
// is nothing to do: 404 for an unknown grant and for whoever may not read it, 403 for whoever
// may read it but not act for that party (audited), 400 for a malformed body.
struct PartyRequest {
  Actor actor;
  store::ConsentGrantRecord record;
  domain::CaseFacts pupil;
  std::string guardian_id;  // the party: a guardian ...
  bool as_pupil = false;    // ... or the pupil
  std::optional<std::int64_t> body_version;
  domain::Decision decision;
  domain::Millis now = 0;
  std::optional<Reply> refused;
};

PartyRequest begin_party_request(const Request& req, store::ReadTx& tx, const Actor& actor,
                                 bool with_version) {
  PartyRequest out;
  out.actor = actor;
  const std::string& id = req.params.at("id");
  auto record = tx.consent_grant(id);
  auto p = record ? load_pupil_policy_facts(tx, record->grant.pupil_id) : std::nullopt;
  if (!p) {
    out.refused = fail("not_found", "no such consent grant");
    return out;
  }
  out.record = std::move(*record);
  out.pupil = p->facts;
  out.now = domain::now_millis();
  auto read =
      domain::decide_consent_read(out.actor.viewer, p->facts, p->cases, &out.record.grant, out.now);
  // The access answer comes first: whoever may not read the grant gets the answer of a
  // grant that does not exist, whatever the body or its content type.
  const Subject subject{"consent", id, out.record.grant.pupil_id};
  if (!read.allowed) {
    out.refused = refuse(actor, req, read, subject, Refusal::as_missing("no such consent grant"));
    return out;
  }
  auto body = parse_json_object(req);
  if (!body) {
    out.refused = fail(body.error());
    return out;
  }
  JsonReader in(*body);
  if (with_version) {
    in.allow_only({"by", "version"});
    if (in.has("version")) out.body_version = in.integer("version", false);
  } else {
    in.allow_only({"by"});
  }
  Status party = in.ok() ? read_party(*body, out.guardian_id, out.as_pupil) : Status(in.error());
  if (!party) {
    out.refused = fail(party.error());
    return out;
  }
  std::vector<std::string> as_guardians;
  if (!out.guardian_id.empty()) as_guardians.push_back(out.guardian_id);
  out.decision = domain::decide_consent_recording_any(out.actor.viewer, p->facts, p->cases,
                                                      as_guardians, out.as_pupil, out.now);
  if (out.decision.allowed) return out;
  out.refused = refuse(actor, req, out.decision, subject, Refusal::forbidden());
  return out;
}

Reply withdraw_consent(AppContext& ctx, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto r = begin_party_request(req, tx, actor, /*with_version=*/false);
  if (r.refused) return std::move(*r.refused);
  if (!domain::may_withdraw(r.record.grant, r.guardian_id, r.as_pupil))
    return fail("validation_failed", "only a party to the grant withdraws it",
                r.as_pupil ? "by.pupil" : "by.guardian_id");
  store::ConsentWithdrawal w{r.guardian_id, r.as_pupil, r.actor.user.id, r.now};
  return Reply::writing([req, a = r.actor, id = r.record.grant.id, w, decision = r.decision,
                         facts = r.pupil,
                         told = &ctx.settings](store::WriteTx& tx2, Response& out) {
    if (!tx2.withdraw_consent_grant(id, w)) {
      out = http::error_response("already_withdrawn",
                                 "this grant was withdrawn already; the first withdrawal stands");
      return audit::JobOutcome{false, {}};
    }
    // Who works on the pupil's open cases hears of it: what they may see changed at once.
    for (const auto& c : tx2.cases_of_pupil(facts.pupil_id))
      if (c.status == "open")
        tell_case_table(tx2, *told, c.id, domain::NotificationKind::consent_withdrawn, a.user.id);
    out = json_response(200, grant_json(*tx2.consent_grant(id), facts, w.at));
    return audit::JobOutcome{
        true, {decision_event(a, req, decision, "withdraw", "consent", id, facts.pupil_id)}};
  });
}

// `{by, version?}`: the version (If-Match or body) is optional — the scope a party signs is
// fixed when the grant is recorded, so two parties signing at once do not conflict — but
// when named, a stale one is 409 version_conflict.
Reply sign_consent(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto r = begin_party_request(req, tx, actor, /*with_version=*/true);
  if (r.refused) return std::move(*r.refused);
  domain::LaterSignature signature{r.guardian_id, r.as_pupil, r.now};
  // A family member signing themself, in the portal, also confirms a grant a professional
  // recorded to their own benefit; a signature recorded on the family's word does not.
  bool in_portal = domain::is_family_role(r.actor.viewer.role);
  auto check = [in_portal](const domain::ConsentGrant& g, const domain::CaseFacts& p,
                           const domain::LaterSignature& s) {
    return in_portal ? domain::check_family_signature(g, p, s) : domain::check_cosignature(g, p, s);
  };
  if (auto ok = check(r.record.grant, r.pupil, signature); !ok) return fail(ok.error());
  auto expected = expected_version(req, r.body_version);
  return Reply::writing([req, a = r.actor, id = r.record.grant.id, signature, expected, in_portal,
                         check, decision = r.decision,
                         facts = r.pupil](store::WriteTx& w, Response& out) {
    // Again inside the write: another party may have signed or withdrawn since the read.
    auto current = w.consent_grant(id);
    auto signed_grant = in_portal ? domain::signed_in_portal(current->grant, facts, signature)
                                  : domain::cosigned(current->grant, signature);
    std::optional<Response> refusal;
    if (auto ok = check(current->grant, facts, signature); !ok)
      refusal = http::error_response(ok.error());
    else if (expected && *expected != current->version)
      refusal = version_conflict();
    else if (!w.set_grant_parties(signed_grant, current->version))
      refusal = version_conflict();
    if (refusal) {
      out = std::move(*refusal);
      return audit::JobOutcome{false, {}};
    }
    out = json_response(200, grant_json(*w.consent_grant(id), facts, signature.at));
    return audit::JobOutcome{
        true, {decision_event(a, req, decision, "sign", "consent", id, facts.pupil_id)}};
  });
}

// A second professional confirms a grant a colleague recorded to their own benefit
// (decide_grant_confirmation: of the pupil's school team, not the recorder, not a
// recipient). `{version?}` (or If-Match); an empty body is fine.
Reply confirm_consent(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  const std::string& id = req.params.at("id");
  auto record = tx.consent_grant(id);
  auto p = record ? load_pupil_policy_facts(tx, record->grant.pupil_id) : std::nullopt;
  if (!p) return fail("not_found", "no such consent grant");
  auto now = domain::now_millis();
  auto read = domain::decide_consent_read(actor.viewer, p->facts, p->cases, &record->grant, now);
  const Subject subject{"consent", id, p->pupil.id};
  if (!read.allowed)
    return refuse(actor, req, read, subject, Refusal::as_missing("no such consent grant"));
  std::optional<std::int64_t> body_version;
  if (!req.body.empty()) {
    auto body = parse_json_object(req);
    if (!body) return fail(body.error());
    JsonReader in(*body);
    in.allow_only({"version"});
    if (in.has("version")) body_version = in.integer("version", false);
    if (!in.ok()) return fail(in.error());
  }
  auto memberships = active_viewers(tx, actor.user);
  auto decision = domain::decide_grant_confirmation(actor.viewer, memberships, p->facts, p->cases,
                                                    record->grant, record->recorded_by_user_id);
  if (!decision.allowed) return refuse(actor, req, decision, subject, Refusal::forbidden());
  const auto& g = record->grant;
  if (g.withdrawn_at)
    return fail("already_withdrawn", "this grant was withdrawn; it can no longer be confirmed");
  if (!g.awaits_confirmation)
    return fail("not_awaiting_confirmation", "this grant counts without a confirmation");
  if (g.confirmed_at) return fail("already_confirmed", "this grant was confirmed already");
  auto expected = expected_version(req, body_version).value_or(record->version);
  store::GrantConfirmation confirmation{actor.user.id, actor.membership.id, now};
  return Reply::writing([req, a = actor, id, confirmation, expected, decision, facts = p->facts](
                            store::WriteTx& w, Response& out) {
    if (!w.confirm_consent_grant(id, confirmation, expected)) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    out = json_response(200, grant_json(*w.consent_grant(id), facts, confirmation.at));
    return audit::JobOutcome{
        true, {decision_event(a, req, decision, "confirm", "consent", id, facts.pupil_id)}};
  });
}

}  // namespace

void register_consent_party_routes(http::Router& router, AppContext& ctx) {
  router.add("POST", "/api/consents/{id}/withdraw", authenticated(ctx, withdraw_consent));
  router.add("POST", "/api/consents/{id}/sign", authenticated(ctx, sign_consent));
  router.add("POST", "/api/consents/{id}/confirm", authenticated(ctx, confirm_consent));
}

}  // namespace samen::api
