// A user's memberships, given and switched on or off by an administrator of the region,
// never on their own user (decide_membership_change); every change and refusal audited, and
// listed for the privacy officer (access_report_api.cpp).
#include <boost/json.hpp>

#include "api/admin_support.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/views.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;

Reply add_membership(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  // The membership is made in the admin's own region (read_membership checks the
  // organisation's); the user it is for lies in the regions of their memberships.
  if (auto denied =
          administration_refusal(actor, req, actor.membership.region_id, {"membership", "", ""}))
    return std::move(*denied);
  // Whose membership it would be decides before what it would be: the refusal of a
  // self-grant does not depend on the body.
  auto target = access_change(tx, actor, req, req.params["id"], domain::MembershipChange::create,
                              "user", req.params["id"]);
  if (target.refusal) return std::move(*target.refusal);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"organisation_id", "role"});
  auto nm = read_membership(in, tx, actor);
  if (!nm) return fail(nm.error());
  return Reply::writing([req, actor, user_id = target.user->id, m = *nm,
                         decision = target.decision](store::WriteTx& w, Response& out) {
    for (const auto& existing : w.memberships_of(user_id))
      if (existing.organisation_id == m.organisation_id && existing.role == m.role) {
        out = http::error_response("already_exists", "the user already has this membership");
        return audit::JobOutcome{false, {}};
      }
    auto id = w.insert_membership(
        store::Membership{"", user_id, m.organisation_id, m.role, true, "", ""});
    out = json_response(201, membership_json(*w.membership(id)));
    return audit::JobOutcome{true,
                             {decision_event(actor, req, decision, "create", "membership", id)}};
  });
}

// Switches a membership on or off; DELETE is the same as {"active": false}. One that holds
// work (api/handover_api.cpp) is ended by its handover instead. A membership is
// one flag without other fields, so the request states the end state and needs no version:
// two admins who both deactivate it agree, and the audit log keeps the order.
Reply set_membership_active(AppContext&, Request& req, std::optional<bool> wanted,
                            store::ReadTx& tx, const Actor& actor) {
  // Decided on the membership's own region (a missing one lies in none: 404 for an admin).
  auto m = tx.membership(req.params["id"]);
  if (auto denied =
          administration_refusal(actor, req, m ? m->region_id : actor.membership.region_id,
                                 {"membership", req.params["id"], ""}))
    return std::move(*denied);
  if (!m) return fail("not_found", "no such membership");
  bool active = wanted.value_or(false);
  if (!wanted) {
    auto body = parse_json_object(req);
    if (!body) return fail(body.error());
    JsonReader in(*body);
    in.allow_only({"active"});
    active = in.boolean("active", true);
    if (!in.ok()) return fail(in.error());
  }
  auto change = active ? domain::MembershipChange::activate : domain::MembershipChange::deactivate;
  auto decision = domain::decide_membership_change(actor.viewer, m->user_id, m->region_id, change);
  if (!decision.allowed)
    return administration_refused(actor, req, decision, {"membership", m->id, ""});
  return Reply::writing([req, actor, id = m->id, active, decision, deleting = wanted.has_value()](
                            store::WriteTx& w, Response& out) {
    // Nothing is left without an owner: work that is held goes to a successor first.
    if (!active && !w.holdings_of_membership(id).empty()) {
      out = http::error_response(
          "handover_needed",
          "this membership leads cases, sits at tables, owns actions or serves in meeting "
          "series; hand them to a successor (POST /api/memberships/{id}/handover), which ends "
          "it");
      return audit::JobOutcome{false, {}};
    }
    w.set_membership_active(id, active);
    if (deleting) {
      out.status = 204;
    } else {
      out = json_response(200, membership_json(*w.membership(id)));
    }
    return audit::JobOutcome{
        true,
        {decision_event(actor, req, decision, active ? "activate" : "deactivate", "membership",
                        id)}};
  });
}

}  // namespace

void register_membership_routes(http::Router& router, AppContext& ctx) {
  router.add("POST", "/api/users/{id}/memberships", authenticated(ctx, add_membership));
  router.add("PATCH", "/api/memberships/{id}",
             authenticated(ctx, [](AppContext& c, Request& r, store::ReadTx& tx, const Actor& a) {
               return set_membership_active(c, r, std::nullopt, tx, a);
             }));
  router.add("DELETE", "/api/memberships/{id}",
             authenticated(ctx, [](AppContext& c, Request& r, store::ReadTx& tx, const Actor& a) {
               return set_membership_active(c, r, false, tx, a);
             }));
}

}  // namespace samen::api
