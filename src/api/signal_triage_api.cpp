// POST /api/signals/{id}/triage: the care coordinator of the pupil's school decides on a
// signal — advice back to the author, or a case (new, named, or the pupil's open case).
// The workflow and every policy decision in it are domain::plan_triage (domain/triage.hpp);
// this handler reads what the step needs, calls it, and writes and audits what it returns.
// Triage to a case writes the signal and the triage into the case's chronology
// (docs/decisions.md, "Cases — API").
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/case_support.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/notify.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/record_text.hpp"
#include "domain/triage.hpp"
#include "domain/vocabulary.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

constexpr std::size_t kMaxAdvice = 10000;

domain::SignalState signal_state(const store::SignalRecord& s) {
  return {s.id, s.pupil_id, s.school_id, s.author_user_id, s.status, s.version};
}

// The body: {decision: advice|case, advice?, case_id?, level?, version?} (or If-Match).
Result<domain::TriageRequest> read_triage(const Request& req, const store::SignalRecord& s) {
  auto body = parse_json_object(req);
  if (!body) return body.error();
  JsonReader in(*body);
  in.allow_only({"decision", "advice", "case_id", "level", "version"});
  domain::TriageRequest t;
  std::string decision = in.text("decision", true);
  if (!in.ok()) return in.error();
  if (decision != "advice" && decision != "case")
    return Error{"validation_failed", "decision must be advice or case", "decision"};
  t.to_case = decision == "case";
  auto text = read_text(in, "advice", !t.to_case, kMaxAdvice);
  if (!text) return text.error();
  t.advice = std::move(*text);
  if (t.to_case && !t.advice.empty())
    return Error{"validation_failed", "advice goes with decision advice", "advice"};
  t.case_id = in.text("case_id", false);
  if (!in.ok()) return in.error();
  if (!t.to_case && !t.case_id.empty())
    return Error{"validation_failed", "case_id goes with decision case", "case_id"};
  if (in.has("level") && !(*body).at("level").is_null()) {
    if (!t.to_case || !t.case_id.empty())
      return Error{"validation_failed",
                   "level goes only with a new case (decision case, no case_id)", "level"};
    auto level = in.integer("level", true);
    if (!in.ok()) return in.error();
    if (level < domain::kLowestLevel || level > domain::kHighestLevel)
      return Error{"validation_failed", "level must be 1 to 5", "level"};
    t.level = static_cast<int>(level);
  }
  std::optional<std::int64_t> body_version;
  if (in.has("version") && !(*body).at("version").is_null())
    body_version = in.integer("version", true);
  if (!in.ok()) return in.error();
  t.version = expected_version(req, body_version).value_or(s.version);
  return t;
}

// What the write transaction finds for the step: the signal now, and the case named or
// the pupil's open case.
domain::TriageFacts triage_facts(store::WriteTx& w, const store::SignalRecord& s,
                                 const domain::TriageRequest& t) {
  domain::TriageFacts f{signal_state(s), std::nullopt, std::nullopt};
  auto state_of = [&](const std::string& case_id) -> std::optional<domain::CaseState> {
    auto c = w.case_record(case_id);
    auto facts = c ? w.case_facts(case_id) : std::nullopt;
    if (!facts) return std::nullopt;
    return domain::CaseState{*facts, c->status};
  };
  if (!t.case_id.empty()) {
    f.named_case = state_of(t.case_id);
  } else {
    for (const auto& c : w.cases_of_pupil(s.pupil_id))
      if (c.status == "open") f.open_case = state_of(c.id);
  }
  return f;
}

// The signal's own entry in the chronology: written by its author, at the time it was
// recorded, for the school (docs/decisions.md).
store::EntryRecord signal_entry(const store::SignalRecord& s, const domain::CaseFacts& c) {
  store::EntryRecord e;
  e.facts.case_id = c.case_id;
  e.facts.pupil_id = c.pupil_id;
  e.facts.author_user_id = s.author_user_id;
  e.facts.author_membership_id = s.author_membership_id;
  e.facts.author_organisation_id = s.author_organisation_id;
  e.facts.author_role = s.author_role;
  e.facts.audience = domain::Audience::school;
  e.facts.category = s.categories.front();
  e.kind = "signal";
  e.text = "Signal (" + s.urgency + "): " + s.text;
  e.created_at = s.created_at;
  return e;
}

// Carries out an allowed plan on the writer.
audit::JobOutcome carry_out(store::WriteTx& w, const Actor& a, const Request& req,
                            const store::SignalRecord& s, const domain::TriageRequest& t,
                            const domain::TriagePlan& plan, Response& out) {
  using Outcome = domain::TriagePlan::Outcome;
  auto now = domain::now_millis();
  store::SignalTriage triage{
      t.to_case ? "case" : "advice", a.user.id, a.membership.id, now, t.advice, ""};
  auto triaged = decision_event(a, req, plan.signal_decision, "triage", "signal", s.id, s.pupil_id);
  if (plan.outcome == Outcome::advice) {
    if (!w.triage_signal(s.id, triage, t.version)) {
      out = version_conflict();
      return {false, {}};
    }
    out = json_response(200, json::object{{"status", "advice"}, {"case_id", nullptr}});
    return {true, {triaged}};
  }
  bool opened = plan.outcome == Outcome::open_case;
  std::string case_id = plan.case_id;
  if (opened) {
    store::CaseRecord c;
    c.pupil_id = s.pupil_id;
    c.school_id = s.school_id;
    c.lead_membership_id = a.membership.id;
    c.categories = s.categories;
    c.level = t.level;
    c.opened_by_user_id = a.user.id;
    c.opened_at = now;
    case_id = w.insert_case(c, "opened on triage of signal " + s.id);
  }
  auto facts = w.case_facts(case_id);
  triage.case_id = case_id;
  if (!w.triage_signal(s.id, triage, t.version)) {
    out = version_conflict();
    return {false, {}};
  }
  w.append_entry(signal_entry(s, *facts));
  w.append_entry(chronology_entry(a, *facts, "triage", domain::Audience::school,
                                  s.categories.front(), domain::triage_text(s.id, opened), now));
  out = json_response(200,
                      json::object{{"status", "case"}, {"case_id", case_id}, {"opened", opened}});
  return {true,
          {triaged, decision_event(a, req, plan.case_decision, opened ? "create" : "update", "case",
                                   case_id, s.pupil_id)}};
}

Reply triage_signal(AppContext& ctx, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto s = tx.signal(req.params["id"]);
  if (!s) return fail("not_found", "no such signal");
  // The access answer comes before the body is read.
  auto gate = domain::decide_triage_gate(actor.viewer, signal_state(*s));
  if (!gate.decision.allowed)
    return refuse(actor, req, gate.decision, {"signal", s->id, s->pupil_id}, gate.sees_signal,
                  "no such signal");
  auto t = read_triage(req, *s);
  if (!t) return fail(t.error());
  return Reply::writing([req, a = actor, t = *t, told = &ctx.settings](store::WriteTx& w,
                                                                       Response& out) {
    auto s = w.signal(req.params.at("id"));
    auto plan = domain::plan_triage(a.viewer, triage_facts(w, *s, t), t);
    if (plan.error) {
      out = http::error_response(*plan.error);
      if (!plan.denied) return audit::JobOutcome{false, {}};
      return audit::JobOutcome{
          false,
          {decision_event(a, req, *plan.denied, "denied", plan.denied_resource,
                          plan.denied_resource == "signal" ? s->id : plan.case_id, s->pupil_id)}};
    }
    auto outcome = carry_out(w, a, req, *s, t, plan, out);
    if (outcome.keep)
      notify_user(w, *told, s->author_user_id, domain::NotificationKind::signal_triaged,
                  "/signalen", domain::now_millis(), a.user.id);
    return outcome;
  });
}

}  // namespace

void register_signal_triage_routes(http::Router& router, AppContext& ctx) {
  router.add("POST", "/api/signals/{id}/triage", authenticated(ctx, triage_signal));
}

}  // namespace samen::api
