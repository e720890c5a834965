// The case team: who sits at the table, each with a reason, and finding the memberships to
// seat. Managing the team is decided by domain::decide_case_action (lead or care
// coordinator); listing an organisation's memberships by domain::decide_membership_listing.
// Every team change leaves a `team_change` entry in the chronology and an audit event.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/case_support.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/notify.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/policy_cases.hpp"
#include "domain/policy_workspace.hpp"
#include "domain/record_text.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

constexpr std::size_t kMaxReason = 2000;

// "Tom Gezinswerker (family_worker, Buurtteam Lindeveld-Oost)"
Reply add_member(AppContext& ctx, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto change = begin_case_change(tx, actor, req, req.params["id"]);
  if (change.denied) return std::move(*change.denied);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"membership_id", "reason"});
  std::string membership_id = in.text("membership_id", true);
  if (!in.ok()) return fail(in.error());
  auto reason = read_text(in, "reason", true, kMaxReason);
  if (!reason) return fail(reason.error());
  if (auto ok = check_case_membership(tx, membership_id, actor, "membership_id"); !ok)
    return fail(ok.error());
  auto who = person_in_record(tx, *tx.membership(membership_id));
  store::TeamMember m;
  m.case_id = change.facts.case_id;
  m.membership_id = membership_id;
  m.reason = *reason;
  m.added_by_user_id = actor.user.id;
  return Reply::writing([req, a = actor, m, who, facts = change.facts, decision = change.decision,
                         category = change.record.categories.front(),
                         told = &ctx.settings](store::WriteTx& w, Response& out) mutable {
    m.added_at = domain::now_millis();
    if (!w.add_team_member(m)) {
      out = http::error_response(
          "already_exists", "this membership already sits at the case's table", "membership_id");
      return audit::JobOutcome{false, {}};
    }
    w.append_entry(chronology_entry(a, facts, "team_change", domain::Audience::case_team, category,
                                    domain::joined_table_text(who, m.reason), m.added_at));
    if (auto seat = w.membership(m.membership_id))
      notify_user(w, *told, seat->user_id, domain::NotificationKind::team_added,
                  "/dossiers/" + facts.case_id, m.added_at, a.user.id);
    auto c = w.case_record(facts.case_id);
    out = json_response(201, case_detail_json(w, *c, a.viewer));
    return audit::JobOutcome{true,
                             {decision_event(a, req, decision, "add_team_member", "case",
                                             facts.case_id, facts.pupil_id)}};
  });
}

Reply remove_member(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto change = begin_case_change(tx, actor, req, req.params["id"]);
  if (change.denied) return std::move(*change.denied);
  std::string membership_id = req.params["membership_id"];
  auto membership = tx.membership(membership_id);
  std::string who =
      membership ? person_in_record(tx, *membership) : "lidmaatschap " + membership_id;
  return Reply::writing(
      [req, a = actor, membership_id, who, facts = change.facts, decision = change.decision,
       category = change.record.categories.front()](store::WriteTx& w, Response& out) {
        auto now = domain::now_millis();
        if (!w.remove_team_member(facts.case_id, membership_id, a.user.id, now)) {
          out = http::error_response("not_found", "this membership has no seat at the table",
                                     "membership_id");
          return audit::JobOutcome{false, {}};
        }
        w.append_entry(chronology_entry(a, facts, "team_change", domain::Audience::case_team,
                                        category, domain::left_table_text(who), now));
        out.status = 204;
        return audit::JobOutcome{true,
                                 {decision_event(a, req, decision, "remove_team_member", "case",
                                                 facts.case_id, facts.pupil_id)}};
      });
}

Reply list_memberships(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto org = tx.organisation(req.params["id"]);
  if (!org) return fail("not_found", "no such organisation");
  bool leads = false;
  for (const auto& c : tx.cases_of_memberships({actor.membership.id}))
    if (c.status == "open" && c.lead_membership_id == actor.membership.id) leads = true;
  // The policy decides the region too: an organisation of another region does not exist
  // for the viewer (404), and either refusal is audited.
  auto decision = domain::decide_membership_listing(actor.viewer, org->region_id, leads);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"membership", org->id, ""},
                  decision.reason == "other_region" ? Refusal::as_missing("no such organisation")
                                                    : Refusal::forbidden());
  bool admin =
      domain::membership_listing_view(decision) == domain::MembershipListingView::administration;
  json::array out;
  for (const auto& u : tx.users_in_region(org->region_id)) {
    if (!admin && !u.active) continue;
    for (const auto& m : tx.memberships_of(u.id)) {
      if (m.organisation_id != org->id || (!admin && !m.active)) continue;
      auto item = membership_json(m);
      item["user_id"] = u.id;
      item["name"] = u.name;
      // Whether the API takes it for a seat, a lead or an action's owner, so the UI offers
      // only those (check_case_membership).
      item["works_on_cases"] = m.active && domain::works_on_cases(m.role);
      if (admin) item["email"] = u.email;
      out.push_back(std::move(item));
    }
  }
  return Reply::of(json_response(200, json::object{{"memberships", std::move(out)}}));
}

}  // namespace

void register_case_team_routes(http::Router& router, AppContext& ctx) {
  router.add("POST", "/api/cases/{id}/team", authenticated(ctx, add_member));
  router.add("DELETE", "/api/cases/{id}/team/{membership_id}", authenticated(ctx, remove_member));
  router.add("GET", "/api/organisations/{id}/memberships", authenticated(ctx, list_memberships));
}

}  // namespace samen::api
