#pragma once
// What the meeting endpoints share: a meeting loaded with its series and, per item, who
// must be there (domain/agenda.hpp, from the case's table and the series' members as they
// are now), the policy's facts about it, and its view for one viewer (items they may see,
// each named or anonymous for them, policy_meetings.hpp) with the audit events of that view.
#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/auth.hpp"
#include "domain/agenda.hpp"
#include "domain/policy_meetings.hpp"
#include "store/store.hpp"

namespace samen::api {

struct LoadedMeeting {
  store::MeetingRecord meeting;
  store::MeetingSeriesRecord series;
  std::vector<std::vector<domain::AgendaAttendee>> attendees;  // per item, in item order
  domain::MeetingFacts facts;
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
// The items the viewer sees (indexes into m.meeting.items).
std::vector<std::size_t> visible_items(const LoadedMeeting& m, const domain::Viewer& viewer);

boost::json::object series_json(const store::MeetingSeriesRecord& s, bool may_plan);

}  // namespace samen::api
