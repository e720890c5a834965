// The minutes of a meeting: per item, typed by the chair until the minutes are closed.
#include "store/case_codes.hpp"
#include "store/sql/row_values.hpp"
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {

std::vector<MeetingMinutesRecord> SqlTx::meeting_minutes(const std::string& meeting_id) {
  auto r = db().query(
      "SELECT id, meeting_id, item_id, present, summary, decisions, category, audience, "
      "family_visible, action_ids, entry_id, updated_by_user_id, updated_at, version "
      "FROM meeting_minutes WHERE meeting_id = ? ORDER BY id",
      Params().id(meeting_id));
  std::vector<MeetingMinutesRecord> out;
  while (r->next()) {
    MeetingMinutesRecord m;
    m.id = r->id(0);
    m.meeting_id = r->id(1);
    m.item_id = r->id(2);
    m.present = split_ids(r->text(3));
    m.summary = open("meeting_minutes", "summary", m.id, r->text(4));
    m.decisions = open("meeting_minutes", "decisions", m.id, r->text(5));
    if (auto c = domain::parse_entry_category(r->text(6))) m.category = *c;
    if (auto a = domain::parse_audience(r->text(7))) m.audience = *a;
    m.family_visible = r->boolean(8);
    m.action_ids = split_ids(r->text(9));
    m.entry_id = r->id(10);
    m.updated_by_user_id = r->id(11);
    m.updated_at = r->integer(12);
    m.version = r->integer(13);
    out.push_back(std::move(m));
  }
  return out;
}

bool SqlTx::save_item_minutes(const MeetingMinutesRecord& m, std::int64_t expected_version) {
  require_write();
  auto existing = db().query("SELECT id, version FROM meeting_minutes WHERE item_id = ?",
                             Params().id(m.item_id));
  std::string id;
  if (existing->next()) {
    if (existing->integer(1) != expected_version) return false;
    id = existing->id(0);
  } else if (expected_version != 0) {
    return false;
  }
  bool adding = id.empty();
  if (adding) id = reserve_id("meeting_minutes");
  Params p;
  p.text(join_ids(m.present)).text(seal("meeting_minutes", "summary", id, m.summary));
  p.text(seal("meeting_minutes", "decisions", id, m.decisions));
  p.text(domain::to_string(m.category)).text(domain::to_string(m.audience));
  p.boolean(m.family_visible).text(join_ids(m.action_ids)).id(m.entry_id);
  p.id(m.updated_by_user_id).integer(m.updated_at);
  if (adding) {
    p.id(id).id(m.meeting_id).id(m.item_id);
    db().run(
        "INSERT INTO meeting_minutes(present, summary, decisions, category, audience, "
        "family_visible, action_ids, entry_id, updated_by_user_id, updated_at, id, meeting_id, "
        "item_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        p);
    return true;
  }
  p.id(id).integer(expected_version);
  return db().run(
             "UPDATE meeting_minutes SET present = ?, summary = ?, decisions = ?, category = ?, "
             "audience = ?, family_visible = ?, action_ids = ?, entry_id = ?, "
             "updated_by_user_id = ?, updated_at = ?, version = version + 1 "
             "WHERE id = ? AND version = ?",
             p) == 1;
}

bool SqlTx::close_meeting_minutes(const std::string& meeting_id, std::int64_t expected_version,
                                  const std::string& user_id, domain::Millis at) {
  require_write();
  return db().run(
             "UPDATE meetings SET minutes_closed_at = ?, minutes_closed_by = ?, "
             "version = version + 1 WHERE id = ? AND version = ? AND minutes_closed_at IS NULL",
             Params().integer(at).id(user_id).id(meeting_id).integer(expected_version)) == 1;
}

}  // namespace samen::store::sql
