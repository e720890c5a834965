// Consent grants of a pupil: record, list, read (a party joins or leaves a grant in
// consent_parties_api.cpp). Who may record is decide_consent_recording; who may read is
// decide_consent_read (domain/policy_family.hpp). A grant that can never count (its parties do
// not fit the pupil's WGBO band at valid_from) is refused with a 400 naming the field, unless
// the recorder says it awaits the other parties' signatures. Every access, allowed or
// denied, is audited before the response leaves; a pupil or grant the viewer may not see
// answers 404.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/consent_support.hpp"
#include "api/family_facts.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/consent.hpp"
#include "domain/policy_consent.hpp"
#include "domain/policy_entries.hpp"
#include "domain/policy_family.hpp"
#include "domain/policy_may.hpp"
#include "domain/text.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

// A grant as the body gives it, with what the family agreed to (`text`) and whether the
// recorder awaits the signatures of the band's other parties.
struct GrantInput {
  domain::ConsentGrant grant;
  std::string text;
  bool awaiting_signature = false;
};

Result<GrantInput> read_grant(const json::object& body, store::ReadTx& tx,
                              const std::string& region_id) {
  JsonReader in(body);
  in.allow_only({"given_by", "recipients", "categories", "valid_from", "valid_until", "text",
                 "awaiting_signature", "obtained_via"});
  if (!in.ok()) return in.error();
  domain::ConsentGrant g;
  Error error;
  const json::object* given = read_object(body, "given_by", error);
  if (!given) return error;
  JsonReader by(*given, "given_by.");
  by.allow_only({"guardian_ids", "pupil"});
  auto guardians = read_strings(by, "guardian_ids", false);
  if (!guardians) return guardians.error();
  g.given_by_guardian_ids = *guardians;
  g.given_by_pupil = by.boolean("pupil", false);
  if (!by.ok()) return by.error();

  auto scope = read_consent_scope(body, tx, region_id, /*guardians_allowed=*/true);
  if (!scope) return scope.error();
  g.recipient_organisation_ids = scope->organisation_ids;
  g.recipient_roles = scope->roles;
  g.recipient_guardians = scope->guardians;
  g.categories = scope->categories;
  g.valid_from = scope->valid_from;
  g.valid_until = scope->valid_until;
  std::string via = in.text("obtained_via", false);
  if (!in.ok()) return in.error();
  std::string text(domain::trim(in.multiline_text("text", true)));
  bool awaiting = in.boolean("awaiting_signature", false);
  if (!in.ok()) return in.error();
  if (text.empty() || text.size() > 20000)
    return Error{"validation_failed",
                 "text (what the family agreed to) must be 1 to 20000 characters", "text"};
  if (!via.empty()) {
    auto source = domain::parse_consent_source(via);
    if (!source || *source == domain::ConsentSource::unknown)
      return Error{"validation_failed", "obtained_via must be paper, conversation, phone or portal",
                   "obtained_via"};
    g.obtained_via = *source;
  }
  return GrantInput{std::move(g), std::move(text), awaiting};
}

Reply create_consent(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  const std::string pupil_id = req.params["id"];
  auto p = load_pupil_policy_facts(tx, pupil_id);
  if (!p) return fail("not_found", "no such pupil");
  auto now = domain::now_millis();
  auto read = domain::decide_consent_read(actor.viewer, p->facts, p->cases, nullptr, now);
  // Strangers learn nothing, not even what is wrong with the body: the access answer comes
  // before the body is read. The family and the professionals around the pupil learn what
  // to fix first.
  if (!read.allowed)
    return refuse(actor, req, read, {"consent", "", pupil_id},
                  Refusal::as_missing("no such pupil"));
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  auto input = read_grant(*body, tx, actor.membership.region_id);
  if (!input) return fail(input.error());
  // The recording decision names the parties the viewer gives consent as (the family) or on
  // whose word they record it (professionals).
  auto decision = domain::decide_consent_recording_any(actor.viewer, p->facts, p->cases,
                                                       input->grant.given_by_guardian_ids,
                                                       input->grant.given_by_pupil, now);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"consent", "", pupil_id}, Refusal::forbidden());
  auto& grant = input->grant;
  grant.pupil_id = pupil_id;
  if (domain::is_family_role(actor.viewer.role)) {
    grant.obtained_via = domain::ConsentSource::portal;
  } else {
    // A professional says how the family gave it; "portal" is the family's own answer.
    if (grant.obtained_via == domain::ConsentSource::unknown ||
        grant.obtained_via == domain::ConsentSource::portal)
      return fail("validation_failed",
                  "say how the family gave this consent: paper, conversation or phone",
                  "obtained_via");
    grant.awaits_confirmation =
        domain::grant_widens_access_of(grant, active_viewers(tx, actor.user));
  }
  if (auto ok = domain::check_grant_parties(grant, p->facts, input->awaiting_signature); !ok)
    return fail(ok.error());
  store::ConsentGrantRecord record;
  record.grant = grant;
  record.text = input->text;
  record.recorded_by_user_id = actor.user.id;
  record.recorded_by_membership_id = actor.membership.id;
  record.recorded_at = now;
  return Reply::writing([req, a = actor, record, decision, facts = p->facts](
                            store::WriteTx& w, Response& out) mutable {
    record.grant.id = w.insert_consent_grant(record);
    auto stored = w.consent_grant(record.grant.id);
    out = json_response(201, grant_json(*stored, facts, record.recorded_at));
    return audit::JobOutcome{true,
                             {decision_event(a, req, decision, "create", "consent", record.grant.id,
                                             record.grant.pupil_id)}};
  });
}

// The grant as a reader sees it: with who recorded it (the family sees role and
// organisation) and what the reader may do with it (`may`, domain::decide_consent_may).
json::object grant_view(store::ReadTx& tx, const Actor& actor, const PupilPolicyFacts& p,
                        const store::ConsentGrantRecord& r, domain::Millis now,
                        const std::vector<domain::Viewer>& memberships) {
  auto out = grant_json(r, p.facts, now);
  bool family = domain::is_family_role(actor.viewer.role);
  out["recorded_by"] = recorder_json(tx, r, !family);
  auto may = domain::decide_consent_may(actor.viewer, memberships, p.facts, p.cases, r.grant,
                                        r.recorded_by_user_id, now);
  out["may"] = json::object{{"confirm", may.confirm}, {"withdraw", may.withdraw}};
  return out;
}

Reply list_consents(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  const std::string pupil_id = req.params["id"];
  auto p = load_pupil_policy_facts(tx, pupil_id);
  if (!p) return fail("not_found", "no such pupil");
  auto now = domain::now_millis();
  auto decision = domain::decide_consent_read(actor.viewer, p->facts, p->cases, nullptr, now);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"consent", "", pupil_id},
                  Refusal::as_missing("no such pupil"));
  Reply reply;
  reply.audit.push_back(decision_event(actor, req, decision, "list", "consent", "", pupil_id));
  json::array items;
  auto memberships = active_viewers(tx, actor.user);
  for (const auto& r : tx.consent_grant_records_of_pupil(pupil_id)) {
    auto one = domain::decide_consent_read(actor.viewer, p->facts, p->cases, &r.grant, now);
    if (one.allowed) items.push_back(grant_view(tx, actor, *p, r, now, memberships));
  }
  // Whether the viewer records a grant on the family's word (professionals; which parties
  // the body names is checked when it comes). The family gives its own in the portal.
  bool record =
      !domain::is_family_role(actor.viewer.role) &&
      domain::decide_consent_recording_any(actor.viewer, p->facts, p->cases, {}, false, now)
          .allowed;
  *reply.response = json_response(
      200, json::object{{"consents", std::move(items)}, {"may", json::object{{"record", record}}}});
  return reply;
}

Reply get_consent(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  const std::string id = req.params["id"];
  auto record = tx.consent_grant(id);
  if (!record) return fail("not_found", "no such consent grant");
  auto p = load_pupil_policy_facts(tx, record->grant.pupil_id);
  if (!p) return fail("not_found", "no such consent grant");
  auto now = domain::now_millis();
  auto decision =
      domain::decide_consent_read(actor.viewer, p->facts, p->cases, &record->grant, now);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"consent", id, p->pupil.id},
                  Refusal::as_missing("no such consent grant"));
  Reply reply = Reply::of(
      json_response(200, grant_view(tx, actor, *p, *record, now, active_viewers(tx, actor.user))));
  reply.audit.push_back(decision_event(actor, req, decision, "read", "consent", id, p->pupil.id));
  return reply;
}

}  // namespace

void register_consent_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/pupils/{id}/consents", authenticated(ctx, list_consents));
  router.add("POST", "/api/pupils/{id}/consents", authenticated(ctx, create_consent));
  router.add("GET", "/api/consents/{id}", authenticated(ctx, get_consent));
}

}  // namespace samen::api
