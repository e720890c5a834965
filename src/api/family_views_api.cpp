// The family's own view on a case: the pupil or a guardian adds, in their own words, a
// chronology entry of kind `family_view` — for the case team (audience case_team) and
// marked for the family, so they read back what they wrote. Who may write is
// decide_family_view (domain/policy_family.hpp): exactly who rule 3 lets read the family's
// entries of that category. Like every entry it is never edited: a correction is a new view
// naming the earlier one in `corrects`, and a family member corrects only their own words.
// A case the viewer may not enter answers 404; every decision, allow or deny, is audited.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/case_support.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/policy_entries.hpp"
#include "domain/policy_family.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

constexpr const char* kFamilyViewKind = "family_view";
constexpr std::size_t kMaxViewText = 20000;

struct ViewFields {
  domain::EntryCategory category = domain::EntryCategory::wellbeing;
  std::string text;
  std::string corrects;
};

// `category` is optional: a family need not sort its words into the professionals'
// categories, so the view then takes the case's first category, as team and level entries do.
Result<ViewFields> read_view(const json::object& body, store::ReadTx& tx,
                             const std::string& case_id) {
  JsonReader in(body);
  in.allow_only({"category", "text", "corrects"});
  ViewFields v;
  std::string category = in.text("category", false);
  auto text = read_text(in, "text", true, kMaxViewText);
  v.corrects = in.text("corrects", false);
  if (!in.ok()) return in.error();
  if (!text) return text.error();
  v.text = *text;
  if (category.empty()) {
    auto record = tx.case_record(case_id);
    if (record && !record->categories.empty()) v.category = record->categories.front();
  } else if (auto parsed = domain::parse_entry_category(category)) {
    v.category = *parsed;
  } else {
    return Error{"validation_failed", "unknown category '" + category + "'", "category"};
  }
  return v;
}

Reply create_family_view(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  const std::string& case_id = req.params["id"];
  auto entered = enter_case(tx, actor, req, case_id);
  if (entered.denied) return std::move(*entered.denied);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  auto view = read_view(*body, tx, case_id);
  if (!view) return fail(view.error());
  auto now = domain::now_millis();
  auto decision =
      domain::decide_family_view(actor.viewer, entered.facts, view->category, entered.grants, now);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"entry", "", entered.facts.pupil_id},
                  Refusal::forbidden({}, decision.reasons.back()));
  if (!view->corrects.empty()) {
    // A family member corrects their own words, not a professional's entry nor another
    // family member's view: disagreeing with those is a view of one's own.
    auto earlier = tx.entry(view->corrects);
    if (!earlier || earlier->facts.case_id != case_id || earlier->kind != kFamilyViewKind ||
        !domain::is_author(actor.viewer, earlier->facts))
      return fail("validation_failed", "corrects must name a view you wrote on this case",
                  "corrects");
  }
  auto record = chronology_entry(actor, entered.facts, kFamilyViewKind, domain::Audience::case_team,
                                 view->category, view->text, now);
  record.facts.family_visible = true;
  record.corrects_entry_id = view->corrects;
  return Reply::writing([req, a = actor, record, decision](store::WriteTx& w, Response& out) {
    auto id = w.append_entry(record);
    out = json_response(201, json::object{{"id", id}});
    return audit::JobOutcome{
        true, {decision_event(a, req, decision, "create", "entry", id, record.facts.pupil_id)}};
  });
}

}  // namespace

void register_family_view_routes(http::Router& router, AppContext& ctx) {
  router.add("POST", "/api/family/cases/{id}/views", authenticated(ctx, create_family_view));
}

}  // namespace samen::api
