// The chronology of a case: writing entries (never editing them: a correction is a new
// entry pointing to the one it corrects), listing and reading them as the policy allows,
// the audience preview before saving, and "why can I see this?". Every entry shown or
// refused leaves an audit entry with the rule and legal basis, before the response.
// A case or entry the viewer may not see answers 404, as if it did not exist.
#include <boost/json.hpp>
#include <charconv>

#include "api/auth.hpp"
#include "api/case_support.hpp"
#include "api/entry_views.hpp"
#include "api/explain.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/routes.hpp"
#include "api/safety_views.hpp"
#include "api/views.hpp"
#include "domain/entry_filter.hpp"
#include "domain/policy_cases.hpp"
#include "domain/policy_entries.hpp"
#include "domain/text.hpp"
#include "domain/vocabulary.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

constexpr std::size_t kMaxEntryText = 20000;

std::optional<CaseContext> load_case(store::ReadTx& tx, const std::string& case_id) {
  auto facts = tx.case_facts(case_id);
  if (!facts) return std::nullopt;
  return CaseContext{*facts, tx.consent_grants_of_pupil(facts->pupil_id),
                     tx.safety_decisions_of_case(case_id)};
}

// Entering the case (404 when it does not exist for the viewer, audited), with the grants
// and safety decisions every decision on its entries needs, each read once.
struct EnteredCase {
  CaseContext context;
  std::optional<Reply> denied;
};

EnteredCase enter(store::ReadTx& tx, const Actor& actor, const Request& req,
                  const std::string& case_id) {
  auto entered = enter_case(tx, actor, req, case_id);
  EnteredCase out{{entered.facts, std::move(entered.grants), {}}, std::move(entered.denied)};
  if (!out.denied) out.context.safety = tx.safety_decisions_of_case(case_id);
  return out;
}

// Someone at the case who may not write on it: 403, audited.
Reply refuse_writer(const Actor& actor, const Request& req, const CaseContext& c,
                    const domain::Decision& may) {
  return refuse(actor, req, may, {"entry", "", c.facts.pupil_id}, Refusal::forbidden());
}

struct DraftFields {
  std::string kind, text, corrects;
  domain::EntryCategory category = domain::EntryCategory::wellbeing;
  domain::Audience audience = domain::Audience::case_team;
  bool family_visible = false;
};

// The body of a new entry (with kind, text, corrects) or of a preview (without them).
Result<DraftFields> read_draft(const json::object& body, bool full) {
  JsonReader in(body);
  if (full)
    in.allow_only({"kind", "category", "audience", "family_visible", "text", "corrects"});
  else
    in.allow_only({"category", "audience", "family_visible"});
  DraftFields d;
  std::string category = in.text("category", true);
  std::string audience = in.text("audience", true);
  d.family_visible = in.boolean("family_visible", false);
  if (full) {
    d.kind = in.text("kind", true);
    d.text = std::string(domain::trim(in.multiline_text("text", true)));
    d.corrects = in.text("corrects", false);
  }
  if (!in.ok()) return in.error();
  auto c = domain::parse_entry_category(category);
  if (!c) return Error{"validation_failed", "unknown category '" + category + "'", "category"};
  auto a = domain::parse_audience(audience);
  if (!a) return Error{"validation_failed", "unknown audience '" + audience + "'", "audience"};
  d.category = *c;
  d.audience = *a;
  if (d.audience == domain::Audience::private_ && d.family_visible)
    return Error{"validation_failed", "a private entry cannot be shown to the family",
                 "family_visible"};
  if (full) {
    if (!domain::is_one_of(domain::professional_entry_kinds(), d.kind))
      return Error{"validation_failed", "kind must be observation, conversation, note or decision",
                   "kind"};
    if (d.text.empty()) return Error{"validation_failed", "text is empty", "text"};
    if (d.text.size() > kMaxEntryText)
      return Error{"validation_failed", "text is longer than 20,000 characters", "text"};
  }
  return d;
}

domain::EntryFacts draft_facts(const Actor& a, const CaseContext& c, const DraftFields& d) {
  return domain::EntryFacts{"",
                            c.facts.case_id,
                            c.facts.pupil_id,
                            a.user.id,
                            a.membership.id,
                            a.membership.organisation_id,
                            a.membership.role,
                            d.audience,
                            d.category,
                            d.family_visible};
}

Reply create_entry(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  const std::string& case_id = req.params["id"];
  auto entered = enter(tx, actor, req, case_id);
  if (entered.denied) return std::move(*entered.denied);
  const CaseContext* c = &entered.context;
  auto now = domain::now_millis();
  auto may = domain::decide_case_action(actor.viewer, c->facts, domain::CaseAction::write_entry);
  if (!may.allowed) return refuse_writer(actor, req, *c, may);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  auto draft = read_draft(*body, true);
  if (!draft) return fail(draft.error());
  if (!draft->corrects.empty()) {
    auto corrected = tx.entry(draft->corrects);
    bool visible = corrected && corrected->facts.case_id == case_id &&
                   domain::decide_entry_access(actor.viewer, corrected->facts, c->facts, c->grants,
                                               c->safety, now)
                       .allowed;
    if (!visible)
      return fail("validation_failed", "corrects must name an entry of this case you can see",
                  "corrects");
  }
  store::EntryRecord record;
  record.facts = draft_facts(actor, *c, *draft);
  record.kind = draft->kind;
  record.text = draft->text;
  record.corrects_entry_id = draft->corrects;
  record.created_at = now;
  return Reply::writing([req, a = actor, record, may](store::WriteTx& w, Response& out) {
    auto id = w.append_entry(record);
    out = json_response(201, json::object{{"id", id}});
    return audit::JobOutcome{
        true, {decision_event(a, req, may, "create", "entry", id, record.facts.pupil_id)}};
  });
}

// The chronology's keyset cursor, "<created_at millis>.<entry id>": opaque to clients, who
// pass back the `next` of one page as `after` for the following one.
std::string entry_cursor(const store::EntryRecord& e) {
  return std::to_string(e.created_at) + "." + e.facts.entry_id;
}

bool read_entry_cursor(const std::string& text, store::EntryPageQuery& q) {
  auto dot = text.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == text.size()) return false;
  domain::Millis at = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + dot, at);
  if (ec != std::errc{} || ptr != text.data() + dot) return false;
  std::string id = text.substr(dot + 1);
  // An id as the store writes them: digits without a leading zero, at most 18.
  if (id.size() > 18 || id[0] == '0' || id.find_first_not_of("0123456789") != std::string::npos)
    return false;
  q.after_created_at = at;
  q.after_id = std::move(id);
  return true;
}

constexpr int kDefaultEntryPage = 100;
constexpr int kMaxEntryPage = 500;

Reply list_entries(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  const std::string& case_id = req.params["id"];
  auto entered = enter(tx, actor, req, case_id);
  if (entered.denied) return std::move(*entered.denied);
  const CaseContext* c = &entered.context;
  auto now = domain::now_millis();
  store::EntryPageQuery q;
  q.category = req.query_value("category");
  q.audience = req.query_value("audience");
  q.author_user_id = req.query_value("author");
  auto limit = query_integer(req, "limit", kDefaultEntryPage, 1, kMaxEntryPage);
  if (!q.category.empty() && !domain::parse_entry_category(q.category))
    return fail("validation_failed", "unknown category", "category");
  if (!q.audience.empty() && !domain::parse_audience(q.audience))
    return fail("validation_failed", "unknown audience", "audience");
  if (!limit) return fail(limit.error());
  q.limit = static_cast<int>(*limit);
  if (std::string after = req.query_value("after"); !after.empty() && !read_entry_cursor(after, q))
    return fail("validation_failed", "after must be the next of an earlier page", "after");
  // The store selects by the same rules (EntryFilter as SQL); the page is then decided in one
  // policy step, which still gives each row its single decision (rule and basis for the
  // audit and the answer; it would keep out a row the filter let through by mistake).
  auto filter = domain::entry_filter_for(actor.viewer, c->facts, c->grants, c->safety, now);
  auto page = tx.entries_page(filter, q);
  auto decided = decide_page(tx, actor.viewer, *c, page.entries, now);
  Reply reply;
  reply.audit = page_events(actor, req, decided, c->facts.pupil_id);
  // Streamed into the body: a page is the largest answer on the busiest path.
  http::JsonWriter w(reply.response->body);
  w.begin_object().key("entries").begin_array();
  EntryRenderer renderer(tx);
  for (const auto& shown : decided.shown)
    renderer.write(w, page.entries[shown.row], shown, decided.visible);
  w.end_array();
  if (page.more && !page.entries.empty()) w.field("next", entry_cursor(page.entries.back()));
  w.end_object();
  return reply;
}

Reply get_entry(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  const std::string& id = req.params["id"];
  auto e = tx.entry(id);
  if (!e) return fail("not_found", "no such entry");
  auto c = load_case(tx, e->facts.case_id);
  if (!c) return fail("not_found", "no such entry");
  auto now = domain::now_millis();
  auto decision =
      domain::decide_entry_access(actor.viewer, e->facts, c->facts, c->grants, c->safety, now);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"entry", id, e->facts.pupil_id},
                  Refusal::as_missing("no such entry"));
  // The same step as a page, for the links the viewer may follow and what they may do.
  auto decided = decide_page(tx, actor.viewer, *c, {*e}, now);
  Reply reply;
  reply.audit.push_back(
      decision_event(actor, req, decision, "read", "entry", id, e->facts.pupil_id));
  // The single decision above is the one audited and answered (the same rule as the page's).
  auto shown = decided.shown.front();
  shown.decision = decision;
  *reply.response = json_response(200, EntryRenderer(tx).render(*e, shown, decided.visible));
  return reply;
}

Reply explain_entry(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  const std::string& id = req.params["id"];
  std::string user = req.query_value("user");
  if (user.empty()) user = actor.user.id;
  domain::Millis at = domain::now_millis();
  if (std::string text = req.query_value("at"); !text.empty()) {
    auto parsed = domain::parse_instant(text);
    if (!parsed)
      return fail("validation_failed", "at must be an ISO 8601 instant, e.g. 2026-11-25T09:00:00Z",
                  "at");
    at = *parsed;
  }
  auto e = tx.entry(id);
  if (!e) return fail("not_found", "no such entry");
  auto c = load_case(tx, e->facts.case_id);
  if (!c) return fail("not_found", "no such entry");
  auto org = tx.organisation(c->facts.school_id);
  // Explain is no oracle: whoever may not ask about this entry gets the answer of an id that
  // does not exist, with nothing of the entry in it.
  bool sees = domain::decide_entry_access(actor.viewer, e->facts, c->facts, c->grants, c->safety,
                                          domain::now_millis())
                  .allowed;
  auto may = domain::decide_explain(actor.viewer, user, org ? org->region_id : "", sees);
  if (!may.allowed)
    return refuse(actor, req, may, {"entry_explain", id, e->facts.pupil_id},
                  Refusal::as_missing("no such entry"));
  auto explanation = explain_entry_access(tx, id, user, req.query_value("membership"), at);
  if (!explanation) return fail(explanation.error());
  auto body = decision_json(explanation->decision);
  if (explanation->decision.safety_decision_id)
    body["safety_decision"] = relied_on_safety_decision(
        tx, explanation->decision, tx.safety_decision_records_of_case(c->facts.case_id),
        actor.viewer, c->facts, domain::now_millis());
  body["user_id"] = user;
  body["membership_id"] = explanation->viewer.membership_id;
  body["role"] = std::string(domain::to_string(explanation->viewer.role));
  body["at"] = domain::format_instant(at);
  Reply reply;
  reply.audit.push_back(decision_event(actor, req, may, "explain", "entry", id, e->facts.pupil_id));
  *reply.response = json_response(200, body);
  return reply;
}

// The people around the case whose access a draft would change: lead and team, the family
// logins, and the author. (Whoever is not at the table never sees an entry; rule 4.)
std::vector<domain::Viewer> preview_candidates(store::ReadTx& tx, const Actor& a,
                                               const CaseContext& c) {
  std::vector<domain::Viewer> out{a.viewer};
  std::vector<std::string> memberships = c.facts.team_membership_ids;
  if (!c.facts.lead_membership_id.empty())
    memberships.insert(memberships.begin(), c.facts.lead_membership_id);
  for (const auto& id : memberships) {
    auto m = tx.membership(id);
    auto u = m ? tx.user(m->user_id) : std::nullopt;
    if (m && u && m->active) out.push_back(viewer_of(*u, *m));
  }
  std::vector<std::string> family;
  if (!c.facts.pupil_user_id.empty()) family.push_back(c.facts.pupil_user_id);
  for (const auto& g : c.facts.guardians)
    if (!g.user_id.empty()) family.push_back(g.user_id);
  for (const auto& user_id : family) {
    auto u = tx.user(user_id);
    if (!u) continue;
    for (const auto& m : tx.memberships_of(user_id))
      if (m.active && domain::is_family_role(m.role)) out.push_back(viewer_of(*u, m));
  }
  return out;
}

json::object preview_row_json(store::ReadTx& tx, const domain::AudiencePreviewRow& row) {
  auto body = decision_json(row.decision);
  body["user_id"] = row.viewer.user_id;
  body["membership_id"] = row.viewer.membership_id;
  body["role"] = std::string(domain::to_string(row.viewer.role));
  if (auto u = tx.user(row.viewer.user_id)) body["name"] = u->name;
  if (auto o = tx.organisation(row.viewer.organisation_id)) body["organisation"] = o->name;
  return body;
}

Reply preview_entry(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  const std::string& case_id = req.params["id"];
  auto entered = enter(tx, actor, req, case_id);
  if (entered.denied) return std::move(*entered.denied);
  const CaseContext* c = &entered.context;
  auto now = domain::now_millis();
  auto may = domain::decide_case_action(actor.viewer, c->facts, domain::CaseAction::write_entry);
  if (!may.allowed) return refuse_writer(actor, req, *c, may);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  auto draft = read_draft(*body, false);
  if (!draft) return fail(draft.error());
  auto preview =
      domain::preview_audience(draft_facts(actor, *c, *draft), c->facts,
                               preview_candidates(tx, actor, *c), c->grants, c->safety, now);
  json::array will, wont;
  std::vector<store::SafetyDecisionRecord> safety;
  if (!c->safety.empty()) safety = tx.safety_decision_records_of_case(c->facts.case_id);
  for (const auto& row : preview.will_see) {
    auto item = preview_row_json(tx, row);
    if (row.decision.safety_decision_id)
      item["safety_decision"] =
          relied_on_safety_decision(tx, row.decision, safety, actor.viewer, c->facts, now);
    will.push_back(std::move(item));
  }
  for (const auto& row : preview.will_not_see) wont.push_back(preview_row_json(tx, row));
  Reply reply;
  reply.audit.push_back(decision_event(actor, req, may, "preview", "entry", "", c->facts.pupil_id));
  *reply.response = json_response(
      200, json::object{{"will_see", std::move(will)}, {"will_not_see", std::move(wont)}});
  return reply;
}

}  // namespace

void register_entry_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/cases/{id}/entries", authenticated(ctx, list_entries));
  router.add("POST", "/api/cases/{id}/entries", authenticated(ctx, create_entry));
  router.add("POST", "/api/cases/{id}/entries/preview", authenticated(ctx, preview_entry));
  router.add("GET", "/api/entries/{id}", authenticated(ctx, get_entry));
  router.add("GET", "/api/entries/{id}/explain", authenticated(ctx, explain_entry));
}

}  // namespace samen::api
