#pragma once
// What a notification can be about (issue 14). A notification only says that there is
// news of a kind and where to look; what the news is about is read in the app, through the
// policy, so the list, an e-mail or a digest never carries a pupil's name.
#include <optional>
#include <string_view>
#include <vector>

namespace samen::domain {

enum class NotificationKind {
  team_added,         // you were added to a case's table
  signal_triaged,     // a signal you reported was triaged
  action_assigned,    // an action on a case was given to you
  action_overdue,     // an action of yours passed its due date
  meeting_invited,    // you are invited to a meeting (for your items)
  meeting_changed,    // a meeting you are invited to moved, or its agenda changed
  meeting_cancelled,  // a meeting you were invited to was cancelled
  consent_withdrawn,  // consent was withdrawn on a case you work on
  review_due,         // the review date of a case you lead is coming up
};

// How a user wants e-mail about their notifications.
enum class MailChoice { immediate, digest, none };

std::string_view notification_kind_name(NotificationKind kind);
std::optional<NotificationKind> parse_notification_kind(std::string_view name);
const std::vector<NotificationKind>& notification_kinds();

std::string_view mail_choice_name(MailChoice choice);
std::optional<MailChoice> parse_mail_choice(std::string_view name);

}  // namespace samen::domain
