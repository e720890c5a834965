#pragma once
// When a series' next meeting falls (issue 14): on its weekday and time (Europe/Amsterdam),
// every `interval_weeks` weeks after the previous one, a holiday week skipped (the meeting
// then moves to the week after). Pure.
#include <optional>
#include <string_view>
#include <vector>

#include "domain/dates.hpp"

namespace samen::domain {

struct MeetingRhythm {
  int weekday = 1;       // ISO: 1 Monday .. 7 Sunday
  int start_minute = 0;  // minutes after local midnight
  int interval_weeks = 1;
  std::vector<Date> skipped_weeks;  // the Mondays of weeks without a meeting
};

// ISO weekday of a date: 1 Monday .. 7 Sunday.
int iso_weekday(Date date);
// The Monday of the date's week.
Date monday_of(Date date);

// The first meeting after `previous` (the last meeting's start; nullopt: the first one,
// on or after `not_before`'s date and not before it).
Millis next_meeting_start(const MeetingRhythm& rhythm, std::optional<Millis> previous,
                          Millis not_before);

// "08:30" -> 510 minutes after midnight; nullopt for anything but HH:MM.
std::optional<int> parse_clock_minute(std::string_view text);

}  // namespace samen::domain
