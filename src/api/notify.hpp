#pragma once
// Telling a user there is news (issue 14), inside the write that made the news: the
// notification in their list, and — when the server sends e-mail and the user chose it —
// a mail in the queue at once, or a mark for their daily digest. Nobody is told about
// their own doing.
#include <functional>
#include <string>
#include <vector>

#include "api/context.hpp"
#include "domain/notifications.hpp"

namespace samen::api {

// An iCalendar attachment made for the one it goes to (their address, their time), or "".
using CalendarFor = std::function<std::string(const store::User&)>;

// The calendar goes with the mail only: those who chose a digest or no mail get the
// notification, and their calendar feed (docs/decisions.md).
void notify_user(store::WriteTx& tx, const Settings& settings, const std::string& user_id,
                 domain::NotificationKind kind, const std::string& link, domain::Millis now,
                 const std::string& actor_user_id, const CalendarFor& calendar = {});
// Each user once.
void notify_users(store::WriteTx& tx, const Settings& settings,
                  const std::vector<std::string>& user_ids, domain::NotificationKind kind,
                  const std::string& link, domain::Millis now, const std::string& actor_user_id);

// The owner of an action that was given to them (added, or handed to a new owner).
void tell_action_owner(store::WriteTx& tx, const Settings& settings, const store::ActionRecord& act,
                       const std::string& actor_user_id);

// Everyone at a case's table now (the lead and the team), once each, of news about it.
void tell_case_table(store::WriteTx& tx, const Settings& settings, const std::string& case_id,
                     domain::NotificationKind kind, const std::string& actor_user_id);

}  // namespace samen::api
