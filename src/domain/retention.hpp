#pragma once
// How long a kind of record is kept is decided by its retention class, not per table: the
// region sets one period per class (the job that applies them comes with the accounts
// work), and every record kind names its class (security/record_kinds.hpp), so a new
// resource cannot be stored without saying how long.
#include <optional>
#include <string_view>

namespace samen::domain {

enum class RetentionClass {
  pupil_record,     // the pupil and guardians: while enrolled, then the region's period
  closed_case,      // a case and everything on it, counted from its closing
  answered_signal,  // a signal answered with advice (one that became a case follows it)
  consent,          // grants and requests: as long as what relied on them
  minutes,          // meeting minutes and notes (to come)
  account,          // users, memberships, draft keys: until the account ends
  short_lived,      // sessions, failed logins, invitations: days, then gone
  audit,            // the audit log and its checkpoints: the longest of all
  reference,        // regions and organisations: kept while they exist
};

std::string_view retention_class_name(RetentionClass c);
std::optional<RetentionClass> parse_retention_class(std::string_view name);

}  // namespace samen::domain
