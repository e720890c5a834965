// Handover when a membership ends (issue 14: "if I leave tomorrow, someone else can take my
// place"). GET /api/memberships/{id}/handover says what the membership holds (counts: the
// administrator is not at those tables); POST hands it all to a successor and ends the
// membership in one write: the open cases it leads, its seats at open cases' tables, its
// open actions, its series (chair and standing seats). Each case gets a `team_change`
// entry, the successor is told as for any seat or action, every moved case is audited with
// its pupil. Ending a membership that holds anything without a successor is refused (409
// handover_needed, memberships_api.cpp), so nothing is left without an owner. The
// successor gets access only through the usual rules: a seat at the table.
#include <boost/json.hpp>

#include "api/admin_support.hpp"
#include "api/case_support.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/notify.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/policy_accounts.hpp"
#include "domain/record_text.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

json::object holdings_json(const store::MembershipHoldings& h) {
  auto count = [](const std::vector<std::string>& v) {
    return static_cast<std::int64_t>(v.size());
  };
  return json::object{{"cases_led", count(h.cases_led)},
                      {"open_actions", count(h.actions)},
                      {"seats", count(h.seats)},
                      {"series_chaired", count(h.series_chaired)},
                      {"series_member", count(h.series_member)},
                      {"needs_successor", !h.empty()}};
}

// The membership to hand over, for an administrator of its region (the 404 of a missing
// one for anyone else, as for the other membership routes).
struct Ending {
  std::optional<store::Membership> membership;
  std::optional<Reply> denied;
};

Ending ending_membership(store::ReadTx& tx, const Actor& actor, const Request& req) {
  Ending out;
  out.membership = tx.membership(req.params.at("id"));
  const auto& m = out.membership;
  if (auto denied =
          administration_refusal(actor, req, m ? m->region_id : actor.membership.region_id,
                                 {"membership", req.params.at("id"), ""}))
    out.denied = std::move(*denied);
  else if (!m)
    out.denied = fail("not_found", "no such membership");
  return out;
}

Reply show_holdings(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto ending = ending_membership(tx, actor, req);
  if (ending.denied) return std::move(*ending.denied);
  auto out = holdings_json(tx.holdings_of_membership(ending.membership->id));
  out["membership_id"] = ending.membership->id;
  return Reply::of(json_response(200, out));
}

// Moves one case's lead or seat from `from` to `to`, with its chronology entry.
void move_on_case(store::WriteTx& w, const Actor& a, const std::string& case_id,
                  const store::Membership& from, const store::Membership& to, bool lead,
                  domain::Millis now) {
  auto c = w.case_record(case_id);
  auto facts = w.case_facts(case_id);
  if (!c || !facts) return;
  std::string from_person = person_in_record(w, from), to_person = person_in_record(w, to);
  if (lead) {
    c->lead_membership_id = to.id;
    w.update_case(*c, c->version);
  } else {
    w.remove_team_member(case_id, from.id, a.user.id, now);
    bool seated = c->lead_membership_id == to.id;
    for (const auto& seat : c->team)
      seated = seated || (!seat.removed_at && seat.membership_id == to.id);
    if (!seated) {
      store::TeamMember m;
      m.case_id = case_id;
      m.membership_id = to.id;
      m.reason = "Overgenomen van " + from_person;
      m.added_by_user_id = a.user.id;
      m.added_at = now;
      w.add_team_member(m);
    }
  }
  // In the successor's name: the table reads it as it read the leaving one's work (an
  // administrator's entry would cross organisations for everyone at it); the audit log
  // names the administrator who did it, and the text says it was the administration.
  auto entry = chronology_entry(
      a, *facts, "team_change", domain::Audience::case_team, c->categories.front(),
      domain::handover_text(from_person, to_person, lead ? "de regie" : "de plaats aan tafel"),
      now);
  entry.facts.author_user_id = to.user_id;
  entry.facts.author_membership_id = to.id;
  entry.facts.author_organisation_id = to.organisation_id;
  entry.facts.author_role = to.role;
  w.append_entry(entry);
}

Reply hand_over(AppContext& ctx, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto ending = ending_membership(tx, actor, req);
  if (ending.denied) return std::move(*ending.denied);
  const auto& from = *ending.membership;
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"successor_membership_id"});
  std::string successor_id = in.text("successor_membership_id", true);
  if (!in.ok()) return fail(in.error());
  if (successor_id == from.id)
    return fail("validation_failed", "the successor is another membership",
                "successor_membership_id");
  if (auto ok = check_case_membership(tx, successor_id, actor, "successor_membership_id"); !ok)
    return fail(ok.error());
  auto to = *tx.membership(successor_id);
  auto decision = domain::decide_handover(actor.viewer, from.user_id, to.user_id, from.region_id);
  if (!decision.allowed)
    return administration_refused(actor, req, decision, {"membership", from.id, ""});
  if (!from.active) return fail("membership_ended", "this membership has ended already");
  return Reply::writing(
      [req, a = actor, from, to, decision, told = &ctx.settings](store::WriteTx& w, Response& out) {
        auto now = domain::now_millis();
        auto held = w.holdings_of_membership(from.id);
        std::vector<audit::Event> events;
        auto moved = [&](const std::string& case_id) {
          auto c = w.case_record(case_id);
          events.push_back(
              decision_event(a, req, decision, "hand_over", "case", case_id, c ? c->pupil_id : ""));
          notify_user(w, *told, to.user_id, domain::NotificationKind::team_added,
                      "/dossiers/" + case_id, now, a.user.id);
        };
        for (const auto& case_id : held.cases_led) {
          move_on_case(w, a, case_id, from, to, true, now);
          moved(case_id);
        }
        for (const auto& case_id : held.seats) {
          move_on_case(w, a, case_id, from, to, false, now);
          moved(case_id);
        }
        for (const auto& action_id : held.actions) {
          auto act = w.action(action_id);
          if (!act) continue;
          act->owner_membership_id = to.id;
          w.update_action(*act, act->version);
          tell_action_owner(w, *told, *act, a.user.id);
        }
        w.hand_over_series(from.id, to.id);
        w.set_membership_active(from.id, false);
        events.push_back(decision_event(a, req, decision, "deactivate", "membership", from.id));
        json::object answer{{"membership", membership_json(*w.membership(from.id))},
                            {"successor_membership_id", to.id},
                            {"moved", holdings_json(held)}};
        answer["moved"].as_object().erase("needs_successor");
        out = json_response(200, answer);
        return audit::JobOutcome{true, std::move(events)};
      });
}

}  // namespace

void register_handover_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/memberships/{id}/handover", authenticated(ctx, show_holdings));
  router.add("POST", "/api/memberships/{id}/handover", authenticated(ctx, hand_over));
}

}  // namespace samen::api
