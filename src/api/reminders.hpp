#pragma once
// The notifications the clock makes (issue 14): "an action assigned to you … overdue" and
// "a review date coming up". One pass tells the owner of each open action past its due
// date and the lead of each open case whose review date falls within `review_days`, once
// per action and due date or case and review date (store/notification_records.hpp
// ReminderDue), through notify_user like every other notification (the list, and an
// e-mail as the user chose; no pupil data in either). Each reminder is an audit event of
// the system: it read that an action of a pupil's case is overdue.
#include <vector>

#include "api/context.hpp"
#include "audit/audit_entry.hpp"

namespace samen::api {

struct ReminderPass {
  int told = 0;
  std::vector<audit::Event> events;
};

// At most `limit` of each kind per pass; the next pass takes the rest.
ReminderPass send_reminders(store::WriteTx& tx, const Settings& settings, domain::Millis now,
                            int review_days, std::size_t limit = 500);

}  // namespace samen::api
