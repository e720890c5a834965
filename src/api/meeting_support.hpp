#pragma once
// What the meeting endpoints share: a meeting loaded with its series and, per item, who
// must be there (domain/agenda.hpp, from the case's table and the series' members as they
// are now), the policy's facts about it, and its view for one viewer (items they may see,
// each named or anonymous for them, policy_meetings.hpp) with the audit events of that view.
#include <boost/json.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/auth.hpp"
#include "domain/agenda.hpp"
#include "domain/policy_meetings.hpp"
#include "http/reply.hpp"
#include "store/store.hpp"

namespace samen::api {

struct LoadedMeeting {
  store::MeetingRecord meeting;
  store::MeetingSeriesRecord series;
  std::vector<std::vector<domain::AgendaAttendee>> attendees;  // per item, in item order
  domain::MeetingFacts facts;
  // The cases put forward that this meeting answers, by case id: those discussed at it once
  // its minutes are closed, the school's open ones before.
  std::map<std::string, store::PutForwardRecord> put_forwards;
};

// The series' next meeting (or the one at `starts_at`), not stored yet: after the last one
// before it, a holiday week skipped; a case consultation with its agenda proposed from the
// school's open signals and cases as they are now (domain/agenda.hpp).
store::MeetingRecord plan_meeting_of(store::ReadTx& tx, const store::MeetingSeriesRecord& series,
                                     std::optional<domain::Millis> starts_at, domain::Millis now);

std::optional<LoadedMeeting> load_meeting(store::ReadTx& tx, store::MeetingRecord meeting);
std::vector<domain::SeriesMember> series_members_of(const store::MeetingSeriesRecord& series);
// The schools whose meetings a listing looks at: the one asked for, or, when none is, every
// school of the viewer's region (a partner works with several schools).
std::vector<std::string> schools_to_list(store::ReadTx& tx, const std::string& asked,
                                         const std::string& region_id);
// The policy's facts of a series (chair and standing members), without items.
domain::MeetingFacts series_facts(const store::MeetingSeriesRecord& series);

// The meeting as the viewer may see it: every item or only their own, each named or
// anonymous; `events` gets an audit event per item shown (its named decision).
boost::json::object meeting_json(store::ReadTx& tx, const LoadedMeeting& m, const Actor& actor,
                                 const http::Request& req, std::vector<audit::Event>& events,
                                 domain::Millis now);
// Whether the viewer discusses the item's pupil by name (domain::decide_agenda_item_named,
// with the case's facts and safety decisions as they are now).
domain::Decision item_named_decision(store::ReadTx& tx, const domain::Viewer& viewer,
                                     const store::MeetingItemRecord& item,
                                     const domain::Pupil& pupil,
                                     const std::vector<domain::ConsentGrant>& grants,
                                     domain::Millis now);
// The items the viewer sees (indexes into m.meeting.items).
std::vector<std::size_t> visible_items(const LoadedMeeting& m, const domain::Viewer& viewer);

// The meetings about a case for one who reads the case (the case page, the family
// portal): the coming ones and, for a year, those whose minutes were closed ("discussed"),
// each with its kind, title and time; its id only for whom the meeting exists
// (decide_meeting_access), so the family learns when, not who else is on the agenda.
boost::json::array case_meetings_json(store::ReadTx& tx, const std::string& case_id,
                                      const domain::Viewer& viewer, domain::Millis now);

// An item's minutes: who was there and the actions made, for whoever sees the item; the
// summary, decisions and their audience too while the minutes are open, for the planner
// (`with_text`) — afterwards they are the case's chronology entry `entry_id`.
boost::json::object item_minutes_json(const store::MeetingMinutesRecord& r, bool with_text);

// Changing a meeting (its time, agenda, minutes): the meeting as it is and the planner's
// decision, or the refusal to answer with — the 404 of a missing meeting for whoever may
// not see it, 403 for an invitee who does not plan it (both audited), 409 once it was
// cancelled or its minutes were closed.
struct MeetingChange {
  std::optional<LoadedMeeting> meeting;
  domain::Decision decision;
  std::optional<http::Reply> denied;
};
MeetingChange begin_meeting_change(store::ReadTx& tx, const Actor& actor, const http::Request& req);

boost::json::object series_json(const store::MeetingSeriesRecord& s, bool may_plan);

}  // namespace samen::api
