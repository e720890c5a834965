#pragma once
// What the policy needs to know about a case, its entries, the family's consents and the
// safety decisions on it (domain.md, "The flow of a case" and "Privacy: the rules of
// sharing"). These are facts, not records: the store loads them, the policy decides on
// them, and nothing here does I/O. Codes are stable: they are stored, sent over the API and
// written to the audit log.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dates.hpp"
#include "domain/roles.hpp"

namespace samen::domain {

// Who may see an entry, besides its author (rules 5-8) and the family (family_visible).
enum class Audience {
  private_,    // `private`: the author only
  discipline,  // the author's discipline: same role in the same organisation
  school,      // school staff on the case, then the crossing rule
  case_team,   // the case team, where a legal basis allows
};

enum class EntryCategory { attendance, behaviour, learning, wellbeing, home, health, safety };

std::string_view to_string(Audience audience);
std::string_view to_string(EntryCategory category);
std::optional<Audience> parse_audience(std::string_view code);
std::optional<EntryCategory> parse_entry_category(std::string_view code);
const std::vector<Audience>& all_audiences();
const std::vector<EntryCategory>& all_entry_categories();

// One entry of a case's chronology (or a draft of one), as the policy sees it.
struct EntryFacts {
  std::string entry_id;  // empty for a draft
  std::string case_id;
  std::string pupil_id;
  std::string author_user_id;
  std::string author_membership_id;    // the membership the author wrote in
  std::string author_organisation_id;  // OA
  Role author_role = Role::teacher;    // RA
  Audience audience = Audience::private_;
  EntryCategory category = EntryCategory::wellbeing;
  bool family_visible = false;
};

// A guardian of the pupil. Only guardians with parental authority (gezag) see the case
// (rule 3) and only their consent counts (WGBO).
struct GuardianFacts {
  std::string guardian_id;  // the guardian record, as consent grants name it
  std::string user_id;      // their login, empty when they have none
  bool parental_authority = false;
};

// A case of pupil P with who sits at the table.
struct CaseFacts {
  std::string case_id;
  std::string pupil_id;
  std::string school_id;  // P's school: its care coordinator passes rule 4, rule 7 names it
  std::string lead_membership_id;
  std::vector<std::string> team_membership_ids;
  Date pupil_date_of_birth;
  std::string pupil_user_id;  // P's own login, empty when P has none
  std::vector<GuardianFacts> guardians;
};

// User ids of the guardians with parental authority who have a login.
std::vector<std::string> guardian_user_ids_with_authority(const CaseFacts& c);

// A party who joined a grant after it was recorded (co-signing; issue 5): they count from
// `at` on, not from valid_from, so "who may see this at t" stays true for any past t.
struct LaterSignature {
  std::string guardian_id;  // a guardian ...
  bool pupil = false;       // ... or the pupil
  Millis at = 0;
};

// How a grant reached Samen: the family's own answer in the portal, or recorded by a
// professional from a signed form (paper), a conversation or a phone call. Grants recorded
// before issue 11 did not say (`unknown`).
enum class ConsentSource { unknown, portal, paper, conversation, phone };
std::string_view to_string(ConsentSource source);
std::optional<ConsentSource> parse_consent_source(std::string_view code);

// Consent for sharing P's data, as the family gave it. Recipients are organisations and/or
// roles, and/or "guardians" (a pupil of 16+ letting the parents see entries, rule 3).
// Valid from valid_from (inclusive) to valid_until (exclusive); a withdrawal by any party
// ends it at that instant.
struct ConsentGrant {
  std::string id;
  std::string pupil_id;
  // Every party, those who signed at recording and those who signed later ...
  std::vector<std::string> given_by_guardian_ids;
  bool given_by_pupil = false;
  // ... of whom these signed later, each counting from their signature on.
  std::vector<LaterSignature> later_signatures;
  std::vector<std::string> recipient_organisation_ids;
  std::vector<Role> recipient_roles;
  bool recipient_guardians = false;
  std::vector<EntryCategory> categories;
  Millis valid_from = 0;
  std::optional<Millis> valid_until;
  std::optional<Millis> withdrawn_at;
  std::string withdrawn_by_guardian_id;  // who withdrew: a guardian party ...
  bool withdrawn_by_pupil = false;       // ... or the pupil
  ConsentSource obtained_via = ConsentSource::unknown;
  // Recorded by a professional whom it benefits (their organisation or role is among the
  // recipients): it counts only from `confirmed_at` on, when the family signed it in the
  // portal or a second professional who is not a recipient confirmed it (issue 11).
  bool awaits_confirmation = false;
  std::optional<Millis> confirmed_at;
  // Parties who signed a grant awaiting confirmation in the portal themselves, each at
  // their moment; when the parties P's age requires are all here, the family confirmed it.
  std::vector<LaterSignature> family_confirmations;
};

// A safety decision under the reporting code (Meldcode) on a case: for its validity period,
// the named organisations may receive the case's entries without consent.
struct SafetyDecision {
  std::string id;
  std::string case_id;
  std::vector<std::string> organisation_ids;
  Millis valid_from = 0;
  Millis valid_until = 0;  // exclusive; a safety decision always ends
};

// Valid at t: valid_from <= t < valid_until.
bool safety_decision_valid_at(const SafetyDecision& decision, Millis t);

}  // namespace samen::domain
