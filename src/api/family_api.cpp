// The family's own view: the pupils a guardian or pupil login is linked to, and "who looked
// at my file" — from the audit log, which organisation and role read or changed the pupil's
// data, when, and on which legal basis; the person's name only when the server is started
// with --family-access-log-names. Who may see it is decide_access_log_read
// (domain/policy_family.hpp). The family's own reads are audited like any other.
#include <boost/json.hpp>
#include <map>

#include "api/auth.hpp"
#include "api/family_facts.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/record_view.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/policy_family.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
namespace json = boost::json;

Reply family_pupils(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto listing = domain::decide_family_pupils_listing(actor.viewer);
  if (!listing.allowed) return refuse(actor, req, listing, {"pupil", "", ""}, Refusal::forbidden());
  auto scope = domain::pupil_list_scope(actor.viewer);
  store::PupilQuery q;
  q.limit = 200;
  Reply reply;
  json::array items;
  for (auto& row : tx.pupils(scope, q)) {
    auto facts = domain::facts_of(row.pupil);
    if (scope.family_as_guardian) facts.guardian_user_ids = {actor.user.id};
    auto decision = domain::decide_pupil_access(actor.viewer, facts, domain::PupilAction::read);
    if (!decision.allowed) continue;
    decision = pupil_record_decision(tx, actor.viewer, row.pupil, decision);
    reply.audit.push_back(
        decision_event(actor, req, decision, "list", "pupil", row.pupil.id, row.pupil.id));
    auto item = pupil_json(row.pupil, decision.view, row.mentor_name, /*with_guardians=*/false);
    item["relation"] = scope.family_as_guardian ? "guardian" : "self";
    items.push_back(std::move(item));
  }
  *reply.response = json_response(200, json::object{{"pupils", std::move(items)}});
  return reply;
}

Reply access_log(AppContext& ctx, Request& req, store::ReadTx& tx, const Actor& actor) {
  const std::string pupil_id = req.params["id"];
  auto record = tx.pupil(pupil_id);
  if (!record) return fail("not_found", "no such pupil");
  auto facts = pupil_case_facts(record->pupil);
  auto now = domain::now_millis();
  auto decision = domain::decide_access_log_read(actor.viewer, facts,
                                                 tx.consent_grants_of_pupil(pupil_id), now);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"access_log", pupil_id, pupil_id},
                  Refusal::as_missing("no such pupil"));
  Reply reply;
  reply.audit.push_back(
      decision_event(actor, req, decision, "read", "access_log", pupil_id, pupil_id));
  auto school = tx.organisation(record->pupil.school_id);
  store::AuditQuery q;
  q.region_id = school ? school->region_id : actor.membership.region_id;
  q.pupil_id = pupil_id;
  q.limit = 100;
  auto before = query_integer(req, "before_seq", 0, 1, kMaxSeq);
  if (!before) return fail(before.error());
  q.before_seq = *before;
  auto limit = query_integer(req, "limit", q.limit, 1, 500);
  if (!limit) return fail(limit.error());
  q.limit = static_cast<int>(*limit);
  std::map<std::string, std::string> org_names;
  auto org_name = [&](const std::string& id) -> std::string {
    auto it = org_names.find(id);
    if (it != org_names.end()) return it->second;
    auto org = id.empty() ? std::nullopt : tx.organisation(id);
    return org_names[id] = org ? org->name : "";
  };
  json::array entries;
  std::int64_t last = 0;
  auto rows = tx.audit_search(q);
  for (const auto& row : rows) {
    last = row.seq;
    // Who looked: allowed accesses by others. Denied attempts saw nothing; the viewer's own
    // reads are theirs.
    if (row.decision != "allow" || row.actor_user_id == actor.user.id) continue;
    json::object e{{"at", row.at},
                   {"organisation", org_name(row.actor_organisation_id)},
                   {"role", row.actor_role},
                   {"action", row.action},
                   {"resource_type", row.resource_type},
                   {"legal_basis", row.legal_basis}};
    if (ctx.settings.family_access_log_names) {
      auto user = row.actor_user_id.empty() ? std::nullopt : tx.user(row.actor_user_id);
      e["name"] = user ? user->name : "";
    }
    entries.push_back(std::move(e));
  }
  bool full_page = static_cast<int>(rows.size()) == q.limit;
  json::object body{{"pupil_id", pupil_id}, {"entries", std::move(entries)}};
  body["next_before_seq"] = full_page ? json::value(last) : json::value(nullptr);
  *reply.response = json_response(200, body);
  return reply;
}

}  // namespace

void register_family_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/family/pupils", authenticated(ctx, family_pupils));
  router.add("GET", "/api/family/pupils/{id}/access-log", authenticated(ctx, access_log));
}

}  // namespace samen::api
