// POST /api/pupils/import?school_id=…[&dry_run=true], body text/csv: all or nothing. With
// any error nothing is written and the answer lists every error (up to 100).
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/handler.hpp"
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

// Guardians added, ended and changed: counted in full, the first ones listed by line.
json::object guardians_json(const importer::ImportSummary& s) {
  json::array listed;
  for (const auto& row : s.guardian_changes)
    listed.push_back(json::object{{"line", row.line},
                                  {"pupil_number", row.pupil_number},
                                  {"change", domain::to_string(row.change.kind)},
                                  {"guardian_id", optional_id(row.change.guardian_id)},
                                  {"name", row.change.name}});
  std::size_t total = s.guardians_added + s.guardians_ended + s.guardians_changed;
  return {{"added", s.guardians_added},
          {"ended", s.guardians_ended},
          {"changed", s.guardians_changed},
          {"changes", std::move(listed)},
          {"changes_truncated", total > s.guardian_changes.size()}};
}

json::object summary_json(const importer::ImportSummary& s, bool dry_run, bool committed) {
  json::array ignored;
  for (const auto& c : s.ignored_columns) ignored.push_back(json::value(c));
  return {{"created", s.created},
          {"updated", s.updated},
          {"unchanged", s.unchanged},
          {"guardians", guardians_json(s)},
          {"dry_run", dry_run},
          {"committed", committed},
          {"ignored_columns", std::move(ignored)}};
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
  return json_response(http::status_for_code("invalid_csv"),
                       json::object{{"error", std::move(error)}});
}

Reply import_pupils(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto type = domain::to_lower_ascii(req.header("content-type"));
  if (type.rfind("text/csv", 0) != 0)
    return fail("unsupported_media_type", "send the file as text/csv");
  std::string school_id = req.query_value("school_id");
  if (school_id.empty()) school_id = actor.membership.organisation_id;
  auto dry = query_boolean(req, "dry_run");
  if (!dry) return fail(dry.error());
  bool dry_run = *dry;
  auto decision = domain::decide_pupil_import(actor.viewer, school_id);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"pupil_import", school_id, ""}, Refusal::forbidden());
  if (auto school = check_is_school(tx, school_id, "school_id"); !school)
    return fail(school.error());
  // The same streaming import as `samen import pupils`, over the body already in memory
  // (at most 20 MiB); the body moves into the write job rather than being copied.
  auto body = std::make_shared<const std::string>(std::move(req.body));
  auto checked =
      importer::check_pupil_import(tx, school_id, importer::bytes_in_memory(*body), dry_run);
  if (!checked.errors.empty()) return Reply::of(errors_response(checked.errors));
  if (dry_run) return Reply::of(json_response(200, summary_json(checked, true, false)));
  return Reply::writing_streamed([req, a = actor, school_id, body, decision](
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
  router.add("POST", "/api/pupils/import", authenticated(ctx, import_pupils));
}

}  // namespace samen::api
