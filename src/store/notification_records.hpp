#pragma once
// Notifications and the mail queue (issue 14) as the store keeps them. A notification says
// that there is news for a user and where to look (a path in the web UI), never what the
// news is about: its kind is a code, its link an opaque id, so neither the list nor an
// e-mail made from it carries a pupil's name. Codes are the stored ones:
//   notification kind  domain/notifications.hpp (team_added, signal_triaged, ...)
//   e-mail choice      immediate | digest | none
//   mail purpose       notification | digest | invitation
#include <cstdint>
#include <optional>
#include <string>

#include "domain/dates.hpp"

namespace samen::store {

struct NotificationRecord {
  std::string id;
  std::string user_id;
  std::string kind;
  std::string link;  // a path of the web UI, e.g. /overleg/5
  domain::Millis created_at = 0;
  std::optional<domain::Millis> read_at;
  // Waiting for the user's daily digest (their choice was `digest` when it was made).
  bool digest_pending = false;
};

struct NotificationSettingsRecord {
  std::string user_id;
  std::string email = "immediate";
  std::optional<domain::Millis> last_digest_at;
  std::int64_t version = 0;  // 0: never saved, the defaults apply
};

// A user's personal calendar feed: only the keyed hash of its secret link is stored, so a
// copy of the database opens nobody's calendar; a new link replaces the old one.
struct CalendarFeedRecord {
  std::string user_id;
  std::string token_hash;
  domain::Millis created_at = 0;
};

// A reminder the clock owes someone (issue 14): an open action of theirs on an open case
// past its due date (`action_overdue`, subject the action), or the review date of an open
// case they lead coming up (`review_due`, subject the case). Each is owed once per subject
// and date: a new due or review date is a new reminder.
struct ReminderDue {
  std::string kind;
  std::string subject_id;
  std::string case_id;
  std::string pupil_id;
  std::string school_id;
  std::string membership_id;  // whom it is for
  domain::Date date;          // the due or review date it is about
};

struct MailRecord {
  std::string id;
  std::string to_address;
  std::string subject;
  std::string body;
  std::string calendar;  // an iCalendar attachment, or empty
  std::string purpose;
  std::string user_id;  // the addressee, when they have an account
  domain::Millis created_at = 0;
  int attempts = 0;
  domain::Millis next_attempt_at = 0;
  domain::Millis lease_until = 0;
  std::optional<domain::Millis> sent_at;
  std::optional<domain::Millis> failed_at;  // given up after the last attempt
  std::string last_error;
};

}  // namespace samen::store
