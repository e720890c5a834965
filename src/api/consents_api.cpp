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
#include "domain/policy_entries.hpp"
#include "domain/policy_family.hpp"
#include "domain/text.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

// A date (local midnight in the Netherlands, the day consent starts) or an instant.
std::optional<domain::Millis> read_moment(const std::string& text) {
  if (text.size() == 10) {
    auto d = domain::parse_iso_date(text);
    if (!d) return std::nullopt;
    return domain::netherlands_midnight(*d);
  }
  return domain::parse_instant(text);
}

Result<std::vector<std::string>> read_strings(JsonReader& in, const char* name, bool required) {
  const json::array* items = in.array(name, required);
  if (!in.ok()) return in.error();
  std::vector<std::string> out;
  if (!items) return out;
  for (std::size_t i = 0; i < items->size(); ++i) {
    if (!(*items)[i].is_string())
      return Error{"validation_failed", "each item must be a string",
                   in.field(name) + "[" + std::to_string(i) + "]"};
    out.emplace_back((*items)[i].as_string());
  }
  return out;
}

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
                 "awaiting_signature"});
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

  const json::object* recipients = read_object(body, "recipients", error);
  if (!recipients) return error;
  JsonReader to(*recipients, "recipients.");
  to.allow_only({"organisation_ids", "roles", "guardians"});
  auto orgs = read_strings(to, "organisation_ids", false);
  if (!orgs) return orgs.error();
  for (std::size_t i = 0; i < orgs->size(); ++i) {
    auto org = tx.organisation((*orgs)[i]);
    if (!org || org->region_id != region_id)
      return Error{"validation_failed", "is not an organisation of this region",
                   "recipients.organisation_ids[" + std::to_string(i) + "]"};
  }
  g.recipient_organisation_ids = *orgs;
  auto roles = read_strings(to, "roles", false);
  if (!roles) return roles.error();
  for (std::size_t i = 0; i < roles->size(); ++i) {
    auto role = domain::parse_role((*roles)[i]);
    if (!role || domain::is_family_role(*role) || domain::is_role_without_case_access(*role))
      return Error{"validation_failed", "is not a role that works on cases",
                   "recipients.roles[" + std::to_string(i) + "]"};
    g.recipient_roles.push_back(*role);
  }
  g.recipient_guardians = to.boolean("guardians", false);
  if (!to.ok()) return to.error();
  if (g.recipient_organisation_ids.empty() && g.recipient_roles.empty() && !g.recipient_guardians)
    return Error{"validation_failed", "name at least one organisation, role or the guardians",
                 "recipients"};

  auto categories = read_strings(in, "categories", true);
  if (!categories) return categories.error();
  for (std::size_t i = 0; i < categories->size(); ++i) {
    auto c = domain::parse_entry_category((*categories)[i]);
    if (!c)
      return Error{"validation_failed", "is not a known category",
                   "categories[" + std::to_string(i) + "]"};
    g.categories.push_back(*c);
  }
  if (g.categories.empty())
    return Error{"validation_failed", "name at least one category", "categories"};
  for (auto [name, required] : {std::pair{"valid_from", true}, std::pair{"valid_until", false}}) {
    std::string value = in.text(name, required);
    if (!in.ok()) return in.error();
    if (value.empty()) continue;
    auto moment = read_moment(value);
    if (!moment)
      return Error{"validation_failed",
                   std::string(name) + " must be a date (yyyy-mm-dd) or an ISO 8601 instant", name};
    if (std::string_view(name) == "valid_from")
      g.valid_from = *moment;
    else
      g.valid_until = *moment;
  }
  std::string text(domain::trim(in.multiline_text("text", true)));
  bool awaiting = in.boolean("awaiting_signature", false);
  if (!in.ok()) return in.error();
  if (text.empty() || text.size() > 20000)
    return Error{"validation_failed",
                 "text (what the family agreed to) must be 1 to 20000 characters", "text"};
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
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  auto input = read_grant(*body, *tx, actor->membership.region_id);
  // The recording decision names the parties the viewer gives consent as (the family) or on
  // whose word they record it (professionals).
  auto decision = domain::decide_consent_recording_any(
      actor->viewer, p->facts, p->cases,
      input ? input->grant.given_by_guardian_ids : std::vector<std::string>{},
      input ? input->grant.given_by_pupil : false, now);
  auto denied = [&](Reply reply) {
    reply.audit.push_back(decision_event(*actor, req, decision, "denied", "consent", "", pupil_id));
    return reply;
  };
  // Strangers learn nothing, not even what is wrong with the body; the family and the
  // professionals around the pupil learn what to fix first.
  if (!decision.allowed && !read.allowed) return denied(fail(404, "not_found", "no such pupil"));
  if (!input) return fail(input.error());
  if (!decision.allowed) return denied(fail(403, "forbidden", decision.reasons.front()));
  input->grant.pupil_id = pupil_id;
  if (auto ok = domain::check_grant_parties(input->grant, p->facts, input->awaiting_signature); !ok)
    return fail(ok.error());
  store::ConsentGrantRecord record;
  record.grant = input->grant;
  record.text = input->text;
  record.recorded_by_user_id = actor->user.id;
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
  for (const auto& r : tx->consent_grant_records_of_pupil(pupil_id)) {
    auto one = domain::decide_consent_read(actor->viewer, p->facts, p->cases, &r.grant, now);
    if (one.allowed) items.push_back(grant_json(r, p->facts, now));
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
  Reply reply = Reply::of(json_response(200, grant_json(*record, p->facts, now)));
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
