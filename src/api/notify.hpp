#pragma once
// Telling a user there is news (issue 14), inside the write that made the news: the
// notification in their list, and — when the server sends e-mail and the user chose it —
// a mail in the queue at once, or a mark for their daily digest. Nobody is told about
// their own doing.
#include <string>
#include <vector>

#include "api/context.hpp"
#include "domain/notifications.hpp"

namespace samen::api {

void notify_user(store::WriteTx& tx, const Settings& settings, const std::string& user_id,
                 domain::NotificationKind kind, const std::string& link, domain::Millis now,
                 const std::string& actor_user_id);
// Each user once.
void notify_users(store::WriteTx& tx, const Settings& settings,
                  const std::vector<std::string>& user_ids, domain::NotificationKind kind,
                  const std::string& link, domain::Millis now, const std::string& actor_user_id);

}  // namespace samen::api
