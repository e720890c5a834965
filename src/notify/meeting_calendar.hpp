#pragma once
// A meeting as an iCalendar event (RFC 5545, built with libical) for one attendee: the
// invitation that comes with the notification e-mail (METHOD:REQUEST), its update (the
// same UID, a higher SEQUENCE) and its cancellation (METHOD:CANCEL). The event says when,
// where and which meeting, with a link into Samen: never a pupil, a case or an item's
// reason, which calendar servers, phones and mail archives would keep beyond our policy.
#include <string>
#include <vector>

#include "domain/dates.hpp"

namespace samen::notify {

struct CalendarPerson {
  std::string name;
  std::string email;
};

struct CalendarEvent {
  std::string uid;         // stable per meeting and attendee: updates replace, not add
  long long sequence = 0;  // the meeting's version: higher with every change
  bool cancelled = false;
  domain::Millis starts_at = 0;
  domain::Millis ends_at = 0;
  std::string summary;   // the meeting's title ("Zorgoverleg Het Baken")
  std::string location;  // the room
  std::string url;       // the meeting in Samen
  std::string video_link;
  CalendarPerson organizer;  // the chair
  CalendarPerson attendee;
};

// METHOD:REQUEST, or METHOD:CANCEL when cancelled; one VEVENT.
std::string calendar_invitation(const CalendarEvent& event, domain::Millis stamp);
// METHOD:PUBLISH with the events (a subscribed calendar); cancelled ones are marked so.
std::string calendar_feed(const std::vector<CalendarEvent>& events, domain::Millis stamp);

}  // namespace samen::notify
