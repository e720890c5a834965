#include "domain/notifications.hpp"

#include <array>
#include <utility>

namespace samen::domain {
namespace {

constexpr std::array<std::pair<NotificationKind, std::string_view>, 9> kKinds{{
    {NotificationKind::team_added, "team_added"},
    {NotificationKind::signal_triaged, "signal_triaged"},
    {NotificationKind::action_assigned, "action_assigned"},
    {NotificationKind::action_overdue, "action_overdue"},
    {NotificationKind::meeting_invited, "meeting_invited"},
    {NotificationKind::meeting_changed, "meeting_changed"},
    {NotificationKind::meeting_cancelled, "meeting_cancelled"},
    {NotificationKind::consent_withdrawn, "consent_withdrawn"},
    {NotificationKind::review_due, "review_due"},
}};

constexpr std::array<std::pair<MailChoice, std::string_view>, 3> kChoices{{
    {MailChoice::immediate, "immediate"},
    {MailChoice::digest, "digest"},
    {MailChoice::none, "none"},
}};

}  // namespace

std::string_view notification_kind_name(NotificationKind kind) {
  for (const auto& [k, name] : kKinds)
    if (k == kind) return name;
  return "team_added";
}

std::optional<NotificationKind> parse_notification_kind(std::string_view name) {
  for (const auto& [k, n] : kKinds)
    if (n == name) return k;
  return std::nullopt;
}

const std::vector<NotificationKind>& notification_kinds() {
  static const std::vector<NotificationKind> all = [] {
    std::vector<NotificationKind> out;
    for (const auto& entry : kKinds) out.push_back(entry.first);
    return out;
  }();
  return all;
}

std::string_view mail_choice_name(MailChoice choice) {
  for (const auto& [c, name] : kChoices)
    if (c == choice) return name;
  return "immediate";
}

std::optional<MailChoice> parse_mail_choice(std::string_view name) {
  for (const auto& [c, n] : kChoices)
    if (n == name) return c;
  return std::nullopt;
}

}  // namespace samen::domain
