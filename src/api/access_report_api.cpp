// New access in the region, for the privacy officer: every membership and user created,
// activated or deactivated, for whom, in which organisation and role, granted by whom and
// when (domain.md, "Nobody grants themself access"). Read from the audit log, so the report
// shows exactly what was audited and cannot drift from it. Only the privacy officer reads
// it (decide_membership_report_read); reading it, or being refused, is audited.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/name_book.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/policy_accounts.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
namespace json = boost::json;

constexpr int kDefaultPage = 50;
constexpr int kMaxPage = 200;

json::value person(NameBook& names, const std::string& user_id) {
  if (user_id.empty()) return nullptr;
  return json::object{{"id", user_id}, {"name", names.user(user_id)}};
}

// One audited change as the report shows it: the subject (a membership, or a user whose
// every membership it switches), and who made the change in which capacity.
json::object change_json(store::ReadTx& tx, NameBook& names, const store::AuditRow& row) {
  json::object out{
      {"seq", row.seq}, {"at", row.at}, {"change", row.action}, {"subject", row.resource_type}};
  json::value user = nullptr, organisation = nullptr, role = nullptr, membership_id = nullptr;
  if (row.resource_type == "membership") {
    if (auto m = tx.membership(row.resource_id)) {
      membership_id = m->id;
      user = person(names, m->user_id);
      organisation = json::object{{"id", m->organisation_id}, {"name", m->organisation_name}};
      role = domain::to_string(m->role);
    }
  } else {
    user = person(names, row.resource_id);
  }
  out["membership_id"] = std::move(membership_id);
  out["user"] = std::move(user);
  out["organisation"] = std::move(organisation);
  out["role"] = std::move(role);
  json::object by{
      {"id", row.actor_user_id}, {"name", names.user(row.actor_user_id)}, {"role", row.actor_role}};
  by["organisation"] =
      row.actor_organisation_id.empty()
          ? json::value(nullptr)
          : json::value(json::object{{"id", row.actor_organisation_id},
                                     {"name", names.organisation(row.actor_organisation_id)}});
  out["granted_by"] = std::move(by);
  // A family login's membership comes from accepting an invitation: the person who gave the
  // access is the one who sent it.
  json::value invited_by = nullptr;
  if (row.reason == "family.invitation_accept" && !row.pupil_id.empty())
    for (const auto& inv : tx.invitations_of_pupil(row.pupil_id))
      if (inv.accepted_user_id == row.actor_user_id)
        invited_by = person(names, inv.created_by_user_id);
  out["invited_by"] = std::move(invited_by);
  return out;
}

Reply access_changes(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto decision = domain::decide_membership_report_read(actor.viewer);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"access_report", "", ""}, Refusal::forbidden());
  auto limit_param = query_integer(req, "limit", kDefaultPage, 1, kMaxPage);
  if (!limit_param) return fail(limit_param.error());
  int limit = static_cast<int>(*limit_param);
  auto before_param = query_integer(req, "before_seq", 0, 1, kMaxSeq);
  if (!before_param) return fail(before_param.error());
  std::int64_t before = *before_param;
  NameBook names(tx);
  json::array items;
  std::int64_t last = 0;
  auto rows = tx.membership_changes(actor.membership.region_id, before, limit);
  for (const auto& row : rows) {
    items.push_back(change_json(tx, names, row));
    last = row.seq;
  }
  json::object body{{"changes", std::move(items)}};
  body["next_before_seq"] =
      static_cast<int>(rows.size()) == limit ? json::value(last) : json::value(nullptr);
  Reply reply = Reply::of(json_response(200, body));
  reply.audit.push_back(decision_event(actor, req, decision, "read", "access_report", ""));
  return reply;
}

}  // namespace

void register_access_report_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/audit/access-changes", authenticated(ctx, access_changes));
}

}  // namespace samen::api
