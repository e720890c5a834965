#include "domain/dates.hpp"

#include <charconv>
#include <cstdio>

namespace samen::domain {
namespace {

using namespace std::chrono;

bool parse_int(std::string_view text, int& out) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && ptr == text.data() + text.size();
}

std::optional<Date> make_date(int y, int m, int d) {
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || y < 1900 || y > 2200) return std::nullopt;
  return Date{y, m, d};
}

sys_days to_sys(Date d) {
  return sys_days{year{d.year} / month{static_cast<unsigned>(d.month)} /
                  day{static_cast<unsigned>(d.day)}};
}

Date from_sys(sys_days days) {
  year_month_day ymd{days};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

constexpr Millis kHourMs = 3'600'000;

Millis millis_of(sys_days days) {
  return duration_cast<milliseconds>(days.time_since_epoch()).count();
}

// 01:00 UTC on the last Sunday of the month: when EU summer time starts (March) or ends
// (October).
Millis eu_switch(int y, unsigned m) {
  sys_days last_sunday{year{y} / month{m} / Sunday[last]};
  return millis_of(last_sunday) + kHourMs;
}

Millis netherlands_offset(Millis utc_ms) {
  int y = date_of(utc_ms).year;
  bool summer = utc_ms >= eu_switch(y, 3) && utc_ms < eu_switch(y, 10);
  return summer ? 2 * kHourMs : kHourMs;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view t) {
  int y, m, d;
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  if (!parse_int(t.substr(0, 4), y) || !parse_int(t.substr(5, 2), m) ||
      !parse_int(t.substr(8, 2), d))
    return std::nullopt;
  return make_date(y, m, d);
}

std::optional<Date> parse_date(std::string_view t) {
  if (auto iso = parse_iso_date(t)) return iso;
  int y, m, d;
  if (t.size() != 10 || t[2] != '-' || t[5] != '-') return std::nullopt;
  if (!parse_int(t.substr(0, 2), d) || !parse_int(t.substr(3, 2), m) ||
      !parse_int(t.substr(6, 4), y))
    return std::nullopt;
  return make_date(y, m, d);
}

std::string to_iso(Date date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

int age_on(Date birth, Date on) {
  int age = on.year - birth.year;
  if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --age;
  return age;
}

Date date_of(std::int64_t epoch_ms) {
  return from_sys(floor<days>(sys_time<milliseconds>{milliseconds{epoch_ms}}));
}

Date add_days(Date date, int n) { return from_sys(to_sys(date) + days{n}); }

Millis now_millis() {
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string format_instant(Millis epoch_ms) {
  sys_time<milliseconds> tp{milliseconds{epoch_ms}};
  auto day_point = floor<days>(tp);
  Date d = from_sys(day_point);
  auto rest = tp - day_point;
  auto h = duration_cast<hours>(rest);
  auto mi = duration_cast<minutes>(rest - h);
  auto s = duration_cast<seconds>(rest - h - mi);
  auto ms = duration_cast<milliseconds>(rest - h - mi - s);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.year, d.month, d.day,
                static_cast<int>(h.count()), static_cast<int>(mi.count()),
                static_cast<int>(s.count()), static_cast<int>(ms.count()));
  return buf;
}

std::optional<Millis> parse_instant(std::string_view t) {
  // yyyy-mm-ddThh:mm:ss[.fff]Z, or a bare date meaning its midnight UTC.
  auto date = parse_iso_date(t.substr(0, 10));
  if (!date) return std::nullopt;
  Millis ms = duration_cast<milliseconds>(to_sys(*date).time_since_epoch()).count();
  if (t.size() == 10) return ms;
  if (t.size() < 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t.back() != 'Z')
    return std::nullopt;
  int h, mi, s, frac = 0;
  if (!parse_int(t.substr(11, 2), h) || !parse_int(t.substr(14, 2), mi) ||
      !parse_int(t.substr(17, 2), s) || h > 23 || mi > 59 || s > 60)
    return std::nullopt;
  std::string_view tail = t.substr(19, t.size() - 20);
  if (!tail.empty()) {
    if (tail.size() != 4 || tail[0] != '.' || !parse_int(tail.substr(1), frac)) return std::nullopt;
  }
  return ms + ((h * 60 + mi) * 60 + s) * 1000LL + frac;
}

Date netherlands_date_of(Millis epoch_ms) {
  return date_of(epoch_ms + netherlands_offset(epoch_ms));
}

Millis netherlands_midnight(Date date) {
  Millis local_midnight_as_utc = millis_of(to_sys(date));
  // The offset at midnight is that of the instant one hour before or after; switches happen
  // at 01:00 UTC (02:00 or 03:00 local), never near midnight.
  return local_midnight_as_utc - netherlands_offset(local_midnight_as_utc);
}

std::optional<Millis> parse_moment(std::string_view text) {
  // A date first: parse_instant also reads "2026-12-05", as UTC midnight, which is 01:00 in
  // the Netherlands — a decision "from today" was then not in force in the first hour.
  if (auto date = parse_iso_date(text)) return netherlands_midnight(*date);
  return parse_instant(text);
}

}  // namespace samen::domain
