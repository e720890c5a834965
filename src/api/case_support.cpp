#include "api/case_support.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "api/handler.hpp"
#include "api/meeting_support.hpp"
#include "api/put_forward_support.hpp"
#include "api/record_view.hpp"
#include "api/views.hpp"
#include "domain/dates.hpp"
#include "domain/policy_cases.hpp"
#include "domain/policy_entries.hpp"
#include "domain/policy_may.hpp"
#include "domain/policy_record.hpp"
#include "domain/policy_workspace.hpp"
#include "domain/record_text.hpp"
#include "domain/text.hpp"
#include "http/errors.hpp"

namespace samen::api {
namespace json = boost::json;

namespace {

json::value optional_date(const std::optional<domain::Date>& d) {
  return d ? json::value(domain::to_iso(*d)) : json::value(nullptr);
}

}  // namespace

Result<std::vector<domain::EntryCategory>> read_categories(JsonReader& in, const char* name) {
  const json::array* list = in.array(name, true);
  if (!in.ok()) return in.error();
  if (list->empty())
    return Error{"validation_failed", std::string(name) + " needs at least one category",
                 in.field(name)};
  std::vector<domain::EntryCategory> out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string field = in.field(name) + "[" + std::to_string(i) + "]";
    const auto& v = (*list)[i];
    auto category = v.is_string() ? domain::parse_entry_category(v.as_string())
                                  : std::optional<domain::EntryCategory>{};
    if (!category)
      return Error{"validation_failed",
                   field +
                       " must be one of attendance, behaviour, learning, wellbeing, home, "
                       "health, safety",
                   field};
    if (std::find(out.begin(), out.end(), *category) != out.end())
      return Error{"validation_failed", field + " repeats a category", field};
    out.push_back(*category);
  }
  return out;
}

Result<std::optional<domain::Date>> read_optional_date(JsonReader& in, const char* name) {
  std::string text = in.text(name, false);
  if (!in.ok()) return in.error();
  if (text.empty()) return std::optional<domain::Date>{};
  auto d = domain::parse_iso_date(text);
  if (!d)
    return Error{"validation_failed", std::string(name) + " must be a date as yyyy-mm-dd",
                 in.field(name)};
  return std::optional<domain::Date>{*d};
}

Result<std::string> read_text(JsonReader& in, const char* name, bool required,
                              std::size_t max_bytes) {
  std::string text(domain::trim(in.multiline_text(name, required)));
  if (!in.ok()) return in.error();
  if (required && text.empty())
    return Error{"validation_failed", std::string(name) + " must not be empty", in.field(name)};
  if (text.size() > max_bytes)
    return Error{"validation_failed",
                 std::string(name) + " is longer than " + std::to_string(max_bytes) + " bytes",
                 in.field(name)};
  return text;
}

json::array categories_json(const std::vector<domain::EntryCategory>& categories) {
  json::array out;
  for (auto c : categories) out.push_back(json::string(domain::to_string(c)));
  return out;
}

std::string person_in_record(store::ReadTx& tx, const store::Membership& m) {
  auto user = tx.user(m.user_id);
  return domain::person_in_record(user ? user->name : "gebruiker " + m.user_id, m.role,
                                  m.organisation_name);
}

json::object signal_json(const store::SignalRecord& s, NameBook& names,
                         const domain::Viewer& viewer) {
  auto may = domain::decide_signal_may(viewer, s.school_id, s.author_user_id, s.status);
  return {{"id", s.id},
          {"pupil_id", s.pupil_id},
          {"pupil_name", names.pupil(s.pupil_id)},
          {"school_id", s.school_id},
          {"author_user_id", s.author_user_id},
          {"author_name", names.user(s.author_user_id)},
          {"author_membership_id", s.author_membership_id},
          {"author_role", domain::to_string(s.author_role)},
          {"categories", categories_json(s.categories)},
          {"urgency", s.urgency},
          {"text", s.text},
          {"created_at", domain::format_instant(s.created_at)},
          {"status", s.status},
          {"triaged_by_user_id", optional_id(s.triaged_by_user_id)},
          {"triaged_at", optional_instant(s.triaged_at)},
          {"advice", s.advice.empty() ? json::value(nullptr) : json::value(s.advice)},
          {"case_id", optional_id(s.case_id)},
          {"version", s.version},
          {"may", json::object{{"triage", may.triage}}}};
}

json::object team_member_json(const store::TeamMember& m, NameBook& names, bool with_reason,
                              bool with_name) {
  return {{"membership_id", m.membership_id},
          {"user_id", with_name ? json::value(m.user_id) : json::value(nullptr)},
          {"name", with_name ? json::value(names.user(m.user_id)) : json::value(nullptr)},
          {"organisation_id", m.organisation_id},
          {"organisation_name", names.organisation(m.organisation_id)},
          {"role", domain::to_string(m.role)},
          {"reason", with_reason ? json::value(m.reason) : json::value(nullptr)},
          {"added_by_user_id", m.added_by_user_id},
          {"added_at", domain::format_instant(m.added_at)},
          {"removed_at", optional_instant(m.removed_at)},
          {"removed_by_user_id", optional_id(m.removed_by_user_id)}};
}

json::object level_change_json(const store::LevelChange& c, NameBook& names, bool with_reason,
                               bool with_name) {
  return {{"from_level", c.from_level ? json::value(*c.from_level) : json::value(nullptr)},
          {"to_level", c.to_level},
          {"escalation", store::is_escalation(c)},
          {"reason", with_reason ? json::value(c.reason) : json::value(nullptr)},
          {"changed_by_user_id", c.changed_by_user_id},
          {"changed_by_name", c.changed_by_user_id.empty() || !with_name
                                  ? json::value(nullptr)
                                  : json::value(names.user(c.changed_by_user_id))},
          {"changed_by_membership_id", c.changed_by_membership_id},
          {"changed_at", domain::format_instant(c.changed_at)}};
}

json::object goal_json(const store::GoalRecord& g, const domain::GoalMay& may) {
  return {{"id", g.id},
          {"case_id", g.case_id},
          {"text", g.text},
          {"achieved", g.achieved_at.has_value()},
          {"achieved_at", optional_instant(g.achieved_at)},
          {"created_by_user_id", g.created_by_user_id},
          {"created_at", domain::format_instant(g.created_at)},
          {"version", g.version},
          {"may", json::object{{"edit", may.edit}}}};
}

json::object action_json(const store::ActionRecord& a, const domain::ActionMay& may) {
  return {{"id", a.id},
          {"case_id", a.case_id},
          {"text", a.text},
          {"owner_membership_id", a.owner_membership_id},
          {"due_date", optional_date(a.due_date)},
          {"done", a.done_at.has_value()},
          {"done_at", optional_instant(a.done_at)},
          {"created_by_user_id", a.created_by_user_id},
          {"created_at", domain::format_instant(a.created_at)},
          {"version", a.version},
          {"may", json::object{{"edit", may.edit}, {"mark_done", may.mark_done}}}};
}

void write_case_summary_members(http::JsonWriter& w, const store::CaseRecord& c, NameBook& names) {
  w.field("id", c.id)
      .field("pupil_id", c.pupil_id)
      .field("pupil_name", names.pupil(c.pupil_id))
      .field("school_id", c.school_id)
      .field_or_null("lead_membership_id", c.lead_membership_id)
      .key("categories")
      .begin_array();
  for (auto category : c.categories) w.value(domain::to_string(category));
  w.end_array()
      .field("level", c.level)
      .field("status", c.status)
      .field_or_null("outcome", c.outcome)
      .field_or_null("outcome_note", c.outcome_note)
      .field_or_null("review_date", c.review_date ? domain::to_iso(*c.review_date) : "")
      .field("opened_by_user_id", c.opened_by_user_id)
      .field("opened_at", domain::format_instant(c.opened_at))
      .field_or_null("closed_at", c.closed_at ? domain::format_instant(*c.closed_at) : "")
      .field("version", c.version);
}

json::object case_detail_json(store::ReadTx& tx, const store::CaseRecord& c,
                              const domain::Viewer& viewer) {
  NameBook names(tx);
  auto out = written_object([&](http::JsonWriter& w) { write_case_summary_members(w, c, names); });
  auto facts = tx.case_facts(c.id).value_or(domain::CaseFacts{});
  auto grants = tx.consent_grants_of_pupil(c.pupil_id);
  auto way_in = domain::decide_case_access(viewer, facts, grants, domain::now_millis());
  auto view = case_record_decision(tx, viewer, facts, grants, way_in).view;
  auto named = [&](const std::string& membership_id, domain::Role role) {
    return domain::may_see_name_of(viewer, facts, membership_id, role);
  };
  json::array team, history, goals, actions;
  for (const auto& m : c.team)
    team.push_back(
        team_member_json(m, names, domain::may_read_case_reasons(viewer, facts, m.added_by_user_id),
                         named(m.membership_id, m.role)));
  for (const auto& change : c.level_changes) {
    auto by = tx.membership(change.changed_by_membership_id);
    history.push_back(level_change_json(
        change, names, domain::may_read_case_reasons(viewer, facts, change.changed_by_user_id),
        by && named(by->id, by->role)));
  }
  if (!c.lead_membership_id.empty()) {
    if (auto lead = tx.membership(c.lead_membership_id)) {
      out["lead"] = json::object{{"membership_id", lead->id},
                                 {"user_id", lead->user_id},
                                 {"name", names.user(lead->user_id)},
                                 {"organisation_id", lead->organisation_id},
                                 {"organisation_name", names.organisation(lead->organisation_id)},
                                 {"role", domain::to_string(lead->role)}};
    }
  }
  out["team"] = std::move(team);
  out["level_history"] = std::move(history);
  out["escalations"] = store::count_escalations(c.level_changes);
  out["view"] = view == domain::PupilView::full ? "full" : "identification";
  // What the viewer may do on the case, decided here by the policy: the UI decides nothing.
  auto put_forward = open_put_forward(tx, c.id);
  auto may = domain::decide_case_may(viewer, facts, c.status == "open",
                                     view == domain::PupilView::full, c.categories.front(), grants,
                                     domain::now_millis(), put_forward.has_value());
  out["may"] = json::object{{"edit", may.edit},
                            {"close", may.close},
                            {"change_level", may.change_level},
                            {"add_member", may.add_member},
                            {"remove_member", may.remove_member},
                            {"add_goal", may.add_goal},
                            {"add_action", may.add_action},
                            {"write_entry", may.write_entry},
                            {"add_family_view", may.add_family_view},
                            {"read_safety_decisions", may.read_safety_decisions},
                            {"record_safety_decision", may.record_safety_decision},
                            {"put_forward", may.put_forward}};
  // Put forward for the consultation; the question, like the plan, needs a legal basis.
  out["put_forward"] =
      put_forward_json(tx, put_forward, viewer, facts, view == domain::PupilView::full);
  // Without a legal basis for the pupil, the plan is not shown: the case exists, no more.
  if (view != domain::PupilView::full) return out;
  bool open = c.status == "open";
  auto goal_may = domain::decide_goal_may(viewer, facts, open);
  for (const auto& g : tx.goals_of_case(c.id)) goals.push_back(goal_json(g, goal_may));
  for (const auto& a : tx.actions_of_case(c.id))
    actions.push_back(
        action_json(a, domain::decide_action_may(viewer, facts, open, a.owner_membership_id)));
  out["goals"] = std::move(goals);
  out["actions"] = std::move(actions);
  out["meetings"] = case_meetings_json(tx, c.id, viewer, domain::now_millis());
  return out;
}

store::EntryRecord chronology_entry(const Actor& actor, const domain::CaseFacts& c,
                                    std::string kind, domain::Audience audience,
                                    domain::EntryCategory category, std::string text,
                                    domain::Millis at) {
  store::EntryRecord e;
  e.facts.case_id = c.case_id;
  e.facts.pupil_id = c.pupil_id;
  e.facts.author_user_id = actor.user.id;
  e.facts.author_membership_id = actor.membership.id;
  e.facts.author_organisation_id = actor.membership.organisation_id;
  e.facts.author_role = actor.membership.role;
  e.facts.audience = audience;
  e.facts.category = category;
  e.facts.family_visible = false;
  e.kind = std::move(kind);
  e.text = std::move(text);
  e.created_at = at;
  return e;
}

CaseEntry enter_case(store::ReadTx& tx, const Actor& actor, const http::Request& req,
                     const std::string& case_id) {
  CaseEntry out;
  auto facts = tx.case_facts(case_id);
  if (!facts) {
    out.denied = http::Reply::of(http::error_response("not_found", "no such case"));
    return out;
  }
  out.facts = std::move(*facts);
  out.grants = tx.consent_grants_of_pupil(out.facts.pupil_id);
  out.decision =
      domain::decide_case_access(actor.viewer, out.facts, out.grants, domain::now_millis());
  if (!out.decision.allowed) {
    out.denied = refuse(actor, req, out.decision, {"case", out.facts.case_id, out.facts.pupil_id},
                        Refusal::as_missing("no such case"));
    return out;
  }
  return out;
}

CaseChange begin_case_change(store::ReadTx& tx, const Actor& actor, const http::Request& req,
                             const std::string& case_id, domain::CaseAction action,
                             bool allow_closed) {
  CaseChange out;
  auto entered = enter_case(tx, actor, req, case_id);
  if (entered.denied) {
    out.denied = std::move(entered.denied);
    return out;
  }
  out.facts = std::move(entered.facts);
  out.decision = domain::decide_case_action(actor.viewer, out.facts, action);
  if (!out.decision.allowed) {
    out.denied = refuse(actor, req, out.decision, {"case", out.facts.case_id, out.facts.pupil_id},
                        Refusal::forbidden());
    return out;
  }
  out.record = *tx.case_record(case_id);
  if (!allow_closed && out.record.status != "open")
    out.denied = http::Reply::of(case_closed_response());
  return out;
}

Status check_case_membership(store::ReadTx& tx, const std::string& membership_id,
                             const Actor& actor, const std::string& field) {
  auto m = tx.membership(membership_id);
  if (!m || m->region_id != actor.membership.region_id)
    return Error{"validation_failed", field + " is not a membership of your region", field};
  if (!m->active) return Error{"validation_failed", field + " is not an active membership", field};
  if (!domain::works_on_cases(m->role))
    return Error{"validation_failed",
                 field + " has a role that does not work on cases (" +
                     std::string(domain::to_string(m->role)) + ")",
                 field};
  return ok_status();
}

http::Response case_closed_response() {
  return http::error_response("case_closed", "this case is closed; it can no longer change",
                              "status");
}

}  // namespace samen::api
