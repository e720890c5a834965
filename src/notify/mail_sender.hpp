#pragma once
// Sends the mail queue (issue 14). A thread wakes every poll interval, claims due mails
// with a lease (so of several servers on one database only one sends a given mail), sends
// each over SMTP outside any transaction — a request never waits for a mail server — and
// records the outcome: sent, or tried again after a back-off that doubles up to an hour,
// given up after the last attempt. Every attempt is an audit event without content (who
// was written to is the mail's id; the text never enters the log). Once a day, at the
// digest time, users who chose a digest get one mail with what waited for them.
#include <chrono>
#include <functional>
#include <string>

#include "audit/audited_writer.hpp"
#include "notify/periodic_task.hpp"
#include "notify/smtp_client.hpp"

namespace samen::notify {

struct SenderConfig {
  SmtpConfig smtp;
  std::string public_url;
  std::chrono::milliseconds poll{2000};
  std::chrono::seconds retry_base{30};
  int max_attempts = 10;
  int digest_minute = 7 * 60;  // local time (Europe/Amsterdam) of the daily digest
  std::size_t batch = 20;
  // What the server logs: a mail that failed (id and error, never the content).
  std::function<void(const std::string& id, const std::string& error, bool given_up)> failed;
};

class MailSender {
 public:
  MailSender(audit::AuditedWriter& writer, SenderConfig config);
  ~MailSender();
  MailSender(const MailSender&) = delete;
  MailSender& operator=(const MailSender&) = delete;

  // One pass: digests that are due, then the due mails. Returns how many were sent.
  int send_due();
  void stop();

 private:
  void queue_digests(domain::Millis now);

  audit::AuditedWriter& writer_;
  SenderConfig config_;
  PeriodicTask task_;  // last: its thread uses the members above
};

// The most recent digest moment at or before `now`: today's digest time in Dutch local time,
// or yesterday's when today's has not come yet.
domain::Millis last_digest_moment(domain::Millis now, int digest_minute);

}  // namespace samen::notify
