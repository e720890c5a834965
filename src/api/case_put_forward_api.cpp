// Putting a case forward for the next case consultation, with a question (issue 14): POST
// /api/cases/{id}/put-forward by anyone at the case's table, DELETE to withdraw it (by
// whoever put it forward, the lead or the care coordinator). One open per case; it is
// settled when the minutes of a meeting that had the case on its agenda are closed.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/case_support.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/put_forward_support.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/policy_cases.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

constexpr std::size_t kMaxQuestion = 1000;

// The case as the viewer sees it now, with the next consultation, if any; the audit events
// of the change, the agenda's among them when it changed.
json::object answer_json(store::WriteTx& w, const Actor& a, const std::string& case_id,
                         const AgendaTouch& touched) {
  json::object out{{"case", case_detail_json(w, *w.case_record(case_id), a.viewer)}};
  out["meeting_id"] =
      touched.meeting_id.empty() ? json::value(nullptr) : json::value(touched.meeting_id);
  return out;
}

audit::JobOutcome audited(const Actor& a, const Request& req, const domain::Decision& decision,
                          const char* action, const store::CaseRecord& c,
                          const AgendaTouch& touched) {
  std::vector<audit::Event> events{
      decision_event(a, req, decision, action, "case", c.id, c.pupil_id)};
  if (touched.changed)
    events.push_back(
        decision_event(a, req, decision, "update_agenda", "meeting", touched.meeting_id));
  return audit::JobOutcome{true, std::move(events)};
}

Reply put_forward(AppContext& ctx, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto change =
      begin_case_change(tx, actor, req, req.params["id"], domain::CaseAction::put_forward);
  if (change.denied) return std::move(*change.denied);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"question"});
  auto question = read_text(in, "question", true, kMaxQuestion);
  if (!question) return fail(question.error());
  store::PutForwardRecord p;
  p.case_id = change.record.id;
  p.school_id = change.record.school_id;
  p.membership_id = actor.membership.id;
  p.user_id = actor.user.id;
  p.question = *question;
  return Reply::writing([req, a = actor, p, record = change.record, decision = change.decision,
                         told = &ctx.settings](store::WriteTx& w, Response& out) mutable {
    if (open_put_forward(w, p.case_id)) {
      out = http::error_response(
          "already_exists",
          "this case is put forward already; withdraw that to ask another question", "question");
      return audit::JobOutcome{false, {}};
    }
    p.created_at = domain::now_millis();
    p.id = w.insert_put_forward(p);
    auto touched = put_on_next_consultation(w, *told, record, a, p.created_at);
    out = json_response(201, answer_json(w, a, p.case_id, touched));
    return audited(a, req, decision, "put_forward", record, touched);
  });
}

Reply withdraw(AppContext& ctx, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto entered = enter_case(tx, actor, req, req.params["id"]);
  if (entered.denied) return std::move(*entered.denied);
  auto open = open_put_forward(tx, entered.facts.case_id);
  if (!open) return fail("not_found", "this case is not put forward");
  auto decision =
      domain::decide_put_forward_withdrawal(actor.viewer, entered.facts, open->membership_id);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"case", entered.facts.case_id, entered.facts.pupil_id},
                  Refusal::forbidden());
  return Reply::writing([req, a = actor, p = *open, decision, told = &ctx.settings](
                            store::WriteTx& w, Response& out) mutable {
    p.settled_at = domain::now_millis();
    p.settled_how = "withdrawn";
    p.settled_by_user_id = a.user.id;
    if (!w.settle_put_forward(p)) {
      out = http::error_response("not_found", "this case is not put forward");
      return audit::JobOutcome{false, {}};
    }
    auto record = w.case_record(p.case_id);
    auto touched = take_off_next_consultation(w, *told, *record, a, *p.settled_at);
    out = json_response(200, answer_json(w, a, p.case_id, touched));
    return audited(a, req, decision, "withdraw_put_forward", *record, touched);
  });
}

}  // namespace

void register_case_put_forward_routes(http::Router& router, AppContext& ctx) {
  router.add("POST", "/api/cases/{id}/put-forward", authenticated(ctx, put_forward));
  router.add("DELETE", "/api/cases/{id}/put-forward", authenticated(ctx, withdraw));
}

}  // namespace samen::api
