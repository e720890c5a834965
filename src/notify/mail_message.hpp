#pragma once
// An e-mail as it goes over SMTP (RFC 5322 with MIME): UTF-8 subject encoded per RFC 2047,
// the text base64-encoded (any byte survives any relay), and an iCalendar invitation as a
// second part when there is one.
#include <string>

#include "domain/dates.hpp"

namespace samen::notify {

struct Envelope {
  std::string from;
  std::string to;
  std::string subject;
  std::string body;
  std::string calendar;         // text/calendar content, or empty
  std::string calendar_method;  // REQUEST | CANCEL, with a calendar
  std::string message_id;       // without <>, unique per mail
};

std::string format_message(const Envelope& e, domain::Millis date);
// RFC 5322's date: "Fri, 04 Dec 2026 06:10:00 +0000".
std::string rfc5322_date(domain::Millis at);

}  // namespace samen::notify
