// The minutes of a meeting (issue 14), typed by whoever plans it while the meeting runs:
// per item who was there and, for an item on a case, the discussion summary and decisions
// with the audience their chronology entry will have, and actions that go into the case's
// plan at once (their owners are told). Closing the minutes turns each item's summary and
// decisions into one chronology entry on its case, under the chronology's rules for who
// reads it; after that the meeting no longer changes and a change is a correction there.
// Access as for the meeting's other changes (begin_meeting_change: 404, 403, 409); the
// text of an item whose pupil is anonymous for the planner is refused (403), audited.
#include <boost/json.hpp>

#include "api/case_support.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/meeting_support.hpp"
#include "api/notify.hpp"
#include "api/put_forward_support.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/policy_cases.hpp"
#include "domain/record_text.hpp"
#include "domain/text.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

constexpr std::size_t kMaxMinutesText = 20000;
constexpr std::size_t kMaxActionText = 2000;
constexpr std::size_t kMaxNewActions = 20;

// Who may be marked present at an item: the chair, the standing members, its attendees.
bool may_be_present(const LoadedMeeting& m, std::size_t index, const std::string& membership_id) {
  if (membership_id == m.series.chair_membership_id) return true;
  for (const auto& id : m.facts.member_ids)
    if (id == membership_id) return true;
  for (const auto& a : m.attendees[index])
    if (a.membership_id == membership_id) return true;
  return false;
}

Result<std::vector<std::string>> read_present(JsonReader& in, const LoadedMeeting& m,
                                              std::size_t index) {
  std::vector<std::string> out;
  const json::array* given = in.array("present", false);
  if (!in.ok()) return in.error();
  if (!given) return out;
  for (std::size_t i = 0; i < given->size(); ++i) {
    std::string field = "present[" + std::to_string(i) + "]";
    const auto* id = (*given)[i].if_string();
    if (!id || !may_be_present(m, index, std::string(*id)))
      return Error{"validation_failed", "present names someone not invited to this item", field};
    if (std::find(out.begin(), out.end(), *id) == out.end()) out.emplace_back(*id);
  }
  return out;
}

Result<std::vector<store::ActionRecord>> read_new_actions(store::ReadTx& tx, JsonReader& in,
                                                          const Actor& actor,
                                                          const std::string& case_id) {
  std::vector<store::ActionRecord> out;
  const json::array* given = in.array("new_actions", false);
  if (!in.ok()) return in.error();
  if (!given) return out;
  if (given->size() > kMaxNewActions)
    return Error{"validation_failed", "at most 20 new actions at once", "new_actions"};
  for (std::size_t i = 0; i < given->size(); ++i) {
    std::string field = "new_actions[" + std::to_string(i) + "]";
    const auto* o = (*given)[i].if_object();
    if (!o) return Error{"validation_failed", "an action is an object", field};
    JsonReader a(*o, field + ".");
    a.allow_only({"text", "owner_membership_id", "due_date"});
    auto text = read_text(a, "text", true, kMaxActionText);
    if (!text) return text.error();
    std::string owner = a.text("owner_membership_id", true);
    if (!a.ok()) return a.error();
    auto due = read_optional_date(a, "due_date");
    if (!due) return due.error();
    if (auto ok = check_case_membership(tx, owner, actor, field + ".owner_membership_id"); !ok)
      return ok.error();
    store::ActionRecord act;
    act.case_id = case_id;
    act.text = *text;
    act.owner_membership_id = owner;
    act.due_date = *due;
    act.created_by_user_id = actor.user.id;
    out.push_back(std::move(act));
  }
  return out;
}

std::optional<std::size_t> item_index(const LoadedMeeting& m, const std::string& item_id) {
  for (std::size_t i = 0; i < m.meeting.items.size(); ++i)
    if (m.meeting.items[i].id == item_id) return i;
  return std::nullopt;
}

std::optional<store::MeetingMinutesRecord> minutes_of_item(store::ReadTx& tx,
                                                           const std::string& meeting_id,
                                                           const std::string& item_id) {
  for (auto& r : tx.meeting_minutes(meeting_id))
    if (r.item_id == item_id) return std::move(r);
  return std::nullopt;
}

// PUT /api/meetings/{id}/items/{item_id}/minutes: {present, summary, decisions, category,
// audience, family_visible, new_actions, version} — version 0 for the item's first minutes.
Reply save_minutes(AppContext& ctx, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto change = begin_meeting_change(tx, actor, req);
  if (change.denied) return std::move(*change.denied);
  const LoadedMeeting& m = *change.meeting;
  auto index = item_index(m, req.params.at("item_id"));
  if (!index)
    return refuse(actor, req, domain::decide_missing_agenda_item(),
                  {"meeting_item", req.params.at("item_id"), ""},
                  Refusal::as_missing("no such item on this agenda"));
  const auto& item = m.meeting.items[*index];
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"present", "summary", "decisions", "category", "audience", "family_visible",
                 "new_actions", "version"});
  store::MeetingMinutesRecord r =
      minutes_of_item(tx, m.meeting.id, item.id).value_or(store::MeetingMinutesRecord{});
  r.meeting_id = m.meeting.id;
  r.item_id = item.id;
  if (r.version == 0 && !item.categories.empty()) r.category = item.categories.front();
  auto present = read_present(in, m, *index);
  if (!present) return fail(present.error());
  r.present = std::move(*present);
  r.summary = std::string(domain::trim(in.multiline_text("summary", false)));
  r.decisions = std::string(domain::trim(in.multiline_text("decisions", false)));
  std::string category = in.text("category", false);
  std::string audience = in.text("audience", false);
  r.family_visible = in.boolean("family_visible", false);
  if (!in.ok()) return fail(in.error());
  auto version = read_version(req, in);
  if (!version) return fail_version(version.error());
  if (!category.empty()) {
    auto c = domain::parse_entry_category(category);
    if (!c) return fail("validation_failed", "unknown category '" + category + "'", "category");
    r.category = *c;
  }
  if (!audience.empty()) {
    auto a = domain::parse_audience(audience);
    // Minutes are said at the table: for the case team, or the school's staff on the case.
    if (!a || (*a != domain::Audience::case_team && *a != domain::Audience::school))
      return fail("validation_failed", "the audience of minutes is case_team or school",
                  "audience");
    r.audience = *a;
  }
  if (r.summary.size() > kMaxMinutesText)
    return fail("validation_failed", "summary is longer than 20,000 characters", "summary");
  if (r.decisions.size() > kMaxMinutesText)
    return fail("validation_failed", "decisions is longer than 20,000 characters", "decisions");
  bool has_text = !r.summary.empty() || !r.decisions.empty() || in.has("new_actions");
  if (item.case_id.empty() && has_text)
    return fail("validation_failed",
                "a signal on the agenda is answered by its triage; note who was there only",
                "summary");
  std::vector<store::ActionRecord> actions;
  if (has_text) {
    auto pupil = tx.pupil(item.pupil_id);
    auto named =
        pupil ? item_named_decision(tx, actor.viewer, item, pupil->pupil,
                                    tx.consent_grants_of_pupil(item.pupil_id), domain::now_millis())
              : domain::Decision{};
    if (!named.allowed)
      return refuse(actor, req, named, {"meeting_item", item.id, item.pupil_id},
                    Refusal::forbidden({},
                                       "without a legal basis for the pupil you note only "
                                       "who was there"));
    auto c = tx.case_record(item.case_id);
    if (c && c->status != "open" && in.has("new_actions")) return Reply::of(case_closed_response());
    auto read = read_new_actions(tx, in, actor, item.case_id);
    if (!read) return fail(read.error());
    actions = std::move(*read);
  }
  r.updated_by_user_id = actor.user.id;
  return Reply::writing([req, a = actor, r, actions, version = *version, item,
                         decision = change.decision,
                         told = &ctx.settings](store::WriteTx& w, Response& out) mutable {
    auto now = domain::now_millis();
    std::vector<audit::Event> events{
        decision_event(a, req, decision, "record_minutes", "meeting_item", item.id, item.pupil_id)};
    for (auto& act : actions) {
      act.created_at = now;
      auto id = w.insert_action(act);
      r.action_ids.push_back(id);
      events.push_back(decision_event(a, req, decision, "create", "action", id, item.pupil_id));
      act.id = id;
      tell_action_owner(w, *told, act, a.user.id);
    }
    r.updated_at = now;
    if (!w.save_item_minutes(r, version)) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    auto stored = minutes_of_item(w, r.meeting_id, r.item_id);
    out = json_response(200, item_minutes_json(*stored, true));
    out.set_header("ETag", "\"" + std::to_string(stored->version) + "\"");
    return audit::JobOutcome{true, std::move(events)};
  });
}

// An item's minutes in words for its chronology entry; the people by name and role.
std::string entry_text_of(store::ReadTx& tx, const LoadedMeeting& m,
                          const store::MeetingMinutesRecord& r) {
  std::vector<std::string> present, actions;
  for (const auto& id : r.present)
    if (auto who = tx.membership(id)) present.push_back(person_in_record(tx, *who));
  for (const auto& id : r.action_ids) {
    auto act = tx.action(id);
    if (!act) continue;
    std::string who;
    if (auto owner = tx.membership(act->owner_membership_id)) who = person_in_record(tx, *owner);
    if (act->due_date)
      who += (who.empty() ? "vóór " : ", vóór ") + domain::dutch_date(*act->due_date);
    actions.push_back(who.empty() ? act->text : act->text + " (" + who + ")");
  }
  return domain::minutes_text(m.series.title, domain::netherlands_date_of(m.meeting.starts_at),
                              present, r.summary, r.decisions, actions);
}

// POST /api/meetings/{id}/minutes/close: {version} (the meeting's).
Reply close_minutes(AppContext& ctx, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto change = begin_meeting_change(tx, actor, req);
  if (change.denied) return std::move(*change.denied);
  auto version = read_version_body(req);
  if (!version) return fail_version(version.error());
  if (change.meeting->meeting.starts_at > domain::now_millis())
    return fail("validation_failed", "the minutes can be closed once the meeting has begun");
  return Reply::writing([req, a = actor, m = *change.meeting, version = *version,
                         decision = change.decision,
                         told = &ctx.settings](store::WriteTx& w, Response& out) {
    auto now = domain::now_millis();
    if (!w.close_meeting_minutes(m.meeting.id, version, a.user.id, now)) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    std::vector<audit::Event> events{
        decision_event(a, req, decision, "close_minutes", "meeting", m.meeting.id)};
    for (auto r : w.meeting_minutes(m.meeting.id)) {
      auto item = std::find_if(m.meeting.items.begin(), m.meeting.items.end(),
                               [&](const auto& i) { return i.id == r.item_id; });
      bool worded = !r.summary.empty() || !r.decisions.empty() || !r.action_ids.empty();
      auto facts = item == m.meeting.items.end() ? std::nullopt : w.case_facts(item->case_id);
      if (!facts || !worded) continue;
      // Kind `decision`: what the table decided (docs/decisions.md, "Minutes").
      auto entry = chronology_entry(a, *facts, "decision", r.audience, r.category,
                                    entry_text_of(w, m, r), now);
      entry.facts.family_visible = r.family_visible;
      r.entry_id = w.append_entry(entry);
      r.summary.clear();
      r.decisions.clear();
      w.save_item_minutes(r, r.version);
      events.push_back(
          decision_event(a, req, decision, "create", "entry", r.entry_id, facts->pupil_id));
    }
    // The cases put forward for this meeting have had their answer; the next consultation
    // no longer waits for them.
    for (const auto& item : m.meeting.items) {
      auto p = m.put_forwards.find(item.case_id);
      if (item.case_id.empty() || p == m.put_forwards.end()) continue;
      auto settled = p->second;
      settled.settled_at = now;
      settled.settled_how = "discussed";
      settled.settled_meeting_id = m.meeting.id;
      settled.settled_by_user_id = a.user.id;
      if (!w.settle_put_forward(settled)) continue;
      auto c = w.case_record(item.case_id);
      auto next = c ? take_off_next_consultation(w, *told, *c, a, now) : AgendaTouch{};
      if (next.changed)
        events.push_back(
            decision_event(a, req, decision, "update_agenda", "meeting", next.meeting_id));
    }
    auto loaded = load_meeting(w, std::move(*w.meeting(m.meeting.id)));
    out = json_response(200, meeting_json(w, *loaded, a, req, events, now));
    out.set_header("ETag", "\"" + std::to_string(loaded->meeting.version) + "\"");
    return audit::JobOutcome{true, std::move(events)};
  });
}

}  // namespace

void register_meeting_minutes_routes(http::Router& router, AppContext& ctx) {
  router.add("PUT", "/api/meetings/{id}/items/{item_id}/minutes", authenticated(ctx, save_minutes));
  router.add("POST", "/api/meetings/{id}/minutes/close", authenticated(ctx, close_minutes));
}

}  // namespace samen::api
