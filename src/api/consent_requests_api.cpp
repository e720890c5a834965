// Consent requests (issue 11): the normal way consent comes about. A professional around the
// pupil sends the family a request (recipients, categories, period, and a text in plain
// Dutch they are shown); the parties the pupil's age requires each agree or decline in the
// family portal; when all agreed, the request becomes a consent grant given by them
// (obtained_via portal) in the same transaction; a decline closes it; the sender may
// withdraw it. Who may do what is decided in domain/policy_consent.hpp; every attempt is
// audited; a pupil or request the viewer may not see answers 404 before the body is read.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/consent_support.hpp"
#include "api/family_facts.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/consent_request.hpp"
#include "domain/policy_consent.hpp"
#include "domain/text.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

constexpr std::size_t kMaxRequestText = 4000;

json::array party_list_json(const std::vector<domain::LaterSignature>& parties) {
  json::array out;
  for (const auto& s : parties) {
    json::object one;
    if (s.pupil)
      one["pupil"] = true;
    else
      one["guardian_id"] = s.guardian_id;
    one["at"] = domain::format_instant(s.at);
    out.push_back(std::move(one));
  }
  return out;
}

// The request as its readers see it at `now`, with the parties the pupil's age requires
// now and who of them has not answered (`waiting_for`: guardian, pupil), who sent it (role
// and organisation; the name for professionals) and what the reader may do (`may`).
json::object request_json(store::ReadTx& tx, const store::ConsentRequestRecord& r,
                          const domain::CaseFacts& pupil, const domain::Viewer& viewer,
                          domain::Millis now) {
  const auto& q = r.request;
  json::array orgs, roles, categories;
  for (const auto& id : q.recipient_organisation_ids) {
    auto org = tx.organisation(id);
    orgs.push_back(json::object{{"id", id}, {"name", org ? org->name : ""}});
  }
  for (auto role : q.recipient_roles) roles.emplace_back(domain::to_string(role));
  for (auto c : q.categories) categories.emplace_back(domain::to_string(c));
  json::object sender;
  if (auto m = tx.membership(q.sent_by_membership_id)) {
    sender["role"] = std::string(domain::to_string(m->role));
    if (auto org = tx.organisation(m->organisation_id)) sender["organisation"] = org->name;
  }
  bool family = domain::is_family_role(viewer.role);
  if (!family)
    if (auto u = tx.user(q.sent_by_user_id)) sender["name"] = u->name;
  json::object out{
      {"id", q.id},
      {"pupil_id", q.pupil_id},
      {"recipients", json::object{{"organisations", std::move(orgs)}, {"roles", std::move(roles)}}},
      {"categories", std::move(categories)},
      {"valid_from", domain::format_instant(q.valid_from)},
      {"valid_until",
       q.valid_until ? json::value(domain::format_instant(*q.valid_until)) : json::value(nullptr)},
      {"text", r.text},
      {"sent_by", std::move(sender)},
      {"sent_at", domain::format_instant(q.sent_at)},
      {"status", std::string(domain::to_string(q.status))},
      {"agreements", party_list_json(q.agreements)},
      {"version", r.version}};
  if (q.closed_at) out["closed_at"] = domain::format_instant(*q.closed_at);
  if (q.status == domain::ConsentRequestStatus::declined) {
    json::object by;
    if (q.declined_by_pupil)
      by["pupil"] = true;
    else
      by["guardian_id"] = q.declined_by_guardian_id;
    out["declined_by"] = std::move(by);
  }
  if (!q.grant_id.empty()) out["grant_id"] = q.grant_id;
  auto band = domain::consent_band_at(pupil.pupil_date_of_birth, now);
  out["required_parties"] = std::string(domain::describe(band));
  json::array waiting;
  if (q.status == domain::ConsentRequestStatus::open) {
    domain::ConsentGrant parties;
    for (const auto& s : q.agreements) {
      if (s.pupil)
        parties.given_by_pupil = true;
      else
        parties.given_by_guardian_ids.push_back(s.guardian_id);
    }
    auto missing = domain::missing_parties(parties, band, pupil.guardians);
    if (missing.guardian) waiting.emplace_back("guardian");
    if (missing.pupil) waiting.emplace_back("pupil");
  }
  out["waiting_for"] = std::move(waiting);
  // What this reader may answer as: the family member themself, while the request is open
  // and their answer is one the age requires.
  json::object may{{"withdraw", q.status == domain::ConsentRequestStatus::open &&
                                    domain::decide_consent_request_withdraw(viewer, q).allowed}};
  json::array answer_as;
  if (family && q.status == domain::ConsentRequestStatus::open) {
    std::vector<domain::ConsentAnswer> candidates{{"", true, true, now}};
    for (const auto& g : pupil.guardians)
      if (g.user_id == viewer.user_id) candidates.push_back({g.guardian_id, false, true, now});
    for (const auto& a : candidates) {
      if (!domain::decide_consent_request_answer(viewer, pupil, a.guardian_id, a.pupil).allowed)
        continue;
      if (!domain::check_consent_answer(q, pupil, a)) continue;
      answer_as.push_back(a.pupil ? json::object{{"pupil", true}}
                                  : json::object{{"guardian_id", a.guardian_id}});
    }
  }
  may["answer_as"] = std::move(answer_as);
  out["may"] = std::move(may);
  return out;
}

const char* agree_action(const domain::ConsentAnswer& answer) {
  return answer.agree ? "agree" : "decline";
}

Reply send_request(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  const std::string pupil_id = req.params["id"];
  auto p = load_pupil_policy_facts(tx, pupil_id);
  if (!p) return fail("not_found", "no such pupil");
  auto now = domain::now_millis();
  auto read = domain::decide_consent_request_read(actor.viewer, p->facts, p->cases, nullptr, now);
  if (!read.allowed)
    return refuse(actor, req, read, {"consent_request", "", pupil_id},
                  Refusal::as_missing("no such pupil"));
  auto decision = domain::decide_consent_request_send(actor.viewer, p->facts, p->cases, now);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"consent_request", "", pupil_id}, Refusal::forbidden());
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"recipients", "categories", "valid_from", "valid_until", "text"});
  if (!in.ok()) return fail(in.error());
  auto scope = read_consent_scope(*body, tx, actor.membership.region_id, false);
  if (!scope) return fail(scope.error());
  std::string text(domain::trim(in.multiline_text("text", true)));
  if (!in.ok()) return fail(in.error());
  if (text.empty() || text.size() > kMaxRequestText)
    return fail("validation_failed",
                "text (what the family is asked, in plain words) must be 1 to 4000 characters",
                "text");
  store::ConsentRequestRecord record;
  auto& q = record.request;
  q.pupil_id = pupil_id;
  q.recipient_organisation_ids = scope->organisation_ids;
  q.recipient_roles = scope->roles;
  q.categories = scope->categories;
  q.valid_from = scope->valid_from;
  q.valid_until = scope->valid_until;
  q.sent_by_user_id = actor.user.id;
  q.sent_by_membership_id = actor.membership.id;
  q.sent_at = now;
  record.text = text;
  return Reply::writing([req, a = actor, record, decision, facts = p->facts](
                            store::WriteTx& w, Response& out) mutable {
    auto id = w.insert_consent_request(record);
    out = json_response(
        201, request_json(w, *w.consent_request(id), facts, a.viewer, record.request.sent_at));
    return audit::JobOutcome{
        true, {decision_event(a, req, decision, "create", "consent_request", id, facts.pupil_id)}};
  });
}

Reply list_requests(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  const std::string pupil_id = req.params["id"];
  auto p = load_pupil_policy_facts(tx, pupil_id);
  if (!p) return fail("not_found", "no such pupil");
  auto now = domain::now_millis();
  auto decision =
      domain::decide_consent_request_read(actor.viewer, p->facts, p->cases, nullptr, now);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"consent_request", "", pupil_id},
                  Refusal::as_missing("no such pupil"));
  Reply reply;
  reply.audit.push_back(
      decision_event(actor, req, decision, "list", "consent_request", "", pupil_id));
  json::array items;
  for (const auto& r : tx.consent_requests_of_pupil(pupil_id))
    if (domain::decide_consent_request_read(actor.viewer, p->facts, p->cases, &r.request, now)
            .allowed)
      items.push_back(request_json(tx, r, p->facts, actor.viewer, now));
  *reply.response = json_response(200, json::object{{"requests", std::move(items)}});
  return reply;
}

// A request by id, for whoever may read it; `refused` holds the answer otherwise (404 as
// for a missing id, audited when the request exists).
struct LoadedRequest {
  Actor actor;
  store::ConsentRequestRecord record;
  PupilPolicyFacts pupil;
  domain::Millis now = 0;
  domain::Decision read;
  std::optional<Reply> refused;
};

LoadedRequest load_request(const Request& req, store::ReadTx& tx, const Actor& actor) {
  LoadedRequest out;
  out.actor = actor;
  auto record = tx.consent_request(req.params.at("id"));
  auto p = record ? load_pupil_policy_facts(tx, record->request.pupil_id) : std::nullopt;
  if (!p) {
    out.refused = fail("not_found", "no such consent request");
    return out;
  }
  out.record = std::move(*record);
  out.pupil = std::move(*p);
  out.now = domain::now_millis();
  out.read = domain::decide_consent_request_read(out.actor.viewer, out.pupil.facts, out.pupil.cases,
                                                 &out.record.request, out.now);
  if (!out.read.allowed)
    out.refused =
        refuse(actor, req, out.read, {"consent_request", out.record.request.id, out.pupil.pupil.id},
               Refusal::as_missing("no such consent request"));
  return out;
}

Reply get_request(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto r = load_request(req, tx, actor);
  if (r.refused) return std::move(*r.refused);
  Reply reply = Reply::of(
      json_response(200, request_json(tx, r.record, r.pupil.facts, r.actor.viewer, r.now)));
  reply.audit.push_back(decision_event(r.actor, req, r.read, "read", "consent_request",
                                       r.record.request.id, r.pupil.pupil.id));
  return reply;
}

// `{by: {guardian_id} | {pupil: true}, agree: true | false}`.
Reply answer_request(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto r = load_request(req, tx, actor);
  if (r.refused) return std::move(*r.refused);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"by", "agree"});
  bool agree = in.boolean("agree", true);
  if (!in.ok()) return fail(in.error());
  domain::ConsentAnswer answer;
  if (auto party = read_party(*body, answer.guardian_id, answer.pupil); !party)
    return fail(party.error());
  answer.agree = agree;
  answer.at = r.now;
  const auto& id = r.record.request.id;
  const auto& facts = r.pupil.facts;
  auto decision = domain::decide_consent_request_answer(r.actor.viewer, facts, answer.guardian_id,
                                                        answer.pupil);
  if (!decision.allowed)
    return refuse(r.actor, req, decision, {"consent_request", id, facts.pupil_id},
                  Refusal::forbidden());
  if (auto ok = domain::check_consent_answer(r.record.request, facts, answer); !ok)
    return fail(ok.error());
  return Reply::writing([req, a = r.actor, id, answer, decision, facts, text = r.record.text](
                            store::WriteTx& w, Response& out) {
    // Again inside the write: another party may have answered since the read.
    auto current = w.consent_request(id);
    if (auto ok = domain::check_consent_answer(current->request, facts, answer); !ok) {
      out = http::error_response(ok.error());
      return audit::JobOutcome{false, {}};
    }
    auto next = domain::answered(current->request, facts, answer);
    std::vector<audit::Event> events{decision_event(a, req, decision, agree_action(answer),
                                                    "consent_request", id, facts.pupil_id)};
    if (next.status == domain::ConsentRequestStatus::agreed) {
      store::ConsentGrantRecord grant;
      grant.grant = domain::grant_from_request(next, answer.at);
      grant.text = text;
      grant.recorded_by_user_id = a.user.id;
      grant.recorded_by_membership_id = a.membership.id;
      grant.recorded_at = answer.at;
      next.grant_id = w.insert_consent_grant(grant);
      events.push_back(
          decision_event(a, req, decision, "create", "consent", next.grant_id, facts.pupil_id));
    }
    if (!w.update_consent_request(next, current->version)) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    out = json_response(200, request_json(w, *w.consent_request(id), facts, a.viewer, answer.at));
    return audit::JobOutcome{true, std::move(events)};
  });
}

Reply withdraw_request(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto r = load_request(req, tx, actor);
  if (r.refused) return std::move(*r.refused);
  const auto& id = r.record.request.id;
  const auto& facts = r.pupil.facts;
  auto decision = domain::decide_consent_request_withdraw(r.actor.viewer, r.record.request);
  if (!decision.allowed)
    return refuse(r.actor, req, decision, {"consent_request", id, facts.pupil_id},
                  Refusal::forbidden());
  if (!req.body.empty()) {
    auto body = parse_json_object(req);
    if (!body) return fail(body.error());
    JsonReader in(*body);
    if (!in.allow_only({}).ok()) return fail(in.error());
  }
  if (r.record.request.status != domain::ConsentRequestStatus::open)
    return fail("request_closed", "this request has been answered or withdrawn already");
  return Reply::writing(
      [req, a = r.actor, id, decision, facts, now = r.now](store::WriteTx& w, Response& out) {
        auto current = w.consent_request(id);
        auto next = current->request;
        next.status = domain::ConsentRequestStatus::withdrawn;
        next.closed_at = now;
        if (!w.update_consent_request(next, current->version)) {
          out = http::error_response("request_closed",
                                     "this request has been answered or withdrawn already");
          return audit::JobOutcome{false, {}};
        }
        out = json_response(200, request_json(w, *w.consent_request(id), facts, a.viewer, now));
        return audit::JobOutcome{
            true,
            {decision_event(a, req, decision, "withdraw", "consent_request", id, facts.pupil_id)}};
      });
}

}  // namespace

void register_consent_request_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/pupils/{id}/consent-requests", authenticated(ctx, list_requests));
  router.add("POST", "/api/pupils/{id}/consent-requests", authenticated(ctx, send_request));
  router.add("GET", "/api/consent-requests/{id}", authenticated(ctx, get_request));
  router.add("POST", "/api/consent-requests/{id}/answer", authenticated(ctx, answer_request));
  router.add("POST", "/api/consent-requests/{id}/withdraw", authenticated(ctx, withdraw_request));
}

}  // namespace samen::api
