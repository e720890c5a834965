// The case plan: goals and actions (owner, due date, done). Managing the plan is decided
// by domain::decide_case_action (lead or care coordinator); an action's owner may mark it
// done (domain::decide_action_done). A goal or action of a case the viewer may not enter
// does not exist for them (404, audited). Every change is audited.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/case_support.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/notify.hpp"
#include "api/record_view.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/policy_cases.hpp"
#include "domain/policy_entries.hpp"
#include "domain/policy_may.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

constexpr std::size_t kMaxText = 2000;

// The plan is part of the pupil's record: without a legal basis for the pupil a seat at
// the table neither reads nor writes it (domain/policy_record.hpp). The case exists for
// them, so the refusal is a 403, audited.
std::optional<Reply> refuse_plan_without_basis(store::ReadTx& tx, const Actor& actor,
                                               const Request& req, const domain::CaseFacts& c,
                                               const std::string& resource_type,
                                               const std::string& resource_id) {
  auto grants = tx.consent_grants_of_pupil(c.pupil_id);
  auto way_in = domain::decide_case_access(actor.viewer, c, grants, domain::now_millis());
  auto record = case_record_decision(tx, actor.viewer, c, grants, way_in);
  if (record.view == domain::PupilView::full) return std::nullopt;
  record.allowed = false;
  record.reason = "no_legal_basis";
  return refuse(actor, req, record, {resource_type, resource_id, c.pupil_id},
                Refusal::forbidden(
                    {}, "without a legal basis for the pupil the case plan is not shown to you"));
}

std::optional<std::int64_t> body_version(JsonReader& in) {
  if (!in.has("version")) return std::nullopt;
  auto v = in.integer("version", false, -1);
  return v >= 0 ? std::optional<std::int64_t>(v) : std::nullopt;
}

Reply add_goal(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto change = begin_case_change(tx, actor, req, req.params["id"]);
  if (change.denied) return std::move(*change.denied);
  if (auto refused =
          refuse_plan_without_basis(tx, actor, req, change.facts, "goal", change.facts.case_id))
    return std::move(*refused);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"text"});
  auto text = read_text(in, "text", true, kMaxText);
  if (!text) return fail(text.error());
  store::GoalRecord g;
  g.case_id = change.facts.case_id;
  g.text = *text;
  g.created_by_user_id = actor.user.id;
  return Reply::writing([req, a = actor, g, facts = change.facts, decision = change.decision](
                            store::WriteTx& w, Response& out) mutable {
    g.created_at = domain::now_millis();
    auto id = w.insert_goal(g);
    auto stored = w.goal(id);
    out = json_response(201, goal_json(*stored, domain::decide_goal_may(a.viewer, facts, true)));
    out.set_header("ETag", "\"" + std::to_string(stored->version) + "\"");
    return audit::JobOutcome{
        true, {decision_event(a, req, decision, "create", "goal", id, facts.pupil_id)}};
  });
}

Reply update_goal(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto goal = tx.goal(req.params["id"]);
  if (!goal) return fail("not_found", "no such goal");
  auto change = begin_case_change(tx, actor, req, goal->case_id);
  if (change.denied) {
    if (change.denied->response->status == 404)
      *change.denied->response = http::error_response("not_found", "no such goal");
    return std::move(*change.denied);
  }
  if (auto refused = refuse_plan_without_basis(tx, actor, req, change.facts, "goal", goal->id))
    return std::move(*refused);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"text", "achieved", "version"});
  auto text = read_text(in, "text", true, kMaxText);
  if (!text) return fail(text.error());
  bool achieved = in.boolean("achieved", true);
  auto v = body_version(in);
  if (!in.ok()) return fail(in.error());
  auto version = expected_version(req, v);
  if (!version) return Reply::of(precondition_required());
  store::GoalRecord g = *goal;
  g.text = *text;
  if (!achieved) g.achieved_at.reset();
  return Reply::writing([req, a = actor, g, achieved, version = *version, facts = change.facts,
                         decision = change.decision](store::WriteTx& w, Response& out) mutable {
    if (achieved && !g.achieved_at) g.achieved_at = domain::now_millis();
    if (!w.update_goal(g, version)) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    auto stored = w.goal(g.id);
    out = json_response(200, goal_json(*stored, domain::decide_goal_may(a.viewer, facts, true)));
    out.set_header("ETag", "\"" + std::to_string(stored->version) + "\"");
    return audit::JobOutcome{
        true, {decision_event(a, req, decision, "update", "goal", g.id, facts.pupil_id)}};
  });
}

Reply add_action(AppContext& ctx, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto change = begin_case_change(tx, actor, req, req.params["id"]);
  if (change.denied) return std::move(*change.denied);
  if (auto refused =
          refuse_plan_without_basis(tx, actor, req, change.facts, "action", change.facts.case_id))
    return std::move(*refused);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"text", "owner_membership_id", "due_date"});
  auto text = read_text(in, "text", true, kMaxText);
  if (!text) return fail(text.error());
  std::string owner = in.text("owner_membership_id", true);
  if (!in.ok()) return fail(in.error());
  auto due = read_optional_date(in, "due_date");
  if (!due) return fail(due.error());
  if (auto ok = check_case_membership(tx, owner, actor, "owner_membership_id"); !ok)
    return fail(ok.error());
  store::ActionRecord act;
  act.case_id = change.facts.case_id;
  act.text = *text;
  act.owner_membership_id = owner;
  act.due_date = *due;
  act.created_by_user_id = actor.user.id;
  return Reply::writing([req, a = actor, act, facts = change.facts, decision = change.decision,
                         told = &ctx.settings](store::WriteTx& w, Response& out) mutable {
    act.created_at = domain::now_millis();
    auto id = w.insert_action(act);
    tell_action_owner(w, *told, act, a.user.id);
    auto stored = w.action(id);
    out = json_response(
        201, action_json(*stored, domain::decide_action_may(a.viewer, facts, true,
                                                            stored->owner_membership_id)));
    out.set_header("ETag", "\"" + std::to_string(stored->version) + "\"");
    return audit::JobOutcome{
        true, {decision_event(a, req, decision, "create", "action", id, facts.pupil_id)}};
  });
}

// PUT /api/actions/{id}: {text, owner_membership_id, due_date, done, version}. Changing
// text, owner or due date is managing the case; only `done` changing is also open to the
// action's owner.
Reply update_action(AppContext& ctx, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto action = tx.action(req.params["id"]);
  if (!action) return fail("not_found", "no such action");
  auto entered = enter_case(tx, actor, req, action->case_id);
  if (entered.denied) {
    if (entered.denied->response->status == 404)
      *entered.denied->response = http::error_response("not_found", "no such action");
    return std::move(*entered.denied);
  }
  if (auto refused = refuse_plan_without_basis(tx, actor, req, entered.facts, "action", action->id))
    return std::move(*refused);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"text", "owner_membership_id", "due_date", "done", "version"});
  auto text = read_text(in, "text", true, kMaxText);
  if (!text) return fail(text.error());
  std::string owner = in.text("owner_membership_id", true);
  if (!in.ok()) return fail(in.error());
  auto due = read_optional_date(in, "due_date");
  if (!due) return fail(due.error());
  bool done = in.boolean("done", true);
  auto v = body_version(in);
  if (!in.ok()) return fail(in.error());
  auto version = expected_version(req, v);
  if (!version) return Reply::of(precondition_required());
  bool only_done =
      *text == action->text && owner == action->owner_membership_id && *due == action->due_date;
  auto decision = domain::decide_action_update(actor.viewer, entered.facts,
                                               action->owner_membership_id, only_done);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"action", action->id, entered.facts.pupil_id},
                  Refusal::forbidden());
  if (tx.case_record(action->case_id)->status != "open") return Reply::of(case_closed_response());
  if (!only_done)
    if (auto ok = check_case_membership(tx, owner, actor, "owner_membership_id"); !ok)
      return fail(ok.error());
  store::ActionRecord act = *action;
  act.text = *text;
  act.owner_membership_id = owner;
  act.due_date = *due;
  if (!done) act.done_at.reset();
  bool new_owner = owner != action->owner_membership_id;
  return Reply::writing([req, a = actor, act, done, version = *version, new_owner,
                         pupil_id = entered.facts.pupil_id, facts = entered.facts, decision,
                         told = &ctx.settings](store::WriteTx& w, Response& out) mutable {
    if (done && !act.done_at) act.done_at = domain::now_millis();
    if (!w.update_action(act, version)) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    if (new_owner) tell_action_owner(w, *told, act, a.user.id);
    auto stored = w.action(act.id);
    out = json_response(
        200, action_json(*stored, domain::decide_action_may(a.viewer, facts, true,
                                                            stored->owner_membership_id)));
    out.set_header("ETag", "\"" + std::to_string(stored->version) + "\"");
    return audit::JobOutcome{
        true, {decision_event(a, req, decision, "update", "action", act.id, pupil_id)}};
  });
}

}  // namespace

void register_case_plan_routes(http::Router& router, AppContext& ctx) {
  router.add("POST", "/api/cases/{id}/goals", authenticated(ctx, add_goal));
  router.add("PUT", "/api/goals/{id}", authenticated(ctx, update_goal));
  router.add("POST", "/api/cases/{id}/actions", authenticated(ctx, add_action));
  router.add("PUT", "/api/actions/{id}", authenticated(ctx, update_action));
}

}  // namespace samen::api
