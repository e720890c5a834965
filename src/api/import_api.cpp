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

json::object summary_json(const importer::ImportSummary& s, bool dry_run, bool committed) {
  json::array ignored;
  for (const auto& c : s.ignored_columns) ignored.push_back(json::value(c));
  return {{"created", s.created},     {"updated", s.updated},
          {"unchanged", s.unchanged}, {"dry_run", dry_run},
          {"committed", committed},   {"ignored_columns", std::move(ignored)}};
}

Response errors_response(const domain::CsvErrors& errors) {
  json::array details;
  for (const auto& e : errors.list)
    details.push_back(json::object{{"line", e.line}, {"column", e.column}, {"message", e.message}});
  std::string message = std::to_string(errors.list.size()) + (errors.truncated ? "+" : "") +
                        " problem(s) in the file; nothing was imported";
  json::object error{{"code", "invalid_csv"},
                     {"message", message},
                     {"details", std::move(details)},
                     {"truncated", errors.truncated}};
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
  // The same streaming import as `samen import pupils`, over the body already in memory
  // (at most 20 MiB); the body moves into the write job rather than being copied.
  auto body = std::make_shared<const std::string>(std::move(req.body));
  auto checked =
      importer::check_pupil_import(*tx, school_id, importer::bytes_in_memory(*body), dry_run);
  if (!checked.errors.empty()) return Reply::of(errors_response(checked.errors));
  if (dry_run) return Reply::of(json_response(200, summary_json(checked, true, false)));
  tx.reset();
  return Reply::writing_streamed([req, a = *actor, school_id, body, decision](
                                     store::WriteTx& w, const audit::Emit& emit, Response& out) {
    emit(decision_event(a, req, decision, "import", "pupil_import", school_id));
    auto summary = importer::write_pupil_import(
        w, school_id, importer::bytes_in_memory(*body), [&](const importer::AppliedChange& c) {
          emit(decision_event(a, req, decision, c.created ? "create" : "update", "pupil",
                              c.pupil_id, c.pupil_id));
        });
    if (!summary.errors.empty()) {
      out = errors_response(summary.errors);
      return audit::JobOutcome{false, {}};
    }
    out = json_response(200, summary_json(summary, false, true));
    return audit::JobOutcome{true, {}};
  });
}

}  // namespace

void register_import_routes(http::Router& router, AppContext& ctx) {
  router.add("POST", "/api/pupils/import", [&ctx](Request& r) { return import_pupils(ctx, r); });
}

}  // namespace samen::api
