// Signals: a mentor's or teacher's worry about a pupil (its triage: signal_triage_api.cpp).
// Who may record and read is decided by domain::policy_cases; every access, allowed or
// denied, is audited before the response leaves. A signal the viewer may not read answers
// 404.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/case_support.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/listing_probe.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/policy_cases.hpp"
#include "domain/record_text.hpp"
#include "domain/vocabulary.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

constexpr std::size_t kMaxText = 10000;

Reply signal_not_found() { return fail("not_found", "no such signal"); }

Reply record_signal(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
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
  if (!domain::is_one_of(domain::signal_urgencies(), urgency))
    return fail("validation_failed",
                "urgency must be " + domain::words_of(domain::signal_urgencies()), "urgency");
  auto text = read_text(in, "text", true, kMaxText);
  if (!text) return fail(text.error());

  auto facts = tx.pupil_facts(pupil_id);
  if (!facts) return fail("not_found", "no such pupil", "pupil_id");
  auto decision = domain::decide_signal_action(actor.viewer, facts->school_id, "",
                                               domain::SignalAction::record);
  if (!decision.allowed) {
    auto read = domain::decide_pupil_access(actor.viewer, *facts, domain::PupilAction::read);
    return refuse(actor, req, decision, {"signal", "", facts->pupil_id}, read.allowed,
                  "no such pupil", "pupil_id");
  }
  store::SignalRecord s;
  s.pupil_id = facts->pupil_id;
  s.school_id = facts->school_id;
  s.author_user_id = actor.user.id;
  s.author_membership_id = actor.membership.id;
  s.author_organisation_id = actor.membership.organisation_id;
  s.author_role = actor.membership.role;
  s.categories = std::move(*categories);
  s.urgency = urgency;
  s.text = std::move(*text);
  return Reply::writing([req, a = actor, s, decision](store::WriteTx& w, Response& out) mutable {
    s.created_at = domain::now_millis();
    auto id = w.insert_signal(s);
    auto stored = w.signal(id);
    NameBook names(w);
    out = json_response(201, signal_json(*stored, names, a.viewer));
    out.set_header("ETag", "\"" + std::to_string(stored->version) + "\"");
    return audit::JobOutcome{
        true, {decision_event(a, req, decision, "create", "signal", id, s.pupil_id)}};
  });
}

Reply list_signals(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  std::string status = req.query_value("status");
  std::string pupil_id = req.query_value("pupil_id");
  if (status.empty()) status = "open";
  if (status != "open" && status != "advice" && status != "case" && status != "all")
    return fail("validation_failed", "status must be open, advice, case or all", "status");
  std::vector<store::SignalRecord> rows;
  if (!pupil_id.empty()) {
    rows = tx.signals_of_pupil(pupil_id);
  } else {
    if (status != "open")
      return fail("validation_failed", "without pupil_id only status=open can be listed", "status");
    rows = tx.open_signals(actor.membership.organisation_id);
  }
  Reply reply;
  NameBook names(tx);
  std::vector<std::string> pupil_ids;
  for (const auto& s : rows) pupil_ids.push_back(s.pupil_id);
  names.read_pupils(pupil_ids);
  json::array items;
  std::optional<domain::Decision> first_refusal;
  for (const auto& s : rows) {
    if (status != "all" && s.status != status) continue;
    auto decision = domain::decide_signal_action(actor.viewer, s.school_id, s.author_user_id,
                                                 domain::SignalAction::read);
    if (!decision.allowed) {
      if (!first_refusal) first_refusal = decision;
      continue;
    }
    reply.audit.push_back(decision_event(actor, req, decision, "list", "signal", s.id, s.pupil_id));
    items.push_back(signal_json(s, names, actor.viewer));
  }
  if (items.empty() && !pupil_id.empty())
    reply.audit.push_back(empty_listing_event(tx, actor, req, "signal", pupil_id,
                                              first_refusal ? &*first_refusal : nullptr));
  *reply.response = json_response(200, json::object{{"signals", std::move(items)}});
  return reply;
}

Reply get_signal(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto s = tx.signal(req.params["id"]);
  if (!s) return signal_not_found();
  auto decision = domain::decide_signal_action(actor.viewer, s->school_id, s->author_user_id,
                                               domain::SignalAction::read);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"signal", s->id, s->pupil_id},
                  Refusal::as_missing("no such signal"));
  Reply reply;
  reply.audit.push_back(decision_event(actor, req, decision, "read", "signal", s->id, s->pupil_id));
  NameBook names(tx);
  *reply.response = json_response(200, signal_json(*s, names, actor.viewer));
  reply.response->set_header("ETag", "\"" + std::to_string(s->version) + "\"");
  return reply;
}

}  // namespace

void register_signal_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/signals", authenticated(ctx, list_signals));
  router.add("POST", "/api/signals", authenticated(ctx, record_signal));
  router.add("GET", "/api/signals/{id}", authenticated(ctx, get_signal));
}

}  // namespace samen::api
