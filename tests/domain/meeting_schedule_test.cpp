// When a series' next meeting falls (domain/meeting_schedule.hpp): its weekday and local
// time, every n weeks, holiday weeks skipped, across the change to winter time.
#include "domain/meeting_schedule.hpp"

#include <gtest/gtest.h>

namespace samen::domain {
namespace {

Millis local(Date d, int hour, int minute = 0) {
  return netherlands_midnight(d) + (hour * 60 + minute) * 60'000LL;
}

TEST(MeetingSchedule, Weekdays) {
  EXPECT_EQ(iso_weekday({2026, 12, 7}), 1);  // a Monday
  EXPECT_EQ(iso_weekday({2026, 12, 13}), 7);
  EXPECT_EQ(monday_of({2026, 12, 10}), (Date{2026, 12, 7}));
}

TEST(MeetingSchedule, TheFirstMeetingOnOrAfterNow) {
  MeetingRhythm weekly{2, 8 * 60 + 30, 1, {}};  // Tuesdays 08:30
  EXPECT_EQ(next_meeting_start(weekly, std::nullopt, local({2026, 12, 7}, 12)),
            local({2026, 12, 8}, 8, 30));
  // Later on the Tuesday itself: the week after.
  EXPECT_EQ(next_meeting_start(weekly, std::nullopt, local({2026, 12, 8}, 9)),
            local({2026, 12, 15}, 8, 30));
}

TEST(MeetingSchedule, EveryFiveWeeksAndHolidaysSkipped) {
  MeetingRhythm core{4, 15 * 60, 5, {}};  // Thursdays 15:00, every five weeks
  EXPECT_EQ(next_meeting_start(core, local({2026, 11, 5}, 15), 0), local({2026, 12, 10}, 15));
  MeetingRhythm weekly{1, 9 * 60, 1, {{2026, 12, 21}, {2026, 12, 28}}};  // Christmas holiday
  EXPECT_EQ(next_meeting_start(weekly, local({2026, 12, 14}, 9), 0), local({2027, 1, 4}, 9));
}

TEST(MeetingSchedule, LocalTimeAcrossTheChangeToWinterTime) {
  MeetingRhythm weekly{1, 9 * 60, 1, {}};
  Millis before = local({2026, 10, 19}, 9);
  Millis after = next_meeting_start(weekly, before, 0);
  EXPECT_EQ(after, local({2026, 10, 26}, 9));
  EXPECT_EQ(after - before, 7 * 24 * 3600 * 1000LL + 3600 * 1000LL);  // an hour longer
}

}  // namespace
}  // namespace samen::domain
