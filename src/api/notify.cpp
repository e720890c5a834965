#include "api/notify.hpp"

#include <set>

#include "notify/mail_texts.hpp"

namespace samen::api {

void notify_user(store::WriteTx& tx, const Settings& settings, const std::string& user_id,
                 domain::NotificationKind kind, const std::string& link, domain::Millis now,
                 const std::string& actor_user_id, const CalendarFor& calendar) {
  if (user_id.empty() || user_id == actor_user_id) return;
  auto user = tx.user(user_id);
  if (!user || !user->active) return;
  auto choice = domain::parse_mail_choice(tx.notification_settings(user_id).email)
                    .value_or(domain::MailChoice::immediate);
  bool mails = settings.mail_enabled && !user->email.empty();
  store::NotificationRecord n;
  n.user_id = user_id;
  n.kind = std::string(domain::notification_kind_name(kind));
  n.link = link;
  n.created_at = now;
  n.digest_pending = mails && choice == domain::MailChoice::digest;
  tx.insert_notification(n);
  if (!mails || choice != domain::MailChoice::immediate) return;
  auto text = notify::notification_mail(kind, settings.public_url + "/meldingen");
  store::MailRecord m;
  m.to_address = user->email;
  m.subject = text.subject;
  m.body = text.body;
  if (calendar) m.calendar = calendar(*user);
  m.purpose = "notification";
  m.user_id = user_id;
  m.created_at = now;
  m.next_attempt_at = now;
  tx.enqueue_mail(m);
}

void notify_users(store::WriteTx& tx, const Settings& settings,
                  const std::vector<std::string>& user_ids, domain::NotificationKind kind,
                  const std::string& link, domain::Millis now, const std::string& actor_user_id) {
  std::set<std::string> told;
  for (const auto& id : user_ids)
    if (told.insert(id).second) notify_user(tx, settings, id, kind, link, now, actor_user_id);
}

void tell_action_owner(store::WriteTx& tx, const Settings& settings, const store::ActionRecord& act,
                       const std::string& actor_user_id) {
  if (auto owner = tx.membership(act.owner_membership_id))
    notify_user(tx, settings, owner->user_id, domain::NotificationKind::action_assigned,
                "/dossiers/" + act.case_id, domain::now_millis(), actor_user_id);
}

void tell_case_table(store::WriteTx& tx, const Settings& settings, const std::string& case_id,
                     domain::NotificationKind kind, const std::string& actor_user_id) {
  auto c = tx.case_record(case_id);
  if (!c) return;
  std::vector<std::string> users;
  auto add = [&](const std::string& membership_id) {
    if (auto m = membership_id.empty() ? std::nullopt : tx.membership(membership_id))
      users.push_back(m->user_id);
  };
  add(c->lead_membership_id);
  for (const auto& seat : c->team)
    if (!seat.removed_at) add(seat.membership_id);
  notify_users(tx, settings, users, kind, "/dossiers/" + c->id, domain::now_millis(),
               actor_user_id);
}

}  // namespace samen::api
