// The care team's meetings: series with their standing members, meetings and agenda items.
#include <algorithm>

#include "store/case_codes.hpp"
#include "store/sql/row_values.hpp"
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {
namespace {

#define SAMEN_SERIES_SELECT                                                                  \
  "SELECT id, school_id, kind, title, chair_membership_id, weekday, start_minute, "          \
  "duration_minutes, interval_weeks, place, video_link, skipped_weeks, created_by_user_id, " \
  "created_at, version FROM meeting_series "
#define SAMEN_MEETING_SELECT                                                                \
  "SELECT id, series_id, school_id, kind, starts_at, duration_minutes, place, video_link, " \
  "status, created_at, version, minutes_closed_at, minutes_closed_by FROM meetings "

std::string join_dates(const std::vector<domain::Date>& dates) {
  std::string out;
  for (const auto& d : dates) out += (out.empty() ? "" : ",") + domain::to_iso(d);
  return out;
}

std::vector<domain::Date> split_dates(std::string_view text) {
  std::vector<domain::Date> out;
  for (const auto& piece : split_ids(text))
    if (auto d = domain::parse_iso_date(piece)) out.push_back(*d);
  return out;
}

MeetingSeriesRecord read_series(const Rows& r) {
  MeetingSeriesRecord s;
  s.id = r.id(0);
  s.school_id = r.id(1);
  s.kind = r.text(2);
  s.title = r.text(3);
  s.chair_membership_id = r.id(4);
  s.weekday = static_cast<int>(r.integer(5));
  s.start_minute = static_cast<int>(r.integer(6));
  s.duration_minutes = static_cast<int>(r.integer(7));
  s.interval_weeks = static_cast<int>(r.integer(8));
  s.place = r.text(9);
  s.video_link = r.text(10);
  s.skipped_weeks = split_dates(r.text(11));
  s.created_by_user_id = r.id(12);
  s.created_at = r.integer(13);
  s.version = r.integer(14);
  return s;
}

MeetingRecord read_meeting(const Rows& r) {
  MeetingRecord m;
  m.id = r.id(0);
  m.series_id = r.id(1);
  m.school_id = r.id(2);
  m.kind = r.text(3);
  m.starts_at = r.integer(4);
  m.duration_minutes = static_cast<int>(r.integer(5));
  m.place = r.text(6);
  m.video_link = r.text(7);
  m.status = r.text(8);
  m.created_at = r.integer(9);
  m.version = r.integer(10);
  m.minutes_closed_at = millis(r, 11);
  m.minutes_closed_by_user_id = r.id(12);
  return m;
}

}  // namespace

std::vector<SeriesMemberRecord> SqlTx::series_members(const std::string& series_id) {
  auto r = db().query(
      "SELECT m.id, m.user_id, m.organisation_id, m.role FROM meeting_series_members s "
      "JOIN memberships m ON m.id = s.membership_id WHERE s.series_id = ? ORDER BY m.id",
      Params().id(series_id));
  std::vector<SeriesMemberRecord> out;
  while (r->next()) {
    SeriesMemberRecord m{r->id(0), r->id(1), r->id(2)};
    if (auto role = domain::parse_role(r->text(3))) m.role = *role;
    out.push_back(std::move(m));
  }
  return out;
}

std::optional<MeetingSeriesRecord> SqlTx::meeting_series(const std::string& id) {
  auto r = db().query(SAMEN_SERIES_SELECT "WHERE id = ?", Params().id(id));
  if (!r->next()) return std::nullopt;
  auto s = read_series(*r);
  s.members = series_members(s.id);
  return s;
}

std::vector<MeetingSeriesRecord> SqlTx::meeting_series_of_school(const std::string& school_id) {
  auto r =
      db().query(SAMEN_SERIES_SELECT "WHERE school_id = ? ORDER BY id", Params().id(school_id));
  std::vector<MeetingSeriesRecord> out;
  while (r->next()) out.push_back(read_series(*r));
  for (auto& s : out) s.members = series_members(s.id);
  return out;
}

std::string SqlTx::insert_meeting_series(const MeetingSeriesRecord& s) {
  require_write();
  Params p;
  p.id(s.school_id).text(s.kind).text(s.title).id(s.chair_membership_id).integer(s.weekday);
  p.integer(s.start_minute).integer(s.duration_minutes).integer(s.interval_weeks);
  p.text(s.place).text(s.video_link).text(join_dates(s.skipped_weeks));
  p.id(s.created_by_user_id).integer(s.created_at);
  std::string id = inserted_id(
      "INSERT INTO meeting_series(school_id, kind, title, chair_membership_id, weekday, "
      "start_minute, duration_minutes, interval_weeks, place, video_link, skipped_weeks, "
      "created_by_user_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
      p);
  for (const auto& m : s.members)
    db().run("INSERT INTO meeting_series_members(series_id, membership_id) VALUES (?,?)",
             Params().id(id).id(m.membership_id));
  return id;
}

std::vector<MeetingItemRecord> SqlTx::meeting_items(const std::string& meeting_id) {
  auto r = db().query(
      "SELECT id, meeting_id, position, case_id, signal_id, pupil_id, reason, reasons, "
      "categories, starts_at FROM meeting_items WHERE meeting_id = ? ORDER BY position, id",
      Params().id(meeting_id));
  std::vector<MeetingItemRecord> out;
  while (r->next()) {
    MeetingItemRecord i;
    i.id = r->id(0);
    i.meeting_id = r->id(1);
    i.position = static_cast<int>(r->integer(2));
    i.case_id = r->id(3);
    i.signal_id = r->id(4);
    i.pupil_id = r->id(5);
    i.reason = r->text(6);
    i.reasons = split_ids(r->text(7));
    i.categories = split_categories(r->text(8));
    i.starts_at = millis(*r, 9);
    out.push_back(std::move(i));
  }
  return out;
}

std::optional<MeetingRecord> SqlTx::meeting(const std::string& id) {
  auto r = db().query(SAMEN_MEETING_SELECT "WHERE id = ?", Params().id(id));
  if (!r->next()) return std::nullopt;
  auto m = read_meeting(*r);
  m.items = meeting_items(m.id);
  return m;
}

std::vector<MeetingRecord> SqlTx::meetings_of_school(const std::string& school_id,
                                                     domain::Millis from, domain::Millis to) {
  auto r = db().query(SAMEN_MEETING_SELECT
                      "WHERE school_id = ? AND starts_at >= ? AND starts_at < ? "
                      "ORDER BY starts_at, id",
                      Params().id(school_id).integer(from).integer(to));
  std::vector<MeetingRecord> out;
  while (r->next()) out.push_back(read_meeting(*r));
  for (auto& m : out) m.items = meeting_items(m.id);
  return out;
}

std::vector<MeetingRecord> SqlTx::meetings_of_series(const std::string& series_id) {
  auto r = db().query(SAMEN_MEETING_SELECT "WHERE series_id = ? ORDER BY starts_at, id",
                      Params().id(series_id));
  std::vector<MeetingRecord> out;
  while (r->next()) out.push_back(read_meeting(*r));
  return out;
}

std::vector<MeetingRecord> SqlTx::meetings_of_case(const std::string& case_id) {
  auto r = db().query(SAMEN_MEETING_SELECT
                      "WHERE id IN (SELECT meeting_id FROM meeting_items WHERE case_id = ?) "
                      "ORDER BY starts_at, id",
                      Params().id(case_id));
  std::vector<MeetingRecord> out;
  while (r->next()) out.push_back(read_meeting(*r));
  return out;
}

std::string SqlTx::insert_meeting(const MeetingRecord& m) {
  require_write();
  Params p;
  p.id(m.series_id).id(m.school_id).text(m.kind).integer(m.starts_at).integer(m.duration_minutes);
  p.text(m.place).text(m.video_link).text(m.status).integer(m.created_at);
  std::string id = inserted_id(
      "INSERT INTO meetings(series_id, school_id, kind, starts_at, duration_minutes, place, "
      "video_link, status, created_at) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
      p);
  int position = 0;
  for (const auto& i : m.items) insert_meeting_item(id, ++position, i);
  return id;
}

void SqlTx::insert_meeting_item(const std::string& meeting_id, int position,
                                const MeetingItemRecord& i) {
  Params q;
  q.id(meeting_id).integer(position).id(i.case_id).id(i.signal_id).id(i.pupil_id).text(i.reason);
  q.text(join_ids(i.reasons)).text(join_categories(i.categories));
  millis(q, i.starts_at);
  db().run(
      "INSERT INTO meeting_items(meeting_id, position, case_id, signal_id, pupil_id, reason, "
      "reasons, categories, starts_at) VALUES (?,?,?,?,?,?,?,?,?)",
      q);
}

bool SqlTx::update_meeting(const MeetingRecord& m, std::int64_t expected_version) {
  require_write();
  Params p;
  p.integer(m.starts_at).integer(m.duration_minutes).text(m.place).text(m.video_link);
  p.text(m.status).id(m.id).integer(expected_version);
  return db().run(
             "UPDATE meetings SET starts_at = ?, duration_minutes = ?, place = ?, video_link = ?, "
             "status = ?, version = version + 1 WHERE id = ? AND version = ?",
             p) == 1;
}

bool SqlTx::replace_agenda(const std::string& meeting_id,
                           const std::vector<MeetingItemRecord>& items,
                           std::int64_t expected_version) {
  require_write();
  if (db().run("UPDATE meetings SET version = version + 1 WHERE id = ? AND version = ?",
               Params().id(meeting_id).integer(expected_version)) != 1)
    return false;
  std::vector<std::string> kept;
  for (const auto& i : items)
    if (!i.id.empty()) kept.push_back(i.id);
  for (const auto& old : meeting_items(meeting_id))
    if (std::find(kept.begin(), kept.end(), old.id) == kept.end())
      db().run("DELETE FROM meeting_items WHERE id = ?", Params().id(old.id));
  int position = 0;
  for (const auto& i : items) {
    ++position;
    if (i.id.empty()) {
      insert_meeting_item(meeting_id, position, i);
      continue;
    }
    Params p;
    p.integer(position);
    millis(p, i.starts_at);
    p.id(i.id).id(meeting_id);
    db().run("UPDATE meeting_items SET position = ?, starts_at = ? WHERE id = ? AND meeting_id = ?",
             p);
  }
  return true;
}

}  // namespace samen::store::sql
