#pragma once
// Calendar dates and instants as the domain uses them. Dates of birth and enrolment are
// civil dates without a time zone; moments (audit, sessions) are UTC milliseconds since
// the epoch, written as ISO 8601 with a trailing Z. Ages are whole years on a date, the
// way the WGBO age bands count them.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace samen::domain {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const Date&) const = default;
};

// Accepts yyyy-mm-dd and, because Dutch school systems export it, dd-mm-yyyy.
std::optional<Date> parse_date(std::string_view text);
// Only yyyy-mm-dd: the API's single date format.
std::optional<Date> parse_iso_date(std::string_view text);
std::string to_iso(Date date);
int age_on(Date birth, Date on);
Date date_of(std::int64_t epoch_ms);
Date add_days(Date date, int days);

using Millis = std::int64_t;
Millis now_millis();
std::string format_instant(Millis epoch_ms);  // 2026-11-24T08:00:00.123Z
std::optional<Millis> parse_instant(std::string_view text);

// The civil date in the Netherlands (Europe/Amsterdam) at an instant: CET (UTC+1), and
// CEST (UTC+2) from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00
// UTC, the EU rule since 1996. Ages "on the day of access" count on this date, so a pupil
// turns 12 at local midnight, not at midnight UTC.
Date netherlands_date_of(Millis epoch_ms);
// The instant local midnight starts a date in the Netherlands.
Millis netherlands_midnight(Date date);
// A moment as the API takes one: an ISO 8601 instant, or a date (its local midnight).
std::optional<Millis> parse_moment(std::string_view text);

}  // namespace samen::domain
