// POST /api/pupils/import?school_id=…[&dry_run=true], body text/csv: all or nothing. With
// any error nothing is written and the answer lists every error (up to 100).
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/handler_support.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/text.hpp"
#include "importer/pupil_import.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

json::object summary_json(const importer::ImportPlan& plan, bool dry_run, bool committed) {
  json::array ignored;
  for (const auto& c : plan.ignored_columns) ignored.push_back(json::value(c));
  return {{"created", plan.creates.size()}, {"updated", plan.updates.size()},
          {"unchanged", plan.unchanged},    {"dry_run", dry_run},
          {"committed", committed},         {"ignored_columns", std::move(ignored)}};
}

Response errors_response(const importer::ImportPlan& plan) {
  json::array details;
  for (const auto& e : plan.errors)
    details.push_back(json::object{{"line", e.line}, {"column", e.column}, {"message", e.message}});
  std::string message = std::to_string(plan.errors.size()) + (plan.truncated_errors ? "+" : "") +
                        " problem(s) in the file; nothing was imported";
  json::object error{{"code", "invalid_csv"},
                     {"message", message},
                     {"details", std::move(details)},
                     {"truncated", plan.truncated_errors}};
  return json_response(400, json::object{{"error", std::move(error)}});
}

Reply import_pupils(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto actor = authenticate(ctx, req, *tx);
  if (!actor) return fail(actor.error());
  auto type = domain::to_lower_ascii(req.header("content-type"));
  if (type.rfind("text/csv", 0) != 0)
    return fail(415, "unsupported_media_type", "send the file as text/csv");
  std::string school_id = req.query_value("school_id");
  if (school_id.empty()) school_id = actor->membership.organisation_id;
  std::string dry = req.query_value("dry_run");
  bool dry_run = dry == "true" || dry == "1";
  auto decision = domain::decide_pupil_import(actor->viewer, school_id);
  if (!decision.allowed) {
    Reply reply = fail(403, "forbidden", decision.reasons.front());
    reply.audit.push_back(
        decision_event(*actor, req, decision, "denied", "pupil_import", school_id));
    return reply;
  }
  auto parsed = domain::parse_pupil_csv(req.body, school_id);
  if (dry_run || !parsed.errors.empty()) {
    auto plan = importer::plan_import(*tx, parsed, school_id);
    if (!plan.errors.empty()) return Reply::of(errors_response(plan));
    return Reply::of(json_response(200, summary_json(plan, true, false)));
  }
  tx.reset();
  return Reply::writing([req, a = *actor, school_id, parsed = std::move(parsed), decision](
                            store::WriteTx& w, Response& out) {
    // Planned again inside the write transaction: what it compares against cannot change.
    auto plan = importer::plan_import(w, parsed, school_id);
    if (!plan.errors.empty()) {
      out = errors_response(plan);
      return audit::JobOutcome{false, {}};
    }
    auto changes = importer::apply_import(w, plan);
    std::vector<audit::Event> events;
    events.reserve(changes.size() + 1);
    events.push_back(decision_event(a, req, decision, "import", "pupil_import", school_id));
    for (const auto& c : changes)
      events.push_back(decision_event(a, req, decision, c.created ? "create" : "update", "pupil",
                                      c.pupil_id, c.pupil_id));
    out = json_response(200, summary_json(plan, false, true));
    return audit::JobOutcome{true, std::move(events)};
  });
}

}  // namespace

void register_import_routes(http::Router& router, AppContext& ctx) {
  router.add("POST", "/api/pupils/import", [&ctx](Request& r) { return import_pupils(ctx, r); });
}

}  // namespace samen::api
