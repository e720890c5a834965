#include "api/reminders.hpp"

#include "api/notify.hpp"

namespace samen::api {
namespace {

audit::Event reminder_event(store::ReadTx& tx, const store::ReminderDue& r) {
  audit::Event e;
  e.actor_role = "system";
  e.action = "remind";
  e.resource_type = r.kind == "action_overdue" ? "action" : "case";
  e.resource_id = r.subject_id;
  e.pupil_id = r.pupil_id;
  e.decision = "allow";
  e.reason = r.kind;
  if (auto school = tx.organisation(r.school_id)) e.region_id = school->region_id;
  return e;
}

}  // namespace

ReminderPass send_reminders(store::WriteTx& tx, const Settings& settings, domain::Millis now,
                            int review_days, std::size_t limit) {
  ReminderPass pass;
  const domain::Date today = domain::netherlands_date_of(now);
  const domain::Date until = domain::add_days(today, review_days);
  for (const auto& r : tx.reminders_due(today, until, limit)) {
    if (!tx.record_reminder(r, now)) continue;
    auto kind = domain::parse_notification_kind(r.kind);
    auto whom = tx.membership(r.membership_id);
    // An ended membership has nobody to tell; the reminder counts as given.
    if (!kind || !whom || !whom->active) continue;
    notify_user(tx, settings, whom->user_id, *kind, "/dossiers/" + r.case_id, now, "");
    pass.events.push_back(reminder_event(tx, r));
    ++pass.told;
  }
  return pass;
}

}  // namespace samen::api
