// The invitations read back with libical's own parser, as a calendar client would.
#include "notify/meeting_calendar.hpp"

#include <gtest/gtest.h>
#include <libical/ical.h>

namespace samen::notify {
namespace {

constexpr domain::Millis kTuesday0830 = 1796715000000;  // 2026-12-08T07:30:00Z, 08:30 in Lindeveld

CalendarEvent weekly() {
  CalendarEvent e;
  e.uid = "samen-meeting-5-user-12@samen.lindeveld.example";
  e.sequence = 3;
  e.starts_at = kTuesday0830;
  e.ends_at = kTuesday0830 + 90 * 60 * 1000;
  e.summary = "Zorgoverleg Het Baken";
  e.location = "Lokaal 1.12";
  e.url = "https://samen.lindeveld.example/overleg/5";
  e.video_link = "https://video.lindeveld.example/zorgoverleg";
  e.organizer = {"Zorgcoördinator Het Baken", "zorg@hetbaken.example"};
  e.attendee = {"Sevda Jeugdverpleegkundige", "jv@ggd-lindeveld.example"};
  return e;
}

struct Parsed {
  icalcomponent* cal;
  explicit Parsed(const std::string& text) : cal(icalparser_parse_string(text.c_str())) {}
  ~Parsed() { icalcomponent_free(cal); }
  icalcomponent* event(int n = 0) const {
    auto* e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
    while (e && n-- > 0) e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT);
    return e;
  }
};

std::string text_of(icalcomponent* c, icalproperty_kind kind) {
  auto* p = icalcomponent_get_first_property(c, kind);
  return p ? icalproperty_get_value_as_string(p) : "";
}

TEST(MeetingCalendar, AnInvitationIsARequestForOneAttendeeInUtc) {
  Parsed p(calendar_invitation(weekly(), kTuesday0830 - 86400000));
  ASSERT_NE(p.cal, nullptr);
  EXPECT_EQ(icalcomponent_get_method(p.cal), ICAL_METHOD_REQUEST);
  auto* e = p.event();
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(std::string(icalcomponent_get_uid(e)),
            "samen-meeting-5-user-12@samen.lindeveld.example");
  EXPECT_EQ(icalcomponent_get_sequence(e), 3);
  EXPECT_EQ(icaltime_as_timet(icalcomponent_get_dtstart(e)), kTuesday0830 / 1000);
  EXPECT_EQ(icaltime_as_timet(icalcomponent_get_dtend(e)), kTuesday0830 / 1000 + 5400);
  EXPECT_TRUE(icaltime_is_utc(icalcomponent_get_dtstart(e)));
  EXPECT_EQ(std::string(icalcomponent_get_summary(e)), "Zorgoverleg Het Baken");
  EXPECT_EQ(std::string(icalcomponent_get_location(e)), "Lokaal 1.12");
  EXPECT_EQ(icalcomponent_get_status(e), ICAL_STATUS_CONFIRMED);
  EXPECT_EQ(text_of(e, ICAL_ORGANIZER_PROPERTY), "mailto:zorg@hetbaken.example");
  EXPECT_EQ(text_of(e, ICAL_ATTENDEE_PROPERTY), "mailto:jv@ggd-lindeveld.example");
  EXPECT_NE(std::string(icalcomponent_get_description(e))
                .find("https://samen.lindeveld.example/overleg/5"),
            std::string::npos);
  EXPECT_EQ(text_of(e, ICAL_CLASS_PROPERTY), "PRIVATE");
}

TEST(MeetingCalendar, ACancellationKeepsTheUidWithItsSequence) {
  auto e = weekly();
  e.cancelled = true;
  e.sequence = 4;
  Parsed p(calendar_invitation(e, kTuesday0830));
  EXPECT_EQ(icalcomponent_get_method(p.cal), ICAL_METHOD_CANCEL);
  EXPECT_EQ(std::string(icalcomponent_get_uid(p.event())), weekly().uid);
  EXPECT_EQ(icalcomponent_get_sequence(p.event()), 4);
  EXPECT_EQ(icalcomponent_get_status(p.event()), ICAL_STATUS_CANCELLED);
}

TEST(MeetingCalendar, TextWithCommasAndNewlinesSurvivesTheRoundTrip) {
  auto e = weekly();
  e.location = "Gebouw B; lokaal 2, tweede etage";
  Parsed p(calendar_invitation(e, kTuesday0830));
  EXPECT_EQ(std::string(icalcomponent_get_location(p.event())), e.location);
  EXPECT_NE(
      std::string(icalcomponent_get_description(p.event())).find("\nVideolink: https://video"),
      std::string::npos);
}

TEST(MeetingCalendar, AFeedPublishesEveryEvent) {
  auto moved = weekly();
  moved.uid = "samen-meeting-6-user-12@samen.lindeveld.example";
  moved.starts_at += 7LL * 86400000;
  moved.ends_at += 7LL * 86400000;
  Parsed p(calendar_feed({weekly(), moved}, kTuesday0830));
  EXPECT_EQ(icalcomponent_get_method(p.cal), ICAL_METHOD_PUBLISH);
  EXPECT_EQ(icalcomponent_count_components(p.cal, ICAL_VEVENT_COMPONENT), 2);
  EXPECT_EQ(std::string(icalcomponent_get_uid(p.event(1))), moved.uid);
}

}  // namespace
}  // namespace samen::notify
