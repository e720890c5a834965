#include "domain/meeting_schedule.hpp"

#include <algorithm>
#include <chrono>

namespace samen::domain {
namespace {

std::chrono::sys_days days_of(Date d) {
  return std::chrono::year_month_day{std::chrono::year{d.year},
                                     std::chrono::month{static_cast<unsigned>(d.month)},
                                     std::chrono::day{static_cast<unsigned>(d.day)}};
}

Millis start_on(const MeetingRhythm& r, Date d) {
  return netherlands_midnight(d) + static_cast<Millis>(r.start_minute) * 60'000;
}

bool skipped(const MeetingRhythm& r, Date d) {
  Date monday = monday_of(d);
  return std::find(r.skipped_weeks.begin(), r.skipped_weeks.end(), monday) != r.skipped_weeks.end();
}

// The rhythm's weekday on or after `d`.
Date weekday_on_or_after(const MeetingRhythm& r, Date d) {
  int ahead = (r.weekday - iso_weekday(d) + 7) % 7;
  return add_days(d, ahead);
}

}  // namespace

int iso_weekday(Date date) {
  return static_cast<int>(std::chrono::weekday{days_of(date)}.iso_encoding());
}

Date monday_of(Date date) { return add_days(date, 1 - iso_weekday(date)); }

Millis next_meeting_start(const MeetingRhythm& r, std::optional<Millis> previous,
                          Millis not_before) {
  Date d;
  if (previous) {
    d = weekday_on_or_after(r, add_days(netherlands_date_of(*previous), 7 * r.interval_weeks));
  } else {
    d = weekday_on_or_after(r, netherlands_date_of(not_before));
    if (start_on(r, d) < not_before) d = add_days(d, 7);
  }
  // A holiday week moves the meeting to the week after; a year of holidays is the limit.
  for (int guard = 0; guard < 53 && skipped(r, d); ++guard) d = add_days(d, 7);
  return start_on(r, d);
}

std::optional<int> parse_clock_minute(std::string_view text) {
  auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4))
    return std::nullopt;
  int h = (text[0] - '0') * 10 + (text[1] - '0');
  int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

}  // namespace samen::domain
