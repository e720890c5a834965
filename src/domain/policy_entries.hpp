#pragma once
// The access rules for cases and the entries of their chronology (domain.md, "Access
// decision rules"), part of the one policy module. Viewer V acts in one membership
// (organisation O, role R); entry E on case C of pupil P was written by A (OA, RA). The
// first rule that decides, decides:
//   1 V is the author (same user, same membership)         -> allow `author`
//   2 admin, school leader, policy officer, researcher,
//     privacy officer                                     -> deny role_without_case_access
//   3 guardian or pupil: family_visible, V is P or a guardian of P with parental authority
//     (of a pupil of 16+: with the pupil's consent for "guardians") -> allow `family`,
//     else deny not_for_family
//   4 V is the lead, on the case team, or care coordinator of P's school, else deny
//     not_on_case_team
//   5 private -> deny private_entry
//   6 discipline -> allow `same_discipline` when R = RA and O = OA, else other_discipline
//   7 school -> O must be P's school (school_only), then rule 8
//   8 O = OA -> allow `same_organisation`; else `legal_duty`, `safety`, `consent` in that
//     order, else deny consent_incomplete_for_age or no_legal_basis.
// Every decision names its rule ("entry.N_..."), its basis or reason code, and explains each
// step in `reasons`; `consent_id` / `safety_decision_id` name the record relied on. Where
// domain.md is silent the choices are in docs/decisions.md ("Cases and lawful sharing").
#include <string>
#include <vector>

#include "domain/case.hpp"
#include "domain/policy.hpp"

namespace samen::domain {

// Whether V may read entry E at t. `grants` are P's consent grants, `safety` the safety
// decisions on C; records for another pupil or case are ignored. An entry that is not on
// the given case (case or pupil id differ) is denied before any rule (entry.0_same_case).
Decision decide_entry_access(const Viewer& viewer, const EntryFacts& entry, const CaseFacts& c,
                             const std::vector<ConsentGrant>& grants,
                             const std::vector<SafetyDecision>& safety, Millis t);

// Whether V may see case C at all (and so find it in listings): rule 2, rule 3 for the
// family (a guardian of a pupil of 16+ needs the pupil's consent for "guardians" in some
// category), rule 4 for professionals (basis `need_to_know`).
Decision decide_case_access(const Viewer& viewer, const CaseFacts& c,
                            const std::vector<ConsentGrant>& grants, Millis t);

// Building blocks, shared with the listing filter (domain/entry_filter.hpp).
// The roles that never see case content (rule 2).
bool is_role_without_case_access(Role role);
// Rule 1: the same user, writing in the same membership.
bool is_author(const Viewer& viewer, const EntryFacts& entry);
// Rule 3: how a family login is tied to P: as P, as a guardian with parental authority, or
// not at all (other pupils, other guardians, guardians without parental authority).
enum class FamilyTie { none, pupil, guardian };
FamilyTie family_tie(const Viewer& viewer, const CaseFacts& c);
// Rule 4: how V has a seat at C's table ("the lead", "on the case team", "the care
// coordinator of the pupil's school"), empty when V has none.
std::string seat_at_table(const Viewer& viewer, const CaseFacts& c);
// Rule 8, legal duty: the attendance officer, for attendance entries.
bool legal_duty_applies(Role role, EntryCategory category);
// Rule 8, safety: the first safety decision on C in force at t that names organisation O.
const SafetyDecision* safety_decision_for(const std::vector<SafetyDecision>& safety,
                                          const CaseFacts& c, const std::string& organisation_id,
                                          Millis t);

// Before an entry is saved: who among the candidates (the people around the case: lead,
// team, care coordinator, guardians, pupil, others) would and would not see it, and why.
// Candidates are listed once each (by user and membership), in the order given.
struct AudiencePreviewRow {
  Viewer viewer;
  Decision decision;
};
struct AudiencePreview {
  std::vector<AudiencePreviewRow> will_see;
  std::vector<AudiencePreviewRow> will_not_see;
};
AudiencePreview preview_audience(const EntryFacts& draft, const CaseFacts& c,
                                 const std::vector<Viewer>& candidates,
                                 const std::vector<ConsentGrant>& grants,
                                 const std::vector<SafetyDecision>& safety, Millis t);

}  // namespace samen::domain
