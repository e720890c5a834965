// Consent grants of a pupil: record, list, read, withdraw. Who may record (or withdraw on
// the family's word) is decide_consent_recording; who may read is decide_consent_read
// (domain/policy_family.hpp). A grant that can never count (its parties do not fit the
// pupil's WGBO band at valid_from) is refused with a 400 naming the field. Every access,
// allowed or denied, is audited before the response leaves; a pupil or grant the viewer
// may not see answers 404.
#include <boost/json.hpp>

#include "api/auth.hpp"
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

const json::object* read_object(const json::object& body, const char* name, Error& error,
                                const std::string& prefix = {}) {
  auto it = body.find(name);
  if (it == body.end() || !it->value().is_object()) {
    error = Error{"validation_failed", prefix + name + " is required and must be an object",
                  prefix + name};
    return nullptr;
  }
  return &it->value().as_object();
}

Result<domain::ConsentGrant> read_grant(const json::object& body, std::string& text,
                                        store::ReadTx& tx, const std::string& region_id) {
  JsonReader in(body);
  in.allow_only({"given_by", "recipients", "categories", "valid_from", "valid_until", "text"});
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
  text = std::string(domain::trim(in.text("text", true)));
  if (!in.ok()) return in.error();
  if (text.empty() || text.size() > 20000)
    return Error{"validation_failed",
                 "text (what the family agreed to) must be 1 to 20000 characters", "text"};
  return g;
}

json::array strings_json(const std::vector<std::string>& v) {
  json::array out;
  for (const auto& s : v) out.emplace_back(s);
  return out;
}

json::object grant_json(const store::ConsentGrantRecord& r, const domain::CaseFacts& p,
                        domain::Millis now) {
  const auto& g = r.grant;
  json::array roles, categories;
  for (auto role : g.recipient_roles) roles.emplace_back(domain::to_string(role));
  for (auto c : g.categories) categories.emplace_back(domain::to_string(c));
  std::string status = "active";
  if (g.withdrawn_at)
    status = "withdrawn";
  else if (now < g.valid_from)
    status = "future";
  else if (g.valid_until && now >= *g.valid_until)
    status = "expired";
  json::object out{
      {"id", g.id},
      {"pupil_id", g.pupil_id},
      {"given_by", json::object{{"guardian_ids", strings_json(g.given_by_guardian_ids)},
                                {"pupil", g.given_by_pupil}}},
      {"recipients", json::object{{"organisation_ids", strings_json(g.recipient_organisation_ids)},
                                  {"roles", std::move(roles)},
                                  {"guardians", g.recipient_guardians}}},
      {"categories", std::move(categories)},
      {"valid_from", domain::format_instant(g.valid_from)},
      {"valid_until",
       g.valid_until ? json::value(domain::format_instant(*g.valid_until)) : json::value(nullptr)},
      {"text", r.text},
      {"recorded_at", domain::format_instant(r.recorded_at)},
      {"status", status},
      {"version", r.version}};
  // The WGBO band now: a birthday can leave a grant without a party it needs.
  out["complete_for_age_now"] = domain::grant_has_parties_for(
      g, domain::consent_band_at(p.pupil_date_of_birth, now), p.guardians);
  if (g.withdrawn_at) {
    out["withdrawn_at"] = domain::format_instant(*g.withdrawn_at);
    json::object by;
    if (g.withdrawn_by_pupil)
      by["pupil"] = true;
    else
      by["guardian_id"] = g.withdrawn_by_guardian_id;
    out["withdrawn_by"] = std::move(by);
  }
  return out;
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
  std::string text;
  auto grant = read_grant(*body, text, *tx, actor->membership.region_id);
  // The recording decision names the parties the viewer gives consent as (the family) or on
  // whose word they record it (professionals).
  auto decision = domain::decide_consent_recording_any(
      actor->viewer, p->facts, p->cases,
      grant ? grant->given_by_guardian_ids : std::vector<std::string>{},
      grant ? grant->given_by_pupil : false, now);
  auto denied = [&](Reply reply) {
    reply.audit.push_back(decision_event(*actor, req, decision, "denied", "consent", "", pupil_id));
    return reply;
  };
  // Strangers learn nothing, not even what is wrong with the body; the family and the
  // professionals around the pupil learn what to fix first.
  if (!decision.allowed && !read.allowed) return denied(fail(404, "not_found", "no such pupil"));
  if (!grant) return fail(grant.error());
  if (!decision.allowed) return denied(fail(403, "forbidden", decision.reasons.front()));
  grant->pupil_id = pupil_id;
  if (auto ok = domain::check_grant_parties(*grant, p->facts); !ok) return fail(ok.error());
  store::ConsentGrantRecord record;
  record.grant = *grant;
  record.text = text;
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

Reply withdraw_consent(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto actor = authenticate(ctx, req, *tx);
  if (!actor) return fail(actor.error());
  const std::string id = req.params["id"];
  auto record = tx->consent_grant(id);
  if (!record) return fail(404, "not_found", "no such consent grant");
  auto p = load_pupil_policy_facts(*tx, record->grant.pupil_id);
  if (!p) return fail(404, "not_found", "no such consent grant");
  auto now = domain::now_millis();
  auto read = domain::decide_consent_read(actor->viewer, p->facts, p->cases, &record->grant, now);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"by"});
  Error error;
  const json::object* by_object = read_object(*body, "by", error);
  if (!in.ok()) return fail(in.error());
  if (!by_object) return fail(error);
  JsonReader by(*by_object, "by.");
  by.allow_only({"guardian_id", "pupil"});
  std::string guardian_id = by.text("guardian_id", false);
  bool as_pupil = by.boolean("pupil", false);
  if (!by.ok()) return fail(by.error());
  if (guardian_id.empty() == !as_pupil)
    return fail(400, "validation_failed", "name either by.guardian_id or by.pupil: true", "by");
  std::vector<std::string> as_guardians;
  if (!guardian_id.empty()) as_guardians.push_back(guardian_id);
  auto decision = domain::decide_consent_recording_any(actor->viewer, p->facts, p->cases,
                                                       as_guardians, as_pupil, now);
  if (!decision.allowed) {
    Reply reply = read.allowed ? fail(403, "forbidden", decision.reasons.front())
                               : fail(404, "not_found", "no such consent grant");
    reply.audit.push_back(
        decision_event(*actor, req, decision, "denied", "consent", id, p->pupil.id));
    return reply;
  }
  if (!domain::may_withdraw(record->grant, guardian_id, as_pupil))
    return fail(400, "validation_failed", "only a party to the grant withdraws it",
                as_pupil ? "by.pupil" : "by.guardian_id");
  store::ConsentWithdrawal w{guardian_id, as_pupil, actor->user.id, now};
  return Reply::writing([req, a = *actor, id, w, decision, facts = p->facts](store::WriteTx& tx2,
                                                                             Response& out) {
    if (!tx2.withdraw_consent_grant(id, w)) {
      out = http::error_response(409, "already_withdrawn",
                                 "this grant was withdrawn already; the first withdrawal stands");
      return audit::JobOutcome{false, {}};
    }
    out = json_response(200, grant_json(*tx2.consent_grant(id), facts, w.at));
    return audit::JobOutcome{
        true, {decision_event(a, req, decision, "withdraw", "consent", id, facts.pupil_id)}};
  });
}

}  // namespace

void register_consent_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/pupils/{id}/consents",
             [&ctx](Request& r) { return list_consents(ctx, r); });
  router.add("POST", "/api/pupils/{id}/consents",
             [&ctx](Request& r) { return create_consent(ctx, r); });
  router.add("GET", "/api/consents/{id}", [&ctx](Request& r) { return get_consent(ctx, r); });
  router.add("POST", "/api/consents/{id}/withdraw",
             [&ctx](Request& r) { return withdraw_consent(ctx, r); });
}

}  // namespace samen::api
