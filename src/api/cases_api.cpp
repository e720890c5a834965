// Cases: open, list, read, change (lead, categories, review date), change the support
// level, close. Seeing a case is decided by domain::decide_case_access (a case the viewer
// may not enter does not exist for them: 404, and the denial is audited); acting on it by
// domain::decide_case_action. Every access is audited before the response leaves. Level
// changes and closing leave an entry in the case's chronology. Team: case_team_api.cpp;
// goals and actions: case_plan_api.cpp.
#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "api/auth.hpp"
#include "api/case_support.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/listing_probe.hpp"
#include "api/record_view.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/policy_cases.hpp"
#include "domain/policy_entries.hpp"
#include "domain/record_text.hpp"
#include "domain/vocabulary.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

constexpr std::size_t kMaxReason = 2000;

Result<int> read_level(JsonReader& in) {
  auto level = in.integer("level", true);
  if (!in.ok()) return in.error();
  if (level < domain::kLowestLevel || level > domain::kHighestLevel)
    return Error{"validation_failed", "level must be 1 to 5", in.field("level")};
  return static_cast<int>(level);
}

Response case_response(store::ReadTx& tx, const std::string& case_id, int status,
                       const domain::Viewer& viewer) {
  auto c = tx.case_record(case_id);
  auto out = json_response(status, case_detail_json(tx, *c, viewer));
  out.set_header("ETag", "\"" + std::to_string(c->version) + "\"");
  return out;
}

Reply open_case(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"pupil_id", "categories", "level", "lead_membership_id", "review_date"});
  std::string pupil_id = in.text("pupil_id", true);
  if (!in.ok()) return fail(in.error());
  auto categories = read_categories(in, "categories");
  if (!categories) return fail(categories.error());
  auto level = read_level(in);
  if (!level) return fail(level.error());
  std::string lead = in.text("lead_membership_id", false);
  if (!in.ok()) return fail(in.error());
  auto review = read_optional_date(in, "review_date");
  if (!review) return fail(review.error());

  auto pupil = tx.pupil_facts(pupil_id);
  if (!pupil) return fail("not_found", "no such pupil", "pupil_id");
  domain::CaseFacts facts;
  facts.pupil_id = pupil->pupil_id;
  facts.school_id = pupil->school_id;
  auto decision = domain::decide_case_action(actor.viewer, facts, domain::CaseAction::open);
  if (!decision.allowed) {
    auto read = domain::decide_pupil_access(actor.viewer, *pupil, domain::PupilAction::read);
    return refuse(actor, req, decision, {"case", "", pupil->pupil_id}, read.allowed,
                  "no such pupil", "pupil_id");
  }
  if (lead.empty()) lead = actor.membership.id;
  if (auto ok = check_case_membership(tx, lead, actor, "lead_membership_id"); !ok)
    return fail(ok.error());
  store::CaseRecord c;
  c.pupil_id = pupil->pupil_id;
  c.school_id = pupil->school_id;
  c.lead_membership_id = lead;
  c.categories = std::move(*categories);
  c.level = *level;
  c.review_date = *review;
  c.opened_by_user_id = actor.user.id;
  return Reply::writing([req, a = actor, c, decision](store::WriteTx& w, Response& out) mutable {
    for (const auto& existing : w.cases_of_pupil(c.pupil_id))
      if (existing.status == "open") {
        out = http::error_response("already_exists",
                                   "this pupil already has an open case (" + existing.id + ")",
                                   "pupil_id");
        return audit::JobOutcome{false, {}};
      }
    c.opened_at = domain::now_millis();
    auto id = w.insert_case(c, "case opened");
    out = case_response(w, id, 201, a.viewer);
    return audit::JobOutcome{true,
                             {decision_event(a, req, decision, "create", "case", id, c.pupil_id)}};
  });
}

// The cases a viewer might see, before the policy: of one pupil when asked; otherwise the
// cases they lead or sit at, the school's cases for its care coordinator, and the family's
// own pupils' cases for a family login.
std::vector<store::CaseRecord> case_candidates(store::ReadTx& tx, const Actor& actor,
                                               const std::string& pupil_id, bool open_only) {
  if (!pupil_id.empty()) return tx.cases_of_pupil(pupil_id);
  std::vector<store::CaseRecord> out = tx.cases_of_memberships({actor.membership.id});
  if (actor.membership.role == domain::Role::care_coordinator)
    for (auto& c : tx.cases_of_school(actor.membership.organisation_id, open_only))
      out.push_back(std::move(c));
  if (domain::is_family_role(actor.membership.role)) {
    store::PupilQuery q;
    q.limit = 50;
    for (const auto& row : tx.pupils(domain::pupil_list_scope(actor.viewer), q))
      for (auto& c : tx.cases_of_pupil(row.pupil.id)) out.push_back(std::move(c));
  }
  std::set<std::string> seen;
  std::vector<store::CaseRecord> unique;
  for (auto& c : out)
    if (seen.insert(c.id).second) unique.push_back(std::move(c));
  std::sort(unique.begin(), unique.end(), [](const auto& x, const auto& y) {
    return x.opened_at != y.opened_at ? x.opened_at > y.opened_at : x.id > y.id;
  });
  return unique;
}

Reply list_cases(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  std::string status = req.query_value("status");
  if (status.empty()) status = "all";
  if (status != "open" && status != "closed" && status != "all")
    return fail("validation_failed", "status must be open, closed or all", "status");
  auto now = domain::now_millis();
  std::vector<store::CaseRecord> cases;
  const std::string pupil_id = req.query_value("pupil_id");
  for (auto& c : case_candidates(tx, actor, pupil_id, status == "open"))
    if (status == "all" || c.status == status) cases.push_back(std::move(c));
  // The facts and grants of all candidates in a few queries, not a few per case.
  std::vector<std::string> case_ids, pupil_ids;
  for (const auto& c : cases) {
    case_ids.push_back(c.id);
    pupil_ids.push_back(c.pupil_id);
  }
  std::map<std::string, domain::CaseFacts> facts;
  for (auto& f : tx.case_facts_of(case_ids)) facts.emplace(f.case_id, std::move(f));
  auto grants = tx.consent_grants_by_pupil(pupil_ids);
  const std::vector<domain::ConsentGrant> no_grants;
  Reply reply;
  NameBook names(tx);
  names.read_pupils(pupil_ids);
  std::optional<domain::Decision> first_refusal;
  // Streamed: a coordinator's list holds every case of the school.
  http::JsonWriter w(reply.response->body);
  w.begin_object().key("cases").begin_array();
  bool listed = false;
  for (const auto& c : cases) {
    auto f = facts.find(c.id);
    if (f == facts.end()) continue;
    auto g = grants.find(c.pupil_id);
    auto decision = domain::decide_case_access(actor.viewer, f->second,
                                               g == grants.end() ? no_grants : g->second, now);
    if (!decision.allowed) {
      if (!first_refusal) first_refusal = decision;
      continue;
    }
    reply.audit.push_back(decision_event(actor, req, decision, "list", "case", c.id, c.pupil_id));
    w.begin_object();
    write_case_summary_members(w, c, names);
    w.end_object();
    listed = true;
  }
  w.end_array().end_object();
  if (!listed && !pupil_id.empty())
    reply.audit.push_back(empty_listing_event(tx, actor, req, "case", pupil_id,
                                              first_refusal ? &*first_refusal : nullptr));
  return reply;
}

Reply get_case(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto entered = enter_case(tx, actor, req, req.params["id"]);
  if (entered.denied) return std::move(*entered.denied);
  // Audited with the basis the record's parts rest on (or as identification only).
  auto record =
      case_record_decision(tx, actor.viewer, entered.facts, entered.grants, entered.decision);
  Reply reply;
  reply.audit.push_back(decision_event(actor, req, record, "read", "case", entered.facts.case_id,
                                       entered.facts.pupil_id));
  *reply.response = case_response(tx, entered.facts.case_id, 200, actor.viewer);
  return reply;
}

Reply update_case(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto change = begin_case_change(tx, actor, req, req.params["id"]);
  if (change.denied) return std::move(*change.denied);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"lead_membership_id", "categories", "review_date", "version"});
  std::string lead = in.text("lead_membership_id", true);
  if (!in.ok()) return fail(in.error());
  auto categories = read_categories(in, "categories");
  if (!categories) return fail(categories.error());
  auto review = read_optional_date(in, "review_date");
  if (!review) return fail(review.error());
  auto version = read_version(req, in);
  if (!version) return fail_version(version.error());
  if (auto ok = check_case_membership(tx, lead, actor, "lead_membership_id"); !ok)
    return fail(ok.error());
  store::CaseRecord c = change.record;
  bool new_lead = c.lead_membership_id != lead;
  c.lead_membership_id = lead;
  c.categories = std::move(*categories);
  c.review_date = *review;
  return Reply::writing([req, a = actor, c, facts = change.facts, decision = change.decision,
                         new_lead, version = *version](store::WriteTx& w, Response& out) {
    if (!w.update_case(c, version)) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    if (new_lead) {
      auto lead = w.membership(c.lead_membership_id);
      w.append_entry(chronology_entry(
          a, facts, "team_change", domain::Audience::case_team, c.categories.front(),
          domain::new_lead_text(lead ? person_in_record(w, *lead)
                                     : "lidmaatschap " + c.lead_membership_id),
          domain::now_millis()));
    }
    out = case_response(w, c.id, 200, a.viewer);
    return audit::JobOutcome{
        true, {decision_event(a, req, decision, "update", "case", c.id, c.pupil_id)}};
  });
}

Reply change_level(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto change = begin_case_change(tx, actor, req, req.params["id"]);
  if (change.denied) return std::move(*change.denied);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"level", "reason", "version"});
  auto level = read_level(in);
  if (!level) return fail(level.error());
  auto reason = read_text(in, "reason", true, kMaxReason);
  if (!reason) return fail(reason.error());
  auto version = read_version(req, in);
  if (!version) return fail_version(version.error());
  if (*level == change.record.level)
    return fail("validation_failed", "the case is already at this level", "level");
  store::LevelChange lc;
  lc.case_id = change.record.id;
  lc.from_level = change.record.level;
  lc.to_level = *level;
  lc.reason = *reason;
  lc.changed_by_user_id = actor.user.id;
  lc.changed_by_membership_id = actor.membership.id;
  return Reply::writing([req, a = actor, lc, facts = change.facts, decision = change.decision,
                         category = change.record.categories.front(),
                         version = *version](store::WriteTx& w, Response& out) mutable {
    auto current = w.case_record(lc.case_id);
    if (!current || current->version != version) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    if (current->status != "open") {
      out = case_closed_response();
      return audit::JobOutcome{false, {}};
    }
    lc.from_level = current->level;
    lc.changed_at = domain::now_millis();
    if (!w.change_level(lc, version)) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    w.append_entry(chronology_entry(
        a, facts, "level_change", domain::Audience::case_team, category,
        domain::level_change_text(*lc.from_level, lc.to_level, lc.reason), lc.changed_at));
    out = case_response(w, lc.case_id, 200, a.viewer);
    return audit::JobOutcome{
        true,
        {decision_event(a, req, decision, "change_level", "case", lc.case_id, facts.pupil_id)}};
  });
}

Reply close_case(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto change = begin_case_change(tx, actor, req, req.params["id"]);
  if (change.denied) return std::move(*change.denied);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"outcome", "note", "version"});
  std::string outcome = in.text("outcome", true);
  if (!in.ok()) return fail(in.error());
  if (!domain::is_one_of(domain::case_outcomes(), outcome))
    return fail("validation_failed", "outcome must be " + domain::words_of(domain::case_outcomes()),
                "outcome");
  auto note = read_text(in, "note", outcome == "other", kMaxReason);
  if (!note) return fail(note.error());
  auto version = read_version(req, in);
  if (!version) return fail_version(version.error());
  return Reply::writing([req, a = actor, outcome, note = *note, facts = change.facts,
                         decision = change.decision, category = change.record.categories.front(),
                         version = *version](store::WriteTx& w, Response& out) {
    auto now = domain::now_millis();
    if (!w.close_case(facts.case_id, outcome, note, now, version)) {
      auto current = w.case_record(facts.case_id);
      out = current && current->status != "open" ? case_closed_response() : version_conflict();
      return audit::JobOutcome{false, {}};
    }
    w.append_entry(chronology_entry(a, facts, "closure", domain::Audience::case_team, category,
                                    domain::closure_text(outcome, note), now));
    out = case_response(w, facts.case_id, 200, a.viewer);
    return audit::JobOutcome{
        true, {decision_event(a, req, decision, "close", "case", facts.case_id, facts.pupil_id)}};
  });
}

}  // namespace

void register_case_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/cases", authenticated(ctx, list_cases));
  router.add("POST", "/api/cases", authenticated(ctx, open_case));
  router.add("GET", "/api/cases/{id}", authenticated(ctx, get_case));
  router.add("PUT", "/api/cases/{id}", authenticated(ctx, update_case));
  router.add("POST", "/api/cases/{id}/level", authenticated(ctx, change_level));
  router.add("POST", "/api/cases/{id}/close", authenticated(ctx, close_case));
}

}  // namespace samen::api
