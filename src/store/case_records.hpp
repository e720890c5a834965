#pragma once
// Records of cases and lawful sharing (issue 5) as the store reads and writes them:
// signals and their triage, cases with their team and level history, goals and actions,
// the append-only chronology, consent grants and safety decisions. Where the policy needs
// facts (domain/case.hpp), a record carries them as the domain struct, so what the store
// loads is exactly what decide_entry_access() decides on. Codes are the stored ones:
//   signal urgency  normal | soon | urgent;  signal status  open | advice | case
//   case status     open | closed;  outcome  goals_met | referred_on | moved_school |
//                   dropped_out | other
//   entry kind      observation | conversation | note | decision | signal | triage |
//                   level_change | team_change | goal | action | safety_decision |
//                   consent | closure | family_view
// Instants are UTC milliseconds; calendar dates are domain::Date.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "domain/case.hpp"
#include "domain/consent_request.hpp"
#include "domain/dates.hpp"
#include "domain/roles.hpp"

namespace samen::store {

struct SignalRecord {
  std::string id;
  std::string pupil_id;
  std::string school_id;  // the pupil's school, where the care coordinator triages it
  std::string author_user_id;
  std::string author_membership_id;
  std::string author_organisation_id;
  domain::Role author_role = domain::Role::mentor;
  std::vector<domain::EntryCategory> categories;
  std::string urgency = "normal";
  std::string text;
  domain::Millis created_at = 0;
  std::string status = "open";
  // Filled by the triage.
  std::string triaged_by_user_id;
  std::string triaged_by_membership_id;
  std::optional<domain::Millis> triaged_at;
  std::string advice;
  std::string case_id;
  std::int64_t version = 1;
};

// The care coordinator's decision on an open signal: `advice` (with the advice text) or
// `case` (with the case it became or joined).
struct SignalTriage {
  std::string decision;  // advice | case
  std::string by_user_id;
  std::string by_membership_id;
  domain::Millis at = 0;
  std::string advice;
  std::string case_id;
};

struct TeamMember {
  std::string id;
  std::string case_id;
  std::string membership_id;
  std::string reason;  // why they sit at the table
  std::string added_by_user_id;
  domain::Millis added_at = 0;
  std::optional<domain::Millis> removed_at;
  std::string removed_by_user_id;
  // Joined from the membership; not written.
  std::string user_id;
  std::string organisation_id;
  domain::Role role = domain::Role::teacher;
};

// One change of support level. The level a case opens with is the first change, with no
// from_level. An escalation is a change to a heavier (higher) level.
struct LevelChange {
  std::string id;
  std::string case_id;
  std::optional<int> from_level;
  int to_level = 1;
  std::string reason;
  std::string changed_by_user_id;
  std::string changed_by_membership_id;
  domain::Millis changed_at = 0;
};

inline bool is_escalation(const LevelChange& c) {
  return c.from_level && c.to_level > *c.from_level;
}
inline int count_escalations(const std::vector<LevelChange>& changes) {
  int n = 0;
  for (const auto& c : changes) n += is_escalation(c) ? 1 : 0;
  return n;
}

struct CaseRecord {
  std::string id;
  std::string pupil_id;
  std::string school_id;
  std::string lead_membership_id;  // empty: no lead yet
  std::vector<domain::EntryCategory> categories;
  int level = 1;
  std::string status = "open";
  std::string outcome;  // set when closed
  std::string outcome_note;
  std::optional<domain::Date> review_date;
  std::string opened_by_user_id;
  domain::Millis opened_at = 0;
  std::optional<domain::Millis> closed_at;
  std::int64_t version = 1;
  // Loaded by case_record() only: every team seat ever (removed ones with removed_at),
  // and the level history, oldest first.
  std::vector<TeamMember> team;
  std::vector<LevelChange> level_changes;
};

struct GoalRecord {
  std::string id;
  std::string case_id;
  std::string text;
  std::string created_by_user_id;
  domain::Millis created_at = 0;
  std::optional<domain::Millis> achieved_at;
  std::int64_t version = 1;
};

struct ActionRecord {
  std::string id;
  std::string case_id;
  std::string text;
  std::string owner_membership_id;
  std::optional<domain::Date> due_date;
  std::string created_by_user_id;
  domain::Millis created_at = 0;
  std::optional<domain::Millis> done_at;
  std::int64_t version = 1;
};

// An entry of the chronology: the facts the policy decides on, and the content. Entries
// are never changed; `corrects_entry_id` names the entry this one corrects, and
// `corrected_by` (read only) the later entries that correct this one.
struct EntryRecord {
  domain::EntryFacts facts;
  std::string kind = "note";
  std::string text;
  std::string corrects_entry_id;
  domain::Millis created_at = 0;
  std::vector<std::string> corrected_by;
};

// One page of a case's chronology as a viewer may list it: the entries the viewer's
// domain::EntryFilter allows, narrowed by the optional filters, in time order after the
// keyset cursor (created_at, id), at most `limit`.
struct EntryPageQuery {
  std::string category;        // empty: any
  std::string audience;        // empty: any
  std::string author_user_id;  // empty: any author
  domain::Millis after_created_at = std::numeric_limits<domain::Millis>::min();
  std::string after_id;  // empty: from the first entry
  int limit = 100;
};

// `corrected_by` of each entry names only corrections the same filter allows, so a
// correction hidden from the viewer does not reveal itself through the entry it corrects.
struct EntryPage {
  std::vector<EntryRecord> entries;
  bool more = false;  // entries beyond this page exist
};

struct ConsentGrantRecord {
  domain::ConsentGrant grant;
  std::string text;  // what the family agreed to, as they were shown it
  std::string recorded_by_user_id;
  std::string recorded_by_membership_id;  // empty for grants recorded before issue 11
  domain::Millis recorded_at = 0;
  std::string withdrawn_by_user_id;  // the login that recorded the withdrawal
  // The second professional who confirmed a grant awaiting confirmation; both empty when
  // the family confirmed it in the portal (grant.family_confirmations) or nobody did yet.
  std::string confirmed_by_user_id;
  std::string confirmed_by_membership_id;
  std::int64_t version = 1;
};

// A second professional's confirmation of a grant awaiting it.
struct GrantConfirmation {
  std::string by_user_id;
  std::string by_membership_id;
  domain::Millis at = 0;
};

// A consent request to the family (domain/consent_request.hpp) with the plain-Dutch text
// they are shown.
struct ConsentRequestRecord {
  domain::ConsentRequest request;
  std::string text;
  std::int64_t version = 1;
};

// A withdrawal of a grant by one of its parties.
struct ConsentWithdrawal {
  std::string by_guardian_id;  // a guardian party ...
  bool by_pupil = false;       // ... or the pupil
  std::string by_user_id;      // who recorded it
  domain::Millis at = 0;
};

struct SafetyDecisionRecord {
  domain::SafetyDecision decision;
  std::string decided_by_user_id;
  std::string decided_by_membership_id;
  std::string reason;
  std::string steps;  // the Meldcode steps taken
  domain::Millis recorded_at = 0;
};

}  // namespace samen::store
