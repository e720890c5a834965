#include "api/meeting_support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "api/family_facts.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/name_book.hpp"
#include "api/views.hpp"
#include "domain/meeting_schedule.hpp"
#include "domain/pupil.hpp"
#include "store/case_codes.hpp"

namespace samen::api {
namespace json = boost::json;

std::vector<domain::SeriesMember> series_members_of(const store::MeetingSeriesRecord& series) {
  std::vector<domain::SeriesMember> out;
  for (const auto& m : series.members) out.push_back({m.membership_id, m.role});
  return out;
}

// What the agenda is proposed from: the school's untriaged signals and open cases, with
// their escalations and overdue actions, as they are now.
std::vector<std::string> schools_to_list(store::ReadTx& tx, const std::string& asked,
                                         const std::string& region_id) {
  if (!asked.empty()) return {asked};
  std::vector<std::string> out;
  for (const auto& o : tx.organisations(region_id))
    if (o.type == domain::OrgType::school) out.push_back(o.id);
  return out;
}

domain::MeetingFacts series_facts(const store::MeetingSeriesRecord& series) {
  domain::MeetingFacts facts{series.school_id, series.chair_membership_id, {}, {}};
  for (const auto& m : series.members) facts.member_ids.push_back(m.membership_id);
  return facts;
}

namespace {

domain::AgendaInputs agenda_inputs(store::ReadTx& tx, const store::MeetingSeriesRecord& s,
                                   domain::Millis since, domain::Millis at, domain::Millis next) {
  domain::AgendaInputs in{since, at, next, {}, {}, series_members_of(s)};
  for (const auto& sig : tx.open_signals(s.school_id))
    in.open_signals.push_back({sig.id, sig.pupil_id, sig.author_membership_id, sig.categories,
                               sig.urgency, sig.created_at});
  const domain::Date today = domain::netherlands_date_of(at);
  std::map<std::string, std::string> put_forward_by;  // case id -> membership
  for (const auto& p : tx.open_put_forwards_of_school(s.school_id))
    put_forward_by.emplace(p.case_id, p.membership_id);
  for (const auto& summary : tx.cases_of_school(s.school_id, true)) {
    auto c = tx.case_record(summary.id);
    if (!c) continue;
    domain::AgendaCase ac{
        c->id, c->pupil_id, c->lead_membership_id, {}, c->categories, c->review_date,
        {},    0,           std::nullopt};
    for (const auto& seat : c->team)
      if (!seat.removed_at) ac.team_membership_ids.push_back(seat.membership_id);
    for (const auto& change : c->level_changes)
      if (store::is_escalation(change)) ac.escalations.push_back(change.changed_at);
    for (const auto& action : tx.actions_of_case(c->id))
      if (!action.done_at && action.due_date && *action.due_date < today) ++ac.overdue_actions;
    if (auto p = put_forward_by.find(c->id); p != put_forward_by.end())
      ac.put_forward_by_membership_id = p->second;
    in.open_cases.push_back(std::move(ac));
  }
  return in;
}

std::vector<store::MeetingItemRecord> proposed_items(const domain::AgendaInputs& in) {
  std::vector<store::MeetingItemRecord> out;
  for (const auto& p : domain::propose_agenda(in)) {
    store::MeetingItemRecord item;
    item.case_id = p.case_id;
    item.signal_id = p.signal_id;
    item.pupil_id = p.pupil_id;
    item.reason = std::string(domain::to_string(p.reason));
    for (auto r : p.reasons) item.reasons.emplace_back(domain::to_string(r));
    item.categories = p.categories;
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

store::MeetingRecord plan_meeting_of(store::ReadTx& tx, const store::MeetingSeriesRecord& s,
                                     std::optional<domain::Millis> starts_at, domain::Millis now) {
  std::optional<domain::Millis> previous;
  for (const auto& m : tx.meetings_of_series(s.id))
    if (m.status != "cancelled" && m.starts_at < starts_at.value_or(now + 1))
      previous = m.starts_at;
  domain::MeetingRhythm rhythm{s.weekday, s.start_minute, s.interval_weeks, s.skipped_weeks};
  domain::Millis at = starts_at.value_or(domain::next_meeting_start(rhythm, previous, now));
  constexpr domain::Millis kWeek = 7LL * 24 * 3600 * 1000;
  domain::Millis since = previous.value_or(at - kWeek * s.interval_weeks);
  domain::Millis next = domain::next_meeting_start(rhythm, at, at);
  store::MeetingRecord m;
  m.series_id = s.id;
  m.school_id = s.school_id;
  m.kind = s.kind;
  m.starts_at = at;
  m.duration_minutes = s.duration_minutes;
  m.place = s.place;
  m.video_link = s.video_link;
  if (s.kind == "case_consultation")
    m.items = proposed_items(agenda_inputs(tx, s, since, at, next));
  return m;
}

std::optional<LoadedMeeting> load_meeting(store::ReadTx& tx, store::MeetingRecord meeting) {
  auto series = tx.meeting_series(meeting.series_id);
  if (!series) return std::nullopt;
  LoadedMeeting out{std::move(meeting), std::move(*series), {}, {}, {}};
  std::vector<std::string> case_ids;
  for (const auto& i : out.meeting.items)
    if (!i.case_id.empty()) case_ids.push_back(i.case_id);
  std::map<std::string, domain::CaseFacts> cases;
  for (auto& f : tx.case_facts_of(case_ids)) cases.emplace(f.case_id, std::move(f));
  auto members = series_members_of(out.series);
  out.facts = series_facts(out.series);
  auto answered = out.meeting.minutes_closed_at
                      ? tx.put_forwards_of_meeting(out.meeting.id)
                      : tx.open_put_forwards_of_school(out.meeting.school_id);
  for (auto& p : answered) out.put_forwards.emplace(p.case_id, std::move(p));
  for (const auto& i : out.meeting.items) {
    domain::ItemPeople people;
    if (auto c = cases.find(i.case_id); c != cases.end()) {
      people.lead_membership_id = c->second.lead_membership_id;
      people.team_membership_ids = c->second.team_membership_ids;
      if (auto p = out.put_forwards.find(i.case_id); p != out.put_forwards.end())
        people.put_forward_membership_id = p->second.membership_id;
    } else if (!i.signal_id.empty()) {
      if (auto s = tx.signal(i.signal_id)) people.reporter_membership_id = s->author_membership_id;
    }
    auto attendees = domain::attendees_for(i.categories, people, members);
    for (const auto& a : attendees) out.facts.attendee_ids.push_back(a.membership_id);
    out.attendees.push_back(std::move(attendees));
  }
  return out;
}

std::vector<std::size_t> visible_items(const LoadedMeeting& m, const domain::Viewer& viewer) {
  bool every = domain::sees_every_item(viewer, m.facts);
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < m.meeting.items.size(); ++i) {
    const auto& who = m.attendees[i];
    bool invited = std::any_of(who.begin(), who.end(), [&](const domain::AgendaAttendee& a) {
      return a.membership_id == viewer.membership_id;
    });
    if (every || invited) out.push_back(i);
  }
  return out;
}

domain::Decision item_named_decision(store::ReadTx& tx, const domain::Viewer& viewer,
                                     const store::MeetingItemRecord& item,
                                     const domain::Pupil& pupil,
                                     const std::vector<domain::ConsentGrant>& grants,
                                     domain::Millis now) {
  domain::CaseFacts facts = pupil_case_facts(pupil);
  std::vector<domain::SafetyDecision> safety;
  if (!item.case_id.empty()) {
    if (auto c = tx.case_facts(item.case_id)) facts = *c;
    safety = tx.safety_decisions_of_case(item.case_id);
  }
  return domain::decide_agenda_item_named(viewer, facts, item.categories, grants, safety, now);
}

json::object meeting_json(store::ReadTx& tx, const LoadedMeeting& m, const Actor& actor,
                          const http::Request& req, std::vector<audit::Event>& events,
                          domain::Millis now) {
  const auto shown = visible_items(m, actor.viewer);
  std::vector<std::string> pupil_ids;
  for (auto i : shown) pupil_ids.push_back(m.meeting.items[i].pupil_id);
  auto grants = tx.consent_grants_by_pupil(pupil_ids);
  // Who attends, by name, role and organisation: professionals see each other's names.
  NameBook names(tx);
  std::map<std::string, json::object> people;
  auto person = [&](const domain::AgendaAttendee& a) {
    auto [at, fresh] = people.try_emplace(a.membership_id);
    if (fresh) {
      auto m = tx.membership(a.membership_id);
      at->second = json::object{{"membership_id", a.membership_id},
                                {"name", m ? names.user(m->user_id) : ""},
                                {"role", m ? domain::to_string(m->role) : ""},
                                {"organisation_name", m ? m->organisation_name : ""}};
    }
    json::object o = at->second;
    o["why"] = domain::to_string(a.why);
    return o;
  };
  bool plans = domain::decide_meeting_planning(actor.viewer, m.meeting.school_id,
                                               m.series.chair_membership_id)
                   .allowed;
  bool open = m.meeting.status == "planned" && !m.meeting.minutes_closed_at;
  std::map<std::string, store::MeetingMinutesRecord> minutes;
  for (auto& r : tx.meeting_minutes(m.meeting.id)) minutes.emplace(r.item_id, std::move(r));
  json::array items;
  for (auto index : shown) {
    const auto& item = m.meeting.items[index];
    auto pupil = tx.pupil(item.pupil_id);
    if (!pupil) continue;
    auto decision =
        item_named_decision(tx, actor.viewer, item, pupil->pupil, grants[item.pupil_id], now);
    // A case put forward after its item was proposed is on the agenda for that too.
    auto put_forward = m.put_forwards.find(item.case_id);
    std::vector<std::string> reasons = item.reasons;
    if (put_forward != m.put_forwards.end() &&
        std::find(reasons.begin(), reasons.end(), "put_forward") == reasons.end())
      reasons.emplace_back("put_forward");
    json::object o{{"id", item.id},
                   {"reason", item.reason},
                   {"reasons", json::array(reasons.begin(), reasons.end())},
                   {"named", decision.allowed},
                   {"starts_at", optional_instant(item.starts_at)}};
    json::array categories;
    for (auto c : item.categories) categories.emplace_back(domain::to_string(c));
    o["categories"] = std::move(categories);
    if (decision.allowed) {
      if (!item.case_id.empty()) o["case_id"] = item.case_id;
      if (!item.signal_id.empty()) o["signal_id"] = item.signal_id;
      o["pupil"] = json::object{{"id", pupil->pupil.id},
                                {"name", domain::full_name(pupil->pupil)},
                                {"class", pupil->pupil.class_name}};
      // The question is about the pupil: for those who discuss them by name only.
      if (put_forward != m.put_forwards.end())
        o["put_forward"] =
            json::object{{"question", put_forward->second.question},
                         {"membership_id", put_forward->second.membership_id},
                         {"at", domain::format_instant(put_forward->second.created_at)}};
    } else {
      // Why, in the policy's words, without anything that points at the pupil.
      o["anonymous_reason"] = decision.reason;
    }
    json::array attendees;
    for (const auto& a : m.attendees[index]) attendees.push_back(person(a));
    o["attendees"] = std::move(attendees);
    if (auto r = minutes.find(item.id); r != minutes.end())
      o["minutes"] = item_minutes_json(r->second, plans && decision.allowed);
    items.push_back(std::move(o));
    events.push_back(
        decision_event(actor, req, decision, "read", "meeting_item", item.id, item.pupil_id));
  }
  const auto& s = m.series;
  return json::object{
      {"id", m.meeting.id},
      {"series_id", m.meeting.series_id},
      {"school_id", m.meeting.school_id},
      {"kind", m.meeting.kind},
      {"title", s.title},
      {"starts_at", domain::format_instant(m.meeting.starts_at)},
      {"duration_minutes", m.meeting.duration_minutes},
      {"place", m.meeting.place},
      {"video_link", m.meeting.video_link},
      {"status", m.meeting.status},
      {"chair_membership_id", s.chair_membership_id},
      {"version", m.meeting.version},
      {"minutes_closed_at", optional_instant(m.meeting.minutes_closed_at)},
      {"sees_every_item", domain::sees_every_item(actor.viewer, m.facts)},
      {"may", json::object{{"plan", plans && open},
                           {"record_minutes", plans && open},
                           {"close_minutes", plans && open && m.meeting.starts_at <= now}}},
      {"items", std::move(items)},
  };
}

json::array case_meetings_json(store::ReadTx& tx, const std::string& case_id,
                               const domain::Viewer& viewer, domain::Millis now) {
  constexpr domain::Millis kYear = 365LL * 24 * 3600 * 1000;
  constexpr std::size_t kAtMost = 10;
  json::array out;
  auto meetings = tx.meetings_of_case(case_id);
  // The nearest first: the coming meetings, then the latest discussed.
  std::stable_partition(meetings.begin(), meetings.end(),
                        [&](const auto& m) { return m.starts_at >= now; });
  for (auto& m : meetings) {
    bool coming = m.status == "planned" && !m.minutes_closed_at && m.starts_at >= now;
    bool discussed = m.minutes_closed_at && m.starts_at >= now - kYear;
    if ((!coming && !discussed) || out.size() == kAtMost) continue;
    auto loaded = load_meeting(tx, std::move(m));
    if (!loaded) continue;
    json::object o{{"kind", loaded->meeting.kind},
                   {"title", loaded->series.title},
                   {"starts_at", domain::format_instant(loaded->meeting.starts_at)},
                   {"state", coming ? "planned" : "discussed"}};
    if (domain::decide_meeting_access(viewer, loaded->facts).allowed) o["id"] = loaded->meeting.id;
    out.push_back(std::move(o));
  }
  return out;
}

json::object item_minutes_json(const store::MeetingMinutesRecord& r, bool with_text) {
  json::object o{{"present", json::array(r.present.begin(), r.present.end())},
                 {"action_ids", json::array(r.action_ids.begin(), r.action_ids.end())},
                 {"version", r.version}};
  if (!r.entry_id.empty()) o["entry_id"] = r.entry_id;
  if (with_text && r.entry_id.empty()) {
    o["summary"] = r.summary;
    o["decisions"] = r.decisions;
    o["category"] = domain::to_string(r.category);
    o["audience"] = domain::to_string(r.audience);
    o["family_visible"] = r.family_visible;
  }
  return o;
}

MeetingChange begin_meeting_change(store::ReadTx& tx, const Actor& actor,
                                   const http::Request& req) {
  MeetingChange out;
  auto record = tx.meeting(req.params.at("id"));
  if (record) out.meeting = load_meeting(tx, std::move(*record));
  auto sees = out.meeting ? domain::decide_meeting_access(actor.viewer, out.meeting->facts)
                          : domain::Decision{};
  if (out.meeting && sees.allowed)
    out.decision = domain::decide_meeting_planning(actor.viewer, out.meeting->meeting.school_id,
                                                   out.meeting->series.chair_membership_id);
  if (!out.meeting || !sees.allowed || !out.decision.allowed)
    out.denied = refuse(actor, req, sees.allowed ? out.decision : sees,
                        {"meeting", req.params.at("id"), ""}, sees.allowed, "no such meeting");
  else if (out.meeting->meeting.status != "planned")
    out.denied = fail("meeting_cancelled", "a cancelled meeting does not change");
  else if (out.meeting->meeting.minutes_closed_at)
    out.denied = fail("minutes_closed",
                      "the minutes of this meeting are closed; correct what was said in the case");
  return out;
}

json::object series_json(const store::MeetingSeriesRecord& s, bool may_plan) {
  json::array members, skipped;
  for (const auto& m : s.members)
    members.push_back(json::object{{"membership_id", m.membership_id},
                                   {"role", domain::to_string(m.role)},
                                   {"organisation_id", m.organisation_id}});
  for (const auto& d : s.skipped_weeks) skipped.emplace_back(domain::to_iso(d));
  std::string time = fmt::format("{:02d}:{:02d}", s.start_minute / 60, s.start_minute % 60);
  return json::object{
      {"id", s.id},
      {"school_id", s.school_id},
      {"kind", s.kind},
      {"title", s.title},
      {"chair_membership_id", s.chair_membership_id},
      {"weekday", s.weekday},
      {"start_time", time},
      {"duration_minutes", s.duration_minutes},
      {"interval_weeks", s.interval_weeks},
      {"place", s.place},
      {"video_link", s.video_link},
      {"skipped_weeks", std::move(skipped)},
      {"members", std::move(members)},
      {"version", s.version},
      {"may", json::object{{"plan", may_plan}}},
  };
}

}  // namespace samen::api
