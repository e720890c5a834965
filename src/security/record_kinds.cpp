#include "security/record_kinds.hpp"

#include "security/sealed_field.hpp"

namespace samen::security {
namespace {

using R = domain::RetentionClass;

std::vector<RecordKind> declare() {
  const BlindIndex bsn_index{"bsn_index", &bsn_blind_index};
  return {
      {"regions", {}, R::reference},
      {"organisations", {}, R::reference},
      {"users", {}, R::account},
      {"memberships", {}, R::account},
      {"sessions", {}, R::short_lived},
      {"login_failures", {}, R::short_lived},
      {"invitations", {}, R::short_lived},
      {"password_setups", {}, R::short_lived},
      // The key that seals a user's drafts in the browser: with it, a stolen database would
      // open whatever drafts a stolen laptop holds.
      {"draft_keys", {{"draft_key"}}, R::account, "user_id"},
      // Names stay plain: they are searched by word prefix (pupil_name_tokens), and a
      // school's list is sorted by them in SQL.
      {"pupils", {{"bsn", bsn_index}}, R::pupil_record},
      {"pupil_name_tokens", {}, R::pupil_record},
      {"guardians", {}, R::pupil_record},
      {"cases", {{"outcome_note"}}, R::closed_case},
      {"case_team", {{"reason"}}, R::closed_case},
      {"case_level_changes", {{"reason"}}, R::closed_case},
      {"case_goals", {{"text"}}, R::closed_case},
      {"case_actions", {{"text"}}, R::closed_case},
      // The chronology holds every kind of entry's text, family views and the texts of
      // consent and safety-decision entries among them.
      {"entries", {{"text"}}, R::closed_case},
      {"safety_decisions", {{"reason"}, {"steps"}}, R::closed_case},
      {"signals", {{"text"}, {"advice"}}, R::answered_signal},
      {"consent_grants", {{"text"}}, R::consent},
      {"consent_requests", {{"text"}}, R::consent},
      // Meetings hold codes, ids and times; what is said about a pupil goes into the case.
      {"meeting_series", {}, R::minutes},
      {"meeting_series_members", {}, R::minutes},
      {"meetings", {}, R::minutes},
      {"meeting_items", {}, R::minutes},
      // Until the chair closes them; then they are the case's chronology entry.
      {"meeting_minutes", {{"summary"}, {"decisions"}}, R::minutes},
      // The question is about the pupil; it goes with the case.
      {"case_put_forwards", {{"question"}}, R::closed_case},
      // Notifications and mails say that there is news and where, never what about; a
      // mail's body (an invitation's link among them) is emptied once it is sent.
      {"notifications", {}, R::short_lived},
      {"notification_settings", {}, R::account},
      {"mail_queue", {}, R::short_lived},
      // Ids, kinds and dates: that someone was reminded, not of what.
      {"reminders", {}, R::short_lived},
      // A keyed hash of the link; the feed itself is made when it is fetched.
      {"calendar_feeds", {}, R::account},
      // The audit log stays verifiable without the field keys: it holds ids and codes only.
      {"audit_log", {}, R::audit},
      {"audit_checkpoints", {}, R::audit},
  };
}

}  // namespace

const std::vector<RecordKind>& record_kinds() {
  static const std::vector<RecordKind> kinds = declare();
  return kinds;
}

const RecordKind* record_kind(std::string_view table) {
  for (const auto& kind : record_kinds())
    if (kind.table == table) return &kind;
  return nullptr;
}

bool is_sealed_column(std::string_view table, std::string_view column) {
  const auto* kind = record_kind(table);
  if (!kind) return false;
  for (const auto& sealed : kind->sealed)
    if (sealed.column == column) return true;
  return false;
}

std::vector<SensitiveColumn> sensitive_columns(const std::vector<RecordKind>& kinds) {
  std::vector<SensitiveColumn> out;
  for (const auto& kind : kinds)
    for (const auto& sealed : kind.sealed)
      out.push_back({kind.table, sealed.column, sealed.blind_index, kind.key_column});
  return out;
}

}  // namespace samen::security
