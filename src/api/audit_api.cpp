// The audit log for the privacy officer: search by pupil, actor, period, denied only; and
// the chain's verification status. Reading the log is itself audited.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/name_book.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "audit/verifier.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
namespace json = boost::json;

Reply search_audit(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto decision = domain::decide_audit_log_read(actor.viewer);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"audit_log", "", ""}, Refusal::forbidden());
  store::AuditQuery q;
  q.region_id = actor.membership.region_id;
  q.pupil_id = req.query_value("pupil_id");
  q.actor_user_id = req.query_value("actor_user_id");
  for (auto [name, target] : {std::pair{"from", &q.from}, std::pair{"until", &q.until}}) {
    std::string v = req.query_value(name);
    if (v.empty()) continue;
    auto instant = domain::parse_instant(v);
    if (!instant)
      return fail("validation_failed", std::string(name) + " must be an ISO 8601 date or instant",
                  name);
    *target = domain::format_instant(*instant);
  }
  auto denied_only = query_boolean(req, "denied_only");
  if (!denied_only) return fail(denied_only.error());
  q.denied_only = *denied_only;
  auto before = query_integer(req, "before_seq", 0, 1, kMaxSeq);
  if (!before) return fail(before.error());
  q.before_seq = *before;
  auto limit = query_integer(req, "limit", q.limit, 1, 500);
  if (!limit) return fail(limit.error());
  q.limit = static_cast<int>(*limit);
  auto rows = tx.audit_search(q);
  // The actor's name beside the id: the officer reads who did it, not "user 14".
  NameBook names(tx);
  Reply reply;
  // Streamed: a page of the log is up to 500 rows of 16 fields.
  http::JsonWriter w(reply.response->body);
  w.begin_object().key("entries").begin_array();
  for (const auto& row : rows)
    write_audit_row(w, row,
                    row.actor_user_id.empty() ? std::string() : names.user(row.actor_user_id));
  w.end_array().key("next_before_seq");
  // A full page may have a next one; a short page is the last.
  if (static_cast<int>(rows.size()) == q.limit)
    w.value(rows.back().seq);
  else
    w.null();
  w.end_object();
  reply.audit.push_back(
      decision_event(actor, req, decision, "read", "audit_log", q.pupil_id, q.pupil_id));
  return reply;
}

json::value seq_range(bool found, std::int64_t from, std::int64_t to) {
  if (!found) return nullptr;
  return json::object{{"from_seq", from}, {"to_seq", to}};
}

json::object checkpoints_json(const audit::CheckpointReport& r) {
  json::object out{
      {"status", !r.configured ? "not_configured"
                 : r.ok()      ? "ok"
                               : "tampered"},
      {"checked", r.checked},
      {"unsigned_entries", r.unsigned_entries},
      {"bad_signatures", r.bad_signatures},
      {"missing_tail", seq_range(r.missing_tail, r.missing_from_seq, r.missing_to_seq)},
      {"rechained", seq_range(r.rechained, r.rechained_from_seq, r.rechained_to_seq)}};
  out["last_signed"] = r.last_signed ? json::value(json::object{{"seq", r.last_signed->seq},
                                                                {"at", r.last_signed->at},
                                                                {"key_id", r.last_signed->key_id}})
                                     : json::value(nullptr);
  json::array problems;
  for (const auto& p : r.problems) problems.push_back(json::value(p));
  out["problems"] = std::move(problems);
  return out;
}

Reply verification(AppContext& ctx, const Request& req, const Actor& actor,
                   const domain::Decision& decision);

Reply verify_audit(AppContext& ctx, Request& req, store::ReadTx&, const Actor& actor) {
  auto decision = domain::decide_audit_log_read(actor.viewer);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"audit_verify", "", ""}, Refusal::forbidden());
  // Walking the whole chain is slow: off the network threads, on reads of its own.
  Reply later;
  later.offload = [&ctx, req, actor, decision] { return verification(ctx, req, actor, decision); };
  return later;
}

Reply verification(AppContext& ctx, const Request& req, const Actor& actor,
                   const domain::Decision& decision) {
  auto full = audit::verify_with_checkpoints(ctx.store, ctx.settings.audit_public_keys);
  const auto& report = full.chain;
  json::object body{{"intact", report.intact},
                    {"entries", report.entries},
                    {"head", audit::format_head(report.head)}};
  if (!report.intact) {
    body["first_bad_seq"] = report.first_bad_seq;
    body["problem"] = report.problem;
  }
  body["checkpoints"] = checkpoints_json(full.checkpoints);
  Reply reply = Reply::of(json_response(200, body));
  reply.audit.push_back(decision_event(actor, req, decision, "read", "audit_verify", ""));
  return reply;
}

}  // namespace

void register_audit_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/audit", authenticated(ctx, search_audit));
  router.add("GET", "/api/audit/verify", authenticated(ctx, verify_audit));
}

}  // namespace samen::api
