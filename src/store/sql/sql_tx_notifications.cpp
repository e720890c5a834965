// Notifications, each user's e-mail choice and the mail queue.
#include "store/sql/row_values.hpp"
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {
namespace {

#define SAMEN_NOTIFICATION_SELECT \
  "SELECT id, user_id, kind, link, created_at, read_at, digest_pending FROM notifications "
#define SAMEN_MAIL_SELECT                                                                    \
  "SELECT id, to_address, subject, body, calendar, purpose, user_id, created_at, attempts, " \
  "next_attempt_at, lease_until, sent_at, failed_at, last_error FROM mail_queue "

NotificationRecord read_notification(const Rows& r) {
  NotificationRecord n;
  n.id = r.id(0);
  n.user_id = r.id(1);
  n.kind = r.text(2);
  n.link = r.text(3);
  n.created_at = r.integer(4);
  n.read_at = millis(r, 5);
  n.digest_pending = r.boolean(6);
  return n;
}

MailRecord read_mail(const Rows& r) {
  MailRecord m;
  m.id = r.id(0);
  m.to_address = r.text(1);
  m.subject = r.text(2);
  m.body = r.text(3);
  m.calendar = r.text(4);
  m.purpose = r.text(5);
  m.user_id = r.id(6);
  m.created_at = r.integer(7);
  m.attempts = static_cast<int>(r.integer(8));
  m.next_attempt_at = r.integer(9);
  m.lease_until = r.integer(10);
  m.sent_at = millis(r, 11);
  m.failed_at = millis(r, 12);
  m.last_error = r.text(13);
  return m;
}

}  // namespace

std::vector<NotificationRecord> SqlTx::notifications_of(const std::string& user_id,
                                                        std::size_t limit) {
  auto r = db().query(SAMEN_NOTIFICATION_SELECT
                      "WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                      Params().id(user_id).integer(static_cast<std::int64_t>(limit)));
  std::vector<NotificationRecord> out;
  while (r->next()) out.push_back(read_notification(*r));
  return out;
}

std::int64_t SqlTx::unread_notifications(const std::string& user_id) {
  auto r = db().query("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL",
                      Params().id(user_id));
  return r->next() ? r->integer(0) : 0;
}

NotificationSettingsRecord SqlTx::notification_settings(const std::string& user_id) {
  auto r = db().query(
      "SELECT email, last_digest_at, version FROM notification_settings WHERE user_id = ?",
      Params().id(user_id));
  NotificationSettingsRecord s;
  s.user_id = user_id;
  if (r->next()) {
    s.email = r->text(0);
    s.last_digest_at = millis(*r, 1);
    s.version = r->integer(2);
  }
  return s;
}

std::vector<std::string> SqlTx::users_due_a_digest(domain::Millis moment) {
  auto r = db().query(
      "SELECT DISTINCT n.user_id FROM notifications n "
      "LEFT JOIN notification_settings s ON s.user_id = n.user_id "
      "WHERE n.digest_pending = TRUE AND n.created_at < ? "
      "AND (s.last_digest_at IS NULL OR s.last_digest_at < ?) ORDER BY n.user_id",
      Params().integer(moment).integer(moment));
  std::vector<std::string> out;
  while (r->next()) out.push_back(r->id(0));
  return out;
}

std::string SqlTx::insert_notification(const NotificationRecord& n) {
  require_write();
  Params p;
  p.id(n.user_id).text(n.kind).text(n.link).integer(n.created_at).boolean(n.digest_pending);
  return inserted_id(
      "INSERT INTO notifications(user_id, kind, link, created_at, digest_pending) "
      "VALUES (?,?,?,?,?) RETURNING id",
      p);
}

bool SqlTx::mark_notification_read(const std::string& user_id, const std::string& id,
                                   domain::Millis at) {
  require_write();
  return db().run(
             "UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?",
             Params().integer(at).id(id).id(user_id)) == 1;
}

std::int64_t SqlTx::mark_all_notifications_read(const std::string& user_id, domain::Millis at) {
  require_write();
  return db().run("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
                  Params().integer(at).id(user_id));
}

bool SqlTx::save_notification_settings(const NotificationSettingsRecord& s,
                                       std::int64_t expected_version) {
  require_write();
  if (expected_version == 0) {
    return db().run(
               "INSERT INTO notification_settings(user_id, email) VALUES (?, ?) "
               "ON CONFLICT (user_id) DO NOTHING",
               Params().id(s.user_id).text(s.email)) == 1;
  }
  return db().run(
             "UPDATE notification_settings SET email = ?, version = version + 1 "
             "WHERE user_id = ? AND version = ?",
             Params().text(s.email).id(s.user_id).integer(expected_version)) == 1;
}

std::vector<NotificationRecord> SqlTx::take_digest(const std::string& user_id,
                                                   domain::Millis moment, domain::Millis at) {
  require_write();
  auto r = db().query(SAMEN_NOTIFICATION_SELECT
                      "WHERE user_id = ? AND digest_pending = TRUE AND created_at < ? "
                      "ORDER BY created_at, id",
                      Params().id(user_id).integer(moment));
  std::vector<NotificationRecord> out;
  while (r->next()) out.push_back(read_notification(*r));
  r.reset();
  db().run(
      "UPDATE notifications SET digest_pending = FALSE "
      "WHERE user_id = ? AND digest_pending = TRUE AND created_at < ?",
      Params().id(user_id).integer(moment));
  // The digest moment is remembered even for a user who never chose: the defaults stay.
  db().run(
      "INSERT INTO notification_settings(user_id, email, last_digest_at) VALUES (?, 'digest', ?) "
      "ON CONFLICT (user_id) DO UPDATE SET last_digest_at = ?",
      Params().id(user_id).integer(at).integer(at));
  return out;
}

std::string SqlTx::enqueue_mail(const MailRecord& m) {
  require_write();
  Params p;
  p.text(m.to_address).text(m.subject).text(m.body).text(m.calendar).text(m.purpose);
  p.id(m.user_id).integer(m.created_at).integer(m.next_attempt_at);
  return inserted_id(
      "INSERT INTO mail_queue(to_address, subject, body, calendar, purpose, user_id, created_at, "
      "next_attempt_at) VALUES (?,?,?,?,?,?,?,?) RETURNING id",
      p);
}

std::vector<MailRecord> SqlTx::claim_mail(domain::Millis now, domain::Millis lease_until,
                                          std::size_t limit) {
  require_write();
  auto r = db().query(SAMEN_MAIL_SELECT
                      "WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ? "
                      "AND lease_until <= ? ORDER BY next_attempt_at, id LIMIT ?",
                      Params().integer(now).integer(now).integer(static_cast<std::int64_t>(limit)));
  std::vector<MailRecord> out;
  while (r->next()) out.push_back(read_mail(*r));
  r.reset();
  for (auto& m : out) {
    db().run("UPDATE mail_queue SET lease_until = ? WHERE id = ?",
             Params().integer(lease_until).id(m.id));
    m.lease_until = lease_until;
  }
  return out;
}

void SqlTx::mail_sent(const std::string& id, domain::Millis at) {
  require_write();
  db().run(
      "UPDATE mail_queue SET sent_at = ?, attempts = attempts + 1, body = '', calendar = '', "
      "last_error = '', lease_until = 0 WHERE id = ?",
      Params().integer(at).id(id));
}

void SqlTx::mail_failed(const std::string& id, const std::string& error,
                        domain::Millis next_attempt_at, bool failed, domain::Millis at) {
  require_write();
  Params p;
  p.text(error).integer(next_attempt_at);
  failed ? p.integer(at) : p.null();
  p.id(id);
  db().run(
      "UPDATE mail_queue SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, "
      "failed_at = ?, lease_until = 0 WHERE id = ?",
      p);
  // Given up, its text (an invitation's one-time link among them) is of no more use.
  if (failed)
    db().run("UPDATE mail_queue SET body = '', calendar = '' WHERE id = ?", Params().id(id));
}

}  // namespace samen::store::sql
