// Safety decisions under the reporting code (Meldcode) on a case: after its steps, the
// lead or the school's care coordinator records which organisations may receive the
// case's entries without consent, why, and for how long (rule 8, basis `safety`). The
// decision also goes into the chronology, and every access is audited.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/case_support.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/routes.hpp"
#include "api/safety_views.hpp"
#include "api/views.hpp"
#include "domain/record_text.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

constexpr std::size_t kMaxSafetyText = 4000;
// A decision to share without consent is an exception; it must be looked at again.
constexpr domain::Millis kMaxSafetyPeriod = 366LL * 24 * 3600 * 1000;

// A moment as an ISO 8601 instant or a date (local midnight in the Netherlands).
Result<domain::Millis> read_moment(JsonReader& in, const char* name) {
  std::string text = in.text(name, true);
  if (!in.ok()) return in.error();
  if (auto moment = domain::parse_moment(text)) return *moment;
  return Error{"validation_failed", std::string(name) + " must be a date or an ISO 8601 instant",
               name};
}

// The organisations named must be organisations of the case's region.
Status check_organisations(store::ReadTx& tx, const std::vector<std::string>& ids,
                           const std::string& region_id) {
  if (ids.empty())
    return Error{"validation_failed", "name at least one organisation", "organisation_ids"};
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto org = tx.organisation(ids[i]);
    if (!org || org->region_id != region_id)
      return Error{"validation_failed", "no such organisation in this region",
                   "organisation_ids[" + std::to_string(i) + "]"};
  }
  return ok_status();
}

Reply record_safety_decision(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto change = begin_case_change(tx, actor, req, req.params["id"],
                                  domain::CaseAction::record_safety_decision);
  if (change.denied) return std::move(*change.denied);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"organisation_ids", "reason", "steps", "valid_from", "valid_until"});
  store::SafetyDecisionRecord r;
  if (const json::array* orgs = in.array("organisation_ids", true)) {
    for (std::size_t i = 0; i < orgs->size(); ++i) {
      if (!(*orgs)[i].is_string())
        return fail("validation_failed", "organisation ids are strings",
                    "organisation_ids[" + std::to_string(i) + "]");
      r.decision.organisation_ids.emplace_back((*orgs)[i].as_string());
    }
  }
  if (!in.ok()) return fail(in.error());
  auto reason = read_text(in, "reason", true, kMaxSafetyText);
  if (!reason) return fail(reason.error());
  auto steps = read_text(in, "steps", true, kMaxSafetyText);
  if (!steps) return fail(steps.error());
  auto from = read_moment(in, "valid_from");
  if (!from) return fail(from.error());
  auto until = read_moment(in, "valid_until");
  if (!until) return fail(until.error());
  if (*until <= *from)
    return fail("validation_failed", "valid_until must be after valid_from", "valid_until");
  if (*until - *from > kMaxSafetyPeriod)
    return fail("validation_failed", "a safety decision lasts at most a year; decide again then",
                "valid_until");
  auto school = tx.organisation(change.facts.school_id);
  if (auto ok =
          check_organisations(tx, r.decision.organisation_ids, school ? school->region_id : "");
      !ok)
    return fail(ok.error());
  r.decision.case_id = change.facts.case_id;
  r.decision.valid_from = *from;
  r.decision.valid_until = *until;
  r.decided_by_user_id = actor.user.id;
  r.decided_by_membership_id = actor.membership.id;
  r.reason = *reason;
  r.steps = *steps;
  return Reply::writing([req, a = actor, r, facts = change.facts, decision = change.decision](
                            store::WriteTx& w, Response& out) mutable {
    r.recorded_at = domain::now_millis();
    r.decision.id = w.insert_safety_decision(r);
    w.append_entry(chronology_entry(
        a, facts, "safety_decision", domain::Audience::case_team, domain::EntryCategory::safety,
        domain::safety_decision_text(r.reason, r.steps), r.recorded_at));
    out = json_response(201, safety_decision_json(w, r, a.viewer, facts, r.recorded_at));
    return audit::JobOutcome{true,
                             {decision_event(a, req, decision, "create", "safety_decision",
                                             r.decision.id, facts.pupil_id)}};
  });
}

Reply list_safety_decisions(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto change =
      begin_case_change(tx, actor, req, req.params["id"],
                        domain::CaseAction::record_safety_decision, /*allow_closed=*/true);
  if (change.denied) return std::move(*change.denied);
  json::array items;
  auto now = domain::now_millis();
  for (const auto& r : tx.safety_decision_records_of_case(change.facts.case_id))
    items.push_back(safety_decision_json(tx, r, actor.viewer, change.facts, now));
  Reply reply;
  reply.audit.push_back(decision_event(actor, req, change.decision, "list", "safety_decision",
                                       change.facts.case_id, change.facts.pupil_id));
  *reply.response = json_response(200, json::object{{"safety_decisions", std::move(items)}});
  return reply;
}

}  // namespace

void register_safety_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/cases/{id}/safety-decisions", authenticated(ctx, list_safety_decisions));
  router.add("POST", "/api/cases/{id}/safety-decisions",
             authenticated(ctx, record_safety_decision));
}

}  // namespace samen::api
