// What the reminder clock owes: overdue actions and coming reviews not reminded of yet.
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {
namespace {

void read_due(Rows& r, const char* kind, std::vector<ReminderDue>& out) {
  while (r.next()) {
    auto date = domain::parse_iso_date(r.text(5));
    if (!date) continue;
    out.push_back({kind, r.id(0), r.id(1), r.id(2), r.id(3), r.id(4), *date});
  }
}

}  // namespace

std::vector<ReminderDue> SqlTx::reminders_due(domain::Date today, domain::Date review_until,
                                              std::size_t limit) {
  std::vector<ReminderDue> out;
  auto actions = db().query(
      "SELECT a.id, c.id, c.pupil_id, c.school_id, a.owner_membership_id, a.due_date "
      "FROM case_actions a JOIN cases c ON c.id = a.case_id "
      "WHERE a.done_at IS NULL AND a.due_date < ? AND a.owner_membership_id IS NOT NULL "
      "AND c.status = 'open' AND NOT EXISTS (SELECT 1 FROM reminders r WHERE "
      "r.kind = 'action_overdue' AND r.subject_id = a.id AND r.date = a.due_date) "
      "ORDER BY a.id LIMIT ?",
      Params().text(domain::to_iso(today)).integer(static_cast<std::int64_t>(limit)));
  read_due(*actions, "action_overdue", out);
  auto reviews = db().query(
      "SELECT c.id, c.id, c.pupil_id, c.school_id, c.lead_membership_id, c.review_date "
      "FROM cases c WHERE c.status = 'open' AND c.review_date >= ? AND c.review_date <= ? "
      "AND c.lead_membership_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM reminders r WHERE "
      "r.kind = 'review_due' AND r.subject_id = c.id AND r.date = c.review_date) "
      "ORDER BY c.id LIMIT ?",
      Params()
          .text(domain::to_iso(today))
          .text(domain::to_iso(review_until))
          .integer(static_cast<std::int64_t>(limit)));
  read_due(*reviews, "review_due", out);
  return out;
}

bool SqlTx::record_reminder(const ReminderDue& r, domain::Millis at) {
  require_write();
  return db().run(
             "INSERT INTO reminders(kind, subject_id, date, given_at) VALUES (?,?,?,?) "
             "ON CONFLICT DO NOTHING",
             Params().text(r.kind).id(r.subject_id).text(domain::to_iso(r.date)).integer(at)) == 1;
}

}  // namespace samen::store::sql
