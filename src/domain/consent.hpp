#pragma once
// Consent under the medical-treatment act (WGBO) as the access rules use it (domain.md,
// "Privacy: the rules of sharing", rule 3 and rule 8). Who must consent depends on the
// pupil's age at the moment of access, in whole years on the civil date in the Netherlands:
// under 12 a guardian with parental authority, 12 to 15 such a guardian and the pupil both,
// 16 and over the pupil alone. A birthday can therefore make a grant insufficient until the
// pupil also consents. A grant counts at t when valid_from <= t < valid_until, it was not
// withdrawn at or before t, it is for the case's pupil, it covers the recipient and the
// entry's category, and its parties are those the age at t requires. Pure functions.
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "domain/case.hpp"

namespace samen::domain {

// Whole years on the Dutch civil date at t: on the day of the 12th birthday the pupil is 12.
int age_at(Date date_of_birth, Millis t);

// Who must have consented, by age band.
enum class ConsentBand {
  guardian,            // under 12: a guardian with parental authority
  guardian_and_pupil,  // 12 to 15: a guardian with parental authority and the pupil
  pupil,               // 16 and over: the pupil
};
ConsentBand consent_band_for_age(int age);
ConsentBand consent_band_at(Date date_of_birth, Millis t);
std::string_view describe(ConsentBand band);

// In force at t: started, not ended, not withdrawn at or before t.
bool grant_valid_at(const ConsentGrant& grant, Millis t);
// Awaiting confirmation at t: a professional recorded it to their own benefit and neither
// the family (in the portal) nor a second professional confirmed it by t.
bool grant_pending_at(const ConsentGrant& grant, Millis t);
// THE rule for whether a grant counts at t, for every reader of consent (rule 8, rule 3,
// the pupil's record): for the pupil of `pupil`, in force at t, given by the parties the
// pupil's age at t requires (as signed by t), and not pending at t.
bool grant_counts_at(const ConsentGrant& grant, const CaseFacts& pupil, Millis t);
// Whether the family's own signatures in the portal (family_confirmations) include every
// party the band requires: then the family confirmed a grant a professional recorded.
bool family_confirmed(const ConsentGrant& grant, ConsentBand band,
                      const std::vector<GuardianFacts>& guardians);
// Names organisation O or role R as a recipient, and the category.
bool grant_covers(const ConsentGrant& grant, const std::string& organisation_id, Role role,
                  EntryCategory category);
// Names "guardians" as a recipient, and the category (rule 3, pupils of 16+).
bool grant_covers_guardians(const ConsentGrant& grant, EntryCategory category);
// Given by the parties the band requires, as signed at `at`: a party who signed later
// (co-signing) does not count before their signature; by default every signature counts.
// Guardians count only when they are guardians of the pupil with parental authority now;
// more parties than required do no harm.
bool grant_has_parties_for(const ConsentGrant& grant, ConsentBand band,
                           const std::vector<GuardianFacts>& guardians,
                           Millis at = std::numeric_limits<Millis>::max());
// Which required parties have not signed by `at` (both false: complete).
struct MissingParties {
  bool guardian = false;  // a guardian with parental authority
  bool pupil = false;
};
MissingParties missing_parties(const ConsentGrant& grant, ConsentBand band,
                               const std::vector<GuardianFacts>& guardians,
                               Millis at = std::numeric_limits<Millis>::max());
// The grant with one more party, who signs at `signature.at` (co-signing). The caller
// checks first that the party may sign (check_cosignature, policy_family.hpp).
ConsentGrant cosigned(ConsentGrant grant, const LaterSignature& signature);
// Any party to a grant may withdraw it: one of the guardians who gave it, or the pupil
// when the pupil gave it.
bool may_withdraw(const ConsentGrant& grant, const std::string& guardian_id, bool as_pupil);

// What the grants say for one recipient and category at t. `pending`: a grant is in force,
// covers them and has its parties, but awaits confirmation (grant_pending_at), and none
// counts. `incomplete_for_age`: a grant is in force and covers them, but lacks a party the
// age at t requires, and none counts or is pending. `grant_id` names the grant found (the
// first that counts, else the first pending one, else the first incomplete one).
enum class ConsentStatus { none, incomplete_for_age, pending, valid };
struct ConsentFinding {
  ConsentStatus status = ConsentStatus::none;
  std::string grant_id;
  std::string explanation;  // one human-readable sentence for the reasons list
};

// Consent for a professional of organisation O in role R (rule 8).
ConsentFinding find_consent(const std::vector<ConsentGrant>& grants, const CaseFacts& c,
                            const std::string& organisation_id, Role role, EntryCategory category,
                            Millis t);
// Consent for the guardians of a pupil of 16+ (rule 3).
ConsentFinding find_guardian_consent(const std::vector<ConsentGrant>& grants, const CaseFacts& c,
                                     EntryCategory category, Millis t);

}  // namespace samen::domain
