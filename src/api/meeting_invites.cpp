#include "api/meeting_invites.hpp"

#include <algorithm>

#include "api/notify.hpp"
#include "notify/meeting_calendar.hpp"

namespace samen::api {
namespace {

constexpr domain::Millis kMinute = 60 * 1000;

domain::Millis meeting_end(const store::MeetingRecord& m) {
  return m.starts_at + m.duration_minutes * kMinute;
}

// An item's part: from its slot to the next later slot, or the end of the meeting.
AttendanceWindow item_window(const store::MeetingRecord& m, const store::MeetingItemRecord& item) {
  if (!item.starts_at) return {m.starts_at, meeting_end(m)};
  domain::Millis until = meeting_end(m);
  for (const auto& other : m.items)
    if (other.starts_at && *other.starts_at > *item.starts_at)
      until = std::min(until, *other.starts_at);
  return {*item.starts_at, until};
}

void widen(std::map<std::string, AttendanceWindow>& out, const std::string& user_id,
           AttendanceWindow w) {
  auto [it, fresh] = out.try_emplace(user_id, w);
  if (fresh) return;
  it->second.from = std::min(it->second.from, w.from);
  it->second.until = std::max(it->second.until, w.until);
}

// The host in public_url, for UIDs unique beyond this server.
std::string uid_host(const std::string& public_url) {
  auto start = public_url.find("://");
  auto host = public_url.substr(start == std::string::npos ? 0 : start + 3);
  return host.substr(0, host.find_first_of(":/"));
}

notify::CalendarPerson chair_of(store::ReadTx& tx, const LoadedMeeting& m) {
  auto membership = tx.membership(m.series.chair_membership_id);
  auto user = membership ? tx.user(membership->user_id) : std::nullopt;
  if (!user) return {};
  return {user->name, user->email};
}

bool same_place(const store::MeetingRecord& a, const store::MeetingRecord& b) {
  return a.place == b.place && a.video_link == b.video_link;
}

}  // namespace

std::map<std::string, AttendanceWindow> attendance_windows(store::ReadTx& tx,
                                                           const LoadedMeeting& loaded) {
  const auto& m = loaded.meeting;
  std::map<std::string, AttendanceWindow> out;
  const AttendanceWindow whole{m.starts_at, meeting_end(m)};
  if (auto chair = tx.membership(loaded.series.chair_membership_id))
    widen(out, chair->user_id, whole);
  for (const auto& member : loaded.series.members) widen(out, member.user_id, whole);
  for (std::size_t i = 0; i < loaded.attendees.size() && i < m.items.size(); ++i)
    for (const auto& a : loaded.attendees[i])
      if (auto membership = tx.membership(a.membership_id))
        widen(out, membership->user_id, item_window(m, m.items[i]));
  return out;
}

notify::CalendarEvent meeting_event(store::ReadTx& tx, const Settings& settings,
                                    const LoadedMeeting& loaded, const store::User& user,
                                    AttendanceWindow w, bool cancelled) {
  const auto& m = loaded.meeting;
  notify::CalendarEvent e;
  e.uid = "samen-meeting-" + m.id + "-user-" + user.id + "@" + uid_host(settings.public_url);
  e.sequence = m.version;
  e.cancelled = cancelled;
  e.starts_at = w.from;
  e.ends_at = w.until;
  e.summary = loaded.series.title;
  e.location = m.place;
  e.video_link = m.video_link;
  e.url = settings.public_url + "/overleg/" + m.id;
  e.organizer = chair_of(tx, loaded);
  e.attendee = {user.name, user.email};
  return e;
}

void tell_meeting_change(store::WriteTx& tx, const Settings& settings, const LoadedMeeting* before,
                         const LoadedMeeting& after, domain::Millis now,
                         const std::string& actor_user_id) {
  using K = domain::NotificationKind;
  const auto& m = after.meeting;
  const std::string link = "/overleg/" + m.id;
  auto calendar = [&](AttendanceWindow w, bool cancelled) -> CalendarFor {
    return [&, w, cancelled](const store::User& user) {
      return notify::calendar_invitation(meeting_event(tx, settings, after, user, w, cancelled),
                                         now);
    };
  };
  auto tell = [&](const std::string& user_id, K kind, AttendanceWindow w, bool cancelled) {
    notify_user(tx, settings, user_id, kind, link, now, actor_user_id, calendar(w, cancelled));
  };

  const auto was =
      before ? attendance_windows(tx, *before) : std::map<std::string, AttendanceWindow>{};
  const auto now_expected = attendance_windows(tx, after);
  if (m.status == "cancelled") {
    for (const auto& [user, w] : was.empty() ? now_expected : was)
      tell(user, K::meeting_cancelled, w, true);
    return;
  }
  const bool moved = before && !same_place(before->meeting, m);
  for (const auto& [user, w] : now_expected) {
    auto old = was.find(user);
    if (old == was.end())
      tell(user, K::meeting_invited, w, false);
    else if (moved || !(old->second == w))
      tell(user, K::meeting_changed, w, false);
  }
  for (const auto& [user, w] : was)
    if (!now_expected.count(user)) tell(user, K::meeting_cancelled, w, true);
}

}  // namespace samen::api
