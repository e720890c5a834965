#include "notify/meeting_calendar.hpp"

#include <libical/ical.h>

#include <memory>

namespace samen::notify {
namespace {

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

// Instants in UTC ("…Z"): every client places them in its own zone, and no VTIMEZONE
// has to travel along.
icaltimetype utc(domain::Millis at) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(at / 1000), 0,
                                       icaltimezone_get_utc_timezone());
}

icalproperty* person(icalproperty* p, const CalendarPerson& who) {
  if (!who.name.empty()) icalproperty_add_parameter(p, icalparameter_new_cn(who.name.c_str()));
  return p;
}

icalcomponent* vevent(const CalendarEvent& e, domain::Millis stamp) {
  icalcomponent* v = icalcomponent_new(ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property(v, icalproperty_new_uid(e.uid.c_str()));
  icalcomponent_add_property(v, icalproperty_new_sequence(static_cast<int>(e.sequence)));
  icalcomponent_add_property(v, icalproperty_new_dtstamp(utc(stamp)));
  icalcomponent_add_property(v, icalproperty_new_dtstart(utc(e.starts_at)));
  icalcomponent_add_property(v, icalproperty_new_dtend(utc(e.ends_at)));
  icalcomponent_add_property(v, icalproperty_new_summary(e.summary.c_str()));
  if (!e.location.empty())
    icalcomponent_add_property(v, icalproperty_new_location(e.location.c_str()));
  std::string description = "De agenda staat in Samen: " + e.url;
  if (!e.video_link.empty()) description += "\nVideolink: " + e.video_link;
  description += "\n\nThe agenda is in Samen: " + e.url;
  icalcomponent_add_property(v, icalproperty_new_description(description.c_str()));
  if (!e.url.empty()) icalcomponent_add_property(v, icalproperty_new_url(e.url.c_str()));
  icalcomponent_add_property(
      v, icalproperty_new_status(e.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  // Who may see the event in a shared calendar: that there is a meeting, not which.
  icalcomponent_add_property(v, icalproperty_new_class(ICAL_CLASS_PRIVATE));
  if (!e.organizer.email.empty())
    icalcomponent_add_property(
        v,
        person(icalproperty_new_organizer(("mailto:" + e.organizer.email).c_str()), e.organizer));
  if (!e.attendee.email.empty()) {
    auto* a = person(icalproperty_new_attendee(("mailto:" + e.attendee.email).c_str()), e.attendee);
    icalproperty_add_parameter(a, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
    icalproperty_add_parameter(a, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
    icalproperty_add_parameter(a, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
    icalcomponent_add_property(v, a);
  }
  return v;
}

std::string calendar(icalproperty_method method, const std::vector<const CalendarEvent*>& events,
                     domain::Millis stamp) {
  Component cal(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//Samen//Zorgoverleg//NL"));
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_method(method));
  icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
  for (const auto* e : events) icalcomponent_add_component(cal.get(), vevent(*e, stamp));
  char* text = icalcomponent_as_ical_string_r(cal.get());
  std::string out = text ? text : "";
  icalmemory_free_buffer(text);
  return out;
}

}  // namespace

std::string calendar_invitation(const CalendarEvent& event, domain::Millis stamp) {
  return calendar(event.cancelled ? ICAL_METHOD_CANCEL : ICAL_METHOD_REQUEST, {&event}, stamp);
}

std::string calendar_feed(const std::vector<CalendarEvent>& events, domain::Millis stamp) {
  std::vector<const CalendarEvent*> all;
  for (const auto& e : events) all.push_back(&e);
  return calendar(ICAL_METHOD_PUBLISH, all, stamp);
}

}  // namespace samen::notify
