// Signals: a mentor's or teacher's worry about a pupil, and its triage by the care
// coordinator of the pupil's school (advice back to the author, or a case: new, or the
// pupil's open case). Who may record, read and triage is decided by domain::policy_cases;
// every access, allowed or denied, is audited before the response leaves. A signal the
// viewer may not read answers 404. Triage to a case writes the signal and the triage into
// the case's chronology (docs/decisions.md, "Cases — API").
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/case_support.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/listing_probe.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/policy_cases.hpp"
#include "domain/record_text.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

constexpr std::size_t kMaxText = 10000;
constexpr int kTriageDefaultLevel = 2;

Reply signal_not_found() { return fail(404, "not_found", "no such signal"); }

Reply record_signal(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto actor = authenticate(ctx, req, *tx);
  if (!actor) return fail(actor.error());
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"pupil_id", "categories", "urgency", "text"});
  std::string pupil_id = in.text("pupil_id", true);
  if (!in.ok()) return fail(in.error());
  auto categories = read_categories(in, "categories");
  if (!categories) return fail(categories.error());
  std::string urgency = in.text("urgency", true);
  if (!in.ok()) return fail(in.error());
  if (urgency != "normal" && urgency != "soon" && urgency != "urgent")
    return fail(400, "validation_failed", "urgency must be normal, soon or urgent", "urgency");
  auto text = read_text(in, "text", true, kMaxText);
  if (!text) return fail(text.error());

  auto facts = tx->pupil_facts(pupil_id);
  if (!facts) return fail(404, "not_found", "no such pupil", "pupil_id");
  auto decision = domain::decide_signal_action(actor->viewer, facts->school_id, "",
                                               domain::SignalAction::record);
  if (!decision.allowed) {
    auto read = domain::decide_pupil_access(actor->viewer, *facts, domain::PupilAction::read);
    Reply reply = read.allowed ? fail(403, "forbidden", decision.reasons.front())
                               : fail(404, "not_found", "no such pupil", "pupil_id");
    reply.audit.push_back(
        decision_event(*actor, req, decision, "denied", "signal", "", facts->pupil_id));
    return reply;
  }
  store::SignalRecord s;
  s.pupil_id = facts->pupil_id;
  s.school_id = facts->school_id;
  s.author_user_id = actor->user.id;
  s.author_membership_id = actor->membership.id;
  s.author_organisation_id = actor->membership.organisation_id;
  s.author_role = actor->membership.role;
  s.categories = std::move(*categories);
  s.urgency = urgency;
  s.text = std::move(*text);
  return Reply::writing([req, a = *actor, s, decision](store::WriteTx& w, Response& out) mutable {
    s.created_at = domain::now_millis();
    auto id = w.insert_signal(s);
    auto stored = w.signal(id);
    NameBook names(w);
    out = json_response(201, signal_json(*stored, names));
    out.set_header("ETag", "\"" + std::to_string(stored->version) + "\"");
    return audit::JobOutcome{
        true, {decision_event(a, req, decision, "create", "signal", id, s.pupil_id)}};
  });
}

Reply list_signals(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto actor = authenticate(ctx, req, *tx);
  if (!actor) return fail(actor.error());
  std::string status = req.query_value("status");
  std::string pupil_id = req.query_value("pupil_id");
  if (status.empty()) status = "open";
  if (status != "open" && status != "advice" && status != "case" && status != "all")
    return fail(400, "validation_failed", "status must be open, advice, case or all", "status");
  std::vector<store::SignalRecord> rows;
  if (!pupil_id.empty()) {
    rows = tx->signals_of_pupil(pupil_id);
  } else {
    if (status != "open")
      return fail(400, "validation_failed", "without pupil_id only status=open can be listed",
                  "status");
    rows = tx->open_signals(actor->membership.organisation_id);
  }
  Reply reply;
  NameBook names(*tx);
  std::vector<std::string> pupil_ids;
  for (const auto& s : rows) pupil_ids.push_back(s.pupil_id);
  names.read_pupils(pupil_ids);
  json::array items;
  std::optional<domain::Decision> first_refusal;
  for (const auto& s : rows) {
    if (status != "all" && s.status != status) continue;
    auto decision = domain::decide_signal_action(actor->viewer, s.school_id, s.author_user_id,
                                                 domain::SignalAction::read);
    if (!decision.allowed) {
      if (!first_refusal) first_refusal = decision;
      continue;
    }
    reply.audit.push_back(
        decision_event(*actor, req, decision, "list", "signal", s.id, s.pupil_id));
    items.push_back(signal_json(s, names));
  }
  if (items.empty() && !pupil_id.empty())
    reply.audit.push_back(empty_listing_event(*tx, *actor, req, "signal", pupil_id,
                                              first_refusal ? &*first_refusal : nullptr));
  *reply.response = json_response(200, json::object{{"signals", std::move(items)}});
  return reply;
}

Reply get_signal(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto actor = authenticate(ctx, req, *tx);
  if (!actor) return fail(actor.error());
  auto s = tx->signal(req.params["id"]);
  if (!s) return signal_not_found();
  auto decision = domain::decide_signal_action(actor->viewer, s->school_id, s->author_user_id,
                                               domain::SignalAction::read);
  Reply reply;
  reply.audit.push_back(decision_event(*actor, req, decision, decision.allowed ? "read" : "denied",
                                       "signal", s->id, s->pupil_id));
  if (!decision.allowed) {
    *reply.response = http::error_response(404, "not_found", "no such signal");
    return reply;
  }
  NameBook names(*tx);
  *reply.response = json_response(200, signal_json(*s, names));
  reply.response->set_header("ETag", "\"" + std::to_string(s->version) + "\"");
  return reply;
}

struct TriageRequest {
  std::string decision;  // advice | case
  std::string advice;
  std::string case_id;
  int level = kTriageDefaultLevel;
  std::int64_t version = 0;
};

Result<TriageRequest> read_triage(const Request& req, const store::SignalRecord& s) {
  auto body = parse_json_object(req);
  if (!body) return body.error();
  JsonReader in(*body);
  in.allow_only({"decision", "advice", "case_id", "level", "version"});
  TriageRequest t;
  t.decision = in.text("decision", true);
  if (!in.ok()) return in.error();
  if (t.decision != "advice" && t.decision != "case")
    return Error{"validation_failed", "decision must be advice or case", "decision"};
  bool advice = t.decision == "advice";
  auto text = read_text(in, "advice", advice, kMaxText);
  if (!text) return text.error();
  t.advice = std::move(*text);
  if (!advice && !t.advice.empty())
    return Error{"validation_failed", "advice goes with decision advice", "advice"};
  t.case_id = in.text("case_id", false);
  if (!in.ok()) return in.error();
  if (advice && !t.case_id.empty())
    return Error{"validation_failed", "case_id goes with decision case", "case_id"};
  if (in.has("level") && !(*body).at("level").is_null()) {
    if (advice || !t.case_id.empty())
      return Error{"validation_failed",
                   "level goes only with a new case (decision case, no case_id)", "level"};
    auto level = in.integer("level", true);
    if (!in.ok()) return in.error();
    if (level < 1 || level > 5) return Error{"validation_failed", "level must be 1 to 5", "level"};
    t.level = static_cast<int>(level);
  }
  std::optional<std::int64_t> body_version;
  if (in.has("version") && !(*body).at("version").is_null())
    body_version = in.integer("version", true);
  if (!in.ok()) return in.error();
  t.version = expected_version(req, body_version).value_or(s.version);
  return t;
}

http::Response already_triaged() {
  return http::error_response(409, "already_triaged", "this signal has already been triaged",
                              "status");
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

Reply triage_signal(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto actor = authenticate(ctx, req, *tx);
  if (!actor) return fail(actor.error());
  auto s = tx->signal(req.params["id"]);
  if (!s) return signal_not_found();
  auto read = domain::decide_signal_action(actor->viewer, s->school_id, s->author_user_id,
                                           domain::SignalAction::read);
  auto decision = domain::decide_signal_action(actor->viewer, s->school_id, s->author_user_id,
                                               domain::SignalAction::triage);
  if (!decision.allowed) {
    Reply reply =
        read.allowed ? fail(403, "forbidden", decision.reasons.front()) : signal_not_found();
    reply.audit.push_back(
        decision_event(*actor, req, decision, "denied", "signal", s->id, s->pupil_id));
    return reply;
  }
  auto t = read_triage(req, *s);
  if (!t) return fail(t.error());
  if (s->status != "open") return Reply::of(already_triaged());

  // The case decision: attaching to a named case is managing it; a new case is opening one.
  domain::Decision case_decision;
  if (!t->case_id.empty()) {
    auto c = tx->case_record(t->case_id);
    auto facts = tx->case_facts(t->case_id);
    if (!c || !facts || c->pupil_id != s->pupil_id)
      return fail(400, "validation_failed", "case_id is not a case of this signal's pupil",
                  "case_id");
    if (c->status != "open") return Reply::of(case_closed_response());
    case_decision = domain::decide_case_action(actor->viewer, *facts, domain::CaseAction::manage);
  } else {
    domain::CaseFacts facts;
    facts.pupil_id = s->pupil_id;
    facts.school_id = s->school_id;
    case_decision = domain::decide_case_action(actor->viewer, facts, domain::CaseAction::open);
  }
  if (t->decision == "case" && !case_decision.allowed) {
    Reply reply = fail(403, "forbidden", case_decision.reasons.front());
    reply.audit.push_back(
        decision_event(*actor, req, case_decision, "denied", "case", t->case_id, s->pupil_id));
    return reply;
  }

  return Reply::writing([req, a = *actor, t = *t, decision, case_decision](store::WriteTx& w,
                                                                           Response& out) mutable {
    auto s = w.signal(req.params.at("id"));
    if (!s || s->status != "open") {
      out = already_triaged();
      return audit::JobOutcome{false, {}};
    }
    if (s->version != t.version) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    auto now = domain::now_millis();
    std::vector<audit::Event> events;
    store::SignalTriage triage{t.decision, a.user.id, a.membership.id, now, t.advice, ""};
    if (t.decision == "advice") {
      if (!w.triage_signal(s->id, triage, t.version)) {
        out = version_conflict();
        return audit::JobOutcome{false, {}};
      }
      out = json_response(200, json::object{{"status", "advice"}, {"case_id", nullptr}});
      events.push_back(decision_event(a, req, decision, "triage", "signal", s->id, s->pupil_id));
      return audit::JobOutcome{true, std::move(events)};
    }
    std::string case_id = t.case_id;
    if (case_id.empty())
      for (const auto& c : w.cases_of_pupil(s->pupil_id))
        if (c.status == "open") case_id = c.id;
    bool opened = false;
    if (case_id.empty()) {
      store::CaseRecord c;
      c.pupil_id = s->pupil_id;
      c.school_id = s->school_id;
      c.lead_membership_id = a.membership.id;
      c.categories = s->categories;
      c.level = t.level;
      c.opened_by_user_id = a.user.id;
      c.opened_at = now;
      case_id = w.insert_case(c, "opened on triage of signal " + s->id);
      opened = true;
    } else if (auto c = w.case_record(case_id); !c || c->status != "open") {
      out = case_closed_response();
      return audit::JobOutcome{false, {}};
    }
    auto facts = w.case_facts(case_id);
    if (!opened && t.case_id.empty()) {
      // Attached to the pupil's open case found here: that is managing it.
      case_decision = domain::decide_case_action(a.viewer, *facts, domain::CaseAction::manage);
      if (!case_decision.allowed) {
        out = http::error_response(403, "forbidden", case_decision.reasons.front());
        return audit::JobOutcome{
            false, {decision_event(a, req, case_decision, "denied", "case", case_id, s->pupil_id)}};
      }
    }
    triage.case_id = case_id;
    if (!w.triage_signal(s->id, triage, t.version)) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    w.append_entry(signal_entry(*s, *facts));
    w.append_entry(chronology_entry(a, *facts, "triage", domain::Audience::school,
                                    s->categories.front(), domain::triage_text(s->id, opened),
                                    now));
    out = json_response(200,
                        json::object{{"status", "case"}, {"case_id", case_id}, {"opened", opened}});
    events.push_back(decision_event(a, req, decision, "triage", "signal", s->id, s->pupil_id));
    events.push_back(decision_event(a, req, case_decision, opened ? "create" : "update", "case",
                                    case_id, s->pupil_id));
    return audit::JobOutcome{true, std::move(events)};
  });
}

}  // namespace

void register_signal_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/signals", [&ctx](Request& r) { return list_signals(ctx, r); });
  router.add("POST", "/api/signals", [&ctx](Request& r) { return record_signal(ctx, r); });
  router.add("GET", "/api/signals/{id}", [&ctx](Request& r) { return get_signal(ctx, r); });
  router.add("POST", "/api/signals/{id}/triage",
             [&ctx](Request& r) { return triage_signal(ctx, r); });
}

}  // namespace samen::api
