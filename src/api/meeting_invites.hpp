#pragma once
// Telling whom a meeting concerns, with a calendar event each (issue 14): the chair and the
// standing members for the whole meeting, whoever an item calls for the part with their
// items (from their first slot to the end of their last; the whole meeting while one of
// their items has no slot). Compared with the meeting before a change: who is new is
// invited, whose time, room or link changed gets the update (same UID, higher SEQUENCE),
// who is no longer called, or everyone when it is cancelled, gets the cancellation.
// Nobody is told of their own doing.
#include <map>
#include <string>

#include "api/context.hpp"
#include "api/meeting_support.hpp"
#include "notify/meeting_calendar.hpp"

namespace samen::api {

struct AttendanceWindow {
  domain::Millis from = 0;
  domain::Millis until = 0;
  bool operator==(const AttendanceWindow&) const = default;
};

// Per user id: the part of the meeting they are expected at.
std::map<std::string, AttendanceWindow> attendance_windows(store::ReadTx& tx,
                                                           const LoadedMeeting& meeting);

// One person's event of a meeting, their part of it: the invitation and the personal feed
// share it (the same UID, so a feed and an invitation are one event in a calendar).
notify::CalendarEvent meeting_event(store::ReadTx& tx, const Settings& settings,
                                    const LoadedMeeting& loaded, const store::User& user,
                                    AttendanceWindow w, bool cancelled);

void tell_meeting_change(store::WriteTx& tx, const Settings& settings, const LoadedMeeting* before,
                         const LoadedMeeting& after, domain::Millis now,
                         const std::string& actor_user_id);

}  // namespace samen::api
