// The audit log for the privacy officer: search by pupil, actor, period, denied only; and
// the chain's verification status. Reading the log is itself audited.
#include <boost/json.hpp>

#include "api/auth.hpp"
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

Reply search_audit(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto actor = authenticate(ctx, req, *tx);
  if (!actor) return fail(actor.error());
  auto decision = domain::decide_audit_log_read(actor->viewer);
  if (!decision.allowed) {
    Reply reply = fail(403, "forbidden", decision.reasons.front());
    reply.audit.push_back(decision_event(*actor, req, decision, "denied", "audit_log", ""));
    return reply;
  }
  store::AuditQuery q;
  q.region_id = actor->membership.region_id;
  q.pupil_id = req.query_value("pupil_id");
  q.actor_user_id = req.query_value("actor_user_id");
  for (auto [name, target] : {std::pair{"from", &q.from}, std::pair{"until", &q.until}}) {
    std::string v = req.query_value(name);
    if (v.empty()) continue;
    auto instant = domain::parse_instant(v);
    if (!instant)
      return fail(400, "validation_failed",
                  std::string(name) + " must be an ISO 8601 date or instant", name);
    *target = domain::format_instant(*instant);
  }
  q.denied_only = req.query_value("denied_only") == "true";
  std::string before = req.query_value("before_seq");
  if (!before.empty()) {
    try {
      q.before_seq = std::stoll(before);
    } catch (...) {
      return fail(400, "validation_failed", "before_seq must be a number", "before_seq");
    }
  }
  std::string limit = req.query_value("limit");
  if (!limit.empty()) {
    try {
      q.limit = std::stoi(limit);
    } catch (...) {
      q.limit = -1;
    }
    if (q.limit < 1 || q.limit > 500)
      return fail(400, "validation_failed", "limit must be 1 to 500", "limit");
  }
  json::array entries;
  std::int64_t last = 0;
  // The actor's name beside the id: the officer reads who did it, not "user 14".
  NameBook names(*tx);
  for (const auto& row : tx->audit_search(q)) {
    auto entry = audit_row_json(row);
    entry["actor_name"] = row.actor_user_id.empty() ? json::value(nullptr)
                                                    : json::value(names.user(row.actor_user_id));
    entries.push_back(std::move(entry));
    last = row.seq;
  }
  bool full_page = static_cast<int>(entries.size()) == q.limit;
  json::object body{{"entries", std::move(entries)}};
  body["next_before_seq"] = full_page ? json::value(last) : json::value(nullptr);
  Reply reply = Reply::of(json_response(200, body));
  reply.audit.push_back(
      decision_event(*actor, req, decision, "read", "audit_log", q.pupil_id, q.pupil_id));
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

Reply verify_audit(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto actor = authenticate(ctx, req, *tx);
  if (!actor) return fail(actor.error());
  auto decision = domain::decide_audit_log_read(actor->viewer);
  if (!decision.allowed) {
    Reply reply = fail(403, "forbidden", decision.reasons.front());
    reply.audit.push_back(decision_event(*actor, req, decision, "denied", "audit_verify", ""));
    return reply;
  }
  tx.reset();
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
  reply.audit.push_back(decision_event(*actor, req, decision, "read", "audit_verify", ""));
  return reply;
}

}  // namespace

void register_audit_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/audit", [&ctx](Request& r) { return search_audit(ctx, r); });
  router.add("GET", "/api/audit/verify", [&ctx](Request& r) { return verify_audit(ctx, r); });
}

}  // namespace samen::api
