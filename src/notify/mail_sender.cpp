#include "notify/mail_sender.hpp"

#include <algorithm>

#include "domain/notifications.hpp"
#include "notify/mail_message.hpp"
#include "notify/mail_texts.hpp"

namespace samen::notify {
namespace {

constexpr domain::Millis kLease = 5 * 60'000;  // longer than any SMTP attempt may take
constexpr domain::Millis kDay = 24 * 60 * 60'000LL;

audit::Event attempt_event(store::WriteTx& tx, const store::MailRecord& m, bool sent,
                           const std::string& outcome) {
  audit::Event e;
  e.actor_role = "system";
  e.action = "mail_attempt";
  e.resource_type = "mail";
  e.resource_id = m.id;
  e.decision = sent ? "allow" : "deny";
  e.reason = outcome;  // sent | retry | given_up: the error itself stays in the queue row
  if (!m.user_id.empty())
    for (const auto& membership : tx.memberships_of(m.user_id))
      if (auto org = tx.organisation(membership.organisation_id)) {
        e.region_id = org->region_id;
        break;
      }
  return e;
}

}  // namespace

domain::Millis last_digest_moment(domain::Millis now, int digest_minute) {
  auto at = [&](domain::Millis day) {
    return domain::netherlands_midnight(domain::netherlands_date_of(day)) +
           static_cast<domain::Millis>(digest_minute) * 60'000;
  };
  domain::Millis today = at(now);
  return today <= now ? today : at(now - kDay);
}

MailSender::MailSender(audit::AuditedWriter& writer, SenderConfig config)
    : writer_(writer),
      config_(std::move(config)),
      task_(
          config_.poll, [this] { send_due(); },
          [this](const std::string& what) {
            // The database was unavailable: the next poll tries again, nothing was lost.
            if (config_.failed) config_.failed("", what, false);
          }) {}

MailSender::~MailSender() { stop(); }

void MailSender::stop() { task_.stop(); }

void MailSender::queue_digests(domain::Millis now) {
  domain::Millis moment = last_digest_moment(now, config_.digest_minute);
  writer_.run([&](store::WriteTx& tx) {
    for (const auto& user_id : tx.users_due_a_digest(moment)) {
      auto user = tx.user(user_id);
      auto taken = tx.take_digest(user_id, moment, now);
      if (!user || taken.empty()) continue;
      std::vector<domain::NotificationKind> kinds;
      for (const auto& n : taken)
        if (auto k = domain::parse_notification_kind(n.kind)) kinds.push_back(*k);
      auto text = digest_mail(kinds, config_.public_url + "/meldingen");
      store::MailRecord m;
      m.to_address = user->email;
      m.subject = text.subject;
      m.body = text.body;
      m.purpose = "digest";
      m.user_id = user_id;
      m.created_at = now;
      m.next_attempt_at = now;
      tx.enqueue_mail(m);
    }
    return audit::JobOutcome{};
  });
}

int MailSender::send_due() {
  domain::Millis now = domain::now_millis();
  queue_digests(now);
  std::vector<store::MailRecord> claimed;
  writer_.run([&](store::WriteTx& tx) {
    claimed = tx.claim_mail(now, now + kLease, config_.batch);
    return audit::JobOutcome{};
  });
  int sent = 0;
  for (const auto& m : claimed) {
    Envelope e{config_.smtp.from,
               m.to_address,
               m.subject,
               m.body,
               m.calendar,
               "REQUEST",
               "mail-" + m.id + "-" + std::to_string(m.created_at) + "@samen"};
    if (m.calendar.find("METHOD:CANCEL") != std::string::npos) e.calendar_method = "CANCEL";
    auto error = send_smtp(config_.smtp, m.to_address, format_message(e, domain::now_millis()));
    domain::Millis at = domain::now_millis();
    int attempt = m.attempts + 1;
    bool given_up = error && attempt >= config_.max_attempts;
    writer_.run([&](store::WriteTx& tx) {
      if (!error) {
        tx.mail_sent(m.id, at);
        return audit::JobOutcome{true, {attempt_event(tx, m, true, "sent")}};
      }
      auto backoff = std::min<domain::Millis>(
          std::chrono::duration_cast<std::chrono::milliseconds>(config_.retry_base).count()
              << std::min(attempt - 1, 16),
          60 * 60'000);
      tx.mail_failed(m.id, *error, at + backoff, given_up, at);
      return audit::JobOutcome{true,
                               {attempt_event(tx, m, false, given_up ? "given_up" : "retry")}};
    });
    if (!error)
      ++sent;
    else if (config_.failed)
      config_.failed(m.id, *error, given_up);
  }
  return sent;
}

}  // namespace samen::notify
