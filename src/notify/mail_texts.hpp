#pragma once
// The words of Samen's e-mails (Dutch first, English below). They say that there is news
// and where to read it, never what it is about: no pupil's name, class, school or case
// text, only the kind of news and a link into the app, where the policy decides what the
// reader sees.
#include <string>
#include <vector>

#include "domain/notifications.hpp"

namespace samen::notify {

struct MailText {
  std::string subject;
  std::string body;
};

// One notification, mailed at once; `link` is the app's absolute URL to look at.
MailText notification_mail(domain::NotificationKind kind, const std::string& link);
// The daily digest: how many notifications of each kind, and the link to the list.
MailText digest_mail(const std::vector<domain::NotificationKind>& kinds, const std::string& link);
// A family member's invitation to set up their login; the link carries the one-time code.
MailText invitation_mail(const std::string& link, int valid_days);

// The kind's line, as used in the subject and the digest ("Je bent toegevoegd aan een team").
std::string kind_line_nl(domain::NotificationKind kind);
std::string kind_line_en(domain::NotificationKind kind);

}  // namespace samen::notify
