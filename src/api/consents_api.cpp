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
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/consent.hpp"
#include "domain/policy_consent.hpp"
#include "domain/policy_entries.hpp"
#include "domain/policy_family.hpp"
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

Reply not_found_audited(const Actor& actor, const Request& req, const domain::Decision& d,
                        const std::string& id, const std::string& pupil_id) {
  Reply reply = fail(404, "not_found", "no such consent grant");
  reply.audit.push_back(decision_event(actor, req, d, "denied", "consent", id, pupil_id));
  return reply;
}

Reply create_consent(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto actor = authenticate(ctx, req, *tx);
  if (!actor) return fail(actor.error());
  const std::string pupil_id = req.params["id"];
  auto p = load_pupil_policy_facts(*tx, pupil_id);
  if (!p) return fail(404, "not_found", "no such pupil");
  auto now = domain::now_millis();
  auto read = domain::decide_consent_read(actor->viewer, p->facts, p->cases, nullptr, now);
  // Strangers learn nothing, not even what is wrong with the body: the access answer comes
  // before the body is read. The family and the professionals around the pupil learn what
  // to fix first.
  if (!read.allowed) {
    Reply reply = fail(404, "not_found", "no such pupil");
    reply.audit.push_back(decision_event(*actor, req, read, "denied", "consent", "", pupil_id));
    return reply;
  }
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  auto input = read_grant(*body, *tx, actor->membership.region_id);
  if (!input) return fail(input.error());
  // The recording decision names the parties the viewer gives consent as (the family) or on
  // whose word they record it (professionals).
  auto decision = domain::decide_consent_recording_any(actor->viewer, p->facts, p->cases,
                                                       input->grant.given_by_guardian_ids,
                                                       input->grant.given_by_pupil, now);
  if (!decision.allowed) {
    Reply reply = fail(403, "forbidden", decision.reasons.front());
    reply.audit.push_back(decision_event(*actor, req, decision, "denied", "consent", "", pupil_id));
    return reply;
  }
  auto& grant = input->grant;
  grant.pupil_id = pupil_id;
  if (domain::is_family_role(actor->viewer.role)) {
    grant.obtained_via = domain::ConsentSource::portal;
  } else {
    // A professional says how the family gave it; "portal" is the family's own answer.
    if (grant.obtained_via == domain::ConsentSource::unknown ||
        grant.obtained_via == domain::ConsentSource::portal)
      return fail(400, "validation_failed",
                  "say how the family gave this consent: paper, conversation or phone",
                  "obtained_via");
    grant.awaits_confirmation =
        domain::grant_widens_access_of(grant, active_viewers(*tx, actor->user));
  }
  if (auto ok = domain::check_grant_parties(grant, p->facts, input->awaiting_signature); !ok)
    return fail(ok.error());
  store::ConsentGrantRecord record;
  record.grant = grant;
  record.text = input->text;
  record.recorded_by_user_id = actor->user.id;
  record.recorded_by_membership_id = actor->membership.id;
  record.recorded_at = now;
  return Reply::writing([req, a = *actor, record, decision, facts = p->facts](
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
// organisation) and what the reader may do with it (`may.confirm`, decided by the policy).
json::object grant_view(store::ReadTx& tx, const Actor& actor, const PupilPolicyFacts& p,
                        const store::ConsentGrantRecord& r, domain::Millis now,
                        const std::vector<domain::Viewer>& memberships) {
  auto out = grant_json(r, p.facts, now);
  bool family = domain::is_family_role(actor.viewer.role);
  out["recorded_by"] = recorder_json(tx, r, !family);
  bool confirm = r.grant.awaits_confirmation && !r.grant.confirmed_at && !r.grant.withdrawn_at &&
                 domain::decide_grant_confirmation(actor.viewer, memberships, p.facts, p.cases,
                                                   r.grant, r.recorded_by_user_id)
                     .allowed;
  out["may"] = json::object{{"confirm", confirm}};
  return out;
}

Reply list_consents(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto actor = authenticate(ctx, req, *tx);
  if (!actor) return fail(actor.error());
  const std::string pupil_id = req.params["id"];
  auto p = load_pupil_policy_facts(*tx, pupil_id);
  if (!p) return fail(404, "not_found", "no such pupil");
  auto now = domain::now_millis();
  auto decision = domain::decide_consent_read(actor->viewer, p->facts, p->cases, nullptr, now);
  Reply reply;
  reply.audit.push_back(decision_event(*actor, req, decision, decision.allowed ? "list" : "denied",
                                       "consent", "", pupil_id));
  if (!decision.allowed) {
    *reply.response = http::error_response(404, "not_found", "no such pupil");
    return reply;
  }
  json::array items;
  auto memberships = active_viewers(*tx, actor->user);
  for (const auto& r : tx->consent_grant_records_of_pupil(pupil_id)) {
    auto one = domain::decide_consent_read(actor->viewer, p->facts, p->cases, &r.grant, now);
    if (one.allowed) items.push_back(grant_view(*tx, *actor, *p, r, now, memberships));
  }
  *reply.response = json_response(200, json::object{{"consents", std::move(items)}});
  return reply;
}

Reply get_consent(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto actor = authenticate(ctx, req, *tx);
  if (!actor) return fail(actor.error());
  const std::string id = req.params["id"];
  auto record = tx->consent_grant(id);
  if (!record) return fail(404, "not_found", "no such consent grant");
  auto p = load_pupil_policy_facts(*tx, record->grant.pupil_id);
  if (!p) return fail(404, "not_found", "no such consent grant");
  auto now = domain::now_millis();
  auto decision =
      domain::decide_consent_read(actor->viewer, p->facts, p->cases, &record->grant, now);
  if (!decision.allowed) return not_found_audited(*actor, req, decision, id, p->pupil.id);
  Reply reply = Reply::of(json_response(
      200, grant_view(*tx, *actor, *p, *record, now, active_viewers(*tx, actor->user))));
  reply.audit.push_back(decision_event(*actor, req, decision, "read", "consent", id, p->pupil.id));
  return reply;
}

}  // namespace

void register_consent_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/pupils/{id}/consents",
             [&ctx](Request& r) { return list_consents(ctx, r); });
  router.add("POST", "/api/pupils/{id}/consents",
             [&ctx](Request& r) { return create_consent(ctx, r); });
  router.add("GET", "/api/consents/{id}", [&ctx](Request& r) { return get_consent(ctx, r); });
}

}  // namespace samen::api
