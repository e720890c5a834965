#pragma once
// The family's own access and the consent records, part of the one policy module
// (policy_cases.hpp decides who records consent; this header who *reads* the grants, who
// invites a family member to log in, and who sees "who looked at my file"), plus the
// check that a grant as recorded can ever count (WGBO bands, domain.md "Privacy").
//   - Consent grants of P are read by: P (their own say); a guardian of P with parental
//     authority while P is under 16 (at 16 a guardian sees only the grants they are a party
//     to or that name "guardians" as recipients: the pupil decides alone from then on);
//     the care coordinator of P's school and a case lead (who record them); and whoever
//     sits at the table of a case of P (they work on that basis and must know its scope).
//   - Invitations for a family login are created by the care coordinator or the admin of
//     P's school (the school knows its families). A guardian's invitation sent to an address
//     that already has a guardian login is taken by that login (a second child), when the
//     guardian accepts it logged in with that address.
//   - The access log of P ("who looked at my file") is read by P, and by a guardian with
//     parental authority while P is under 16; from 16 only with a grant by P naming
//     "guardians" (any category), as for the case itself (rule 3).
//   - The family's own view on a case (entry kind family_view) is written by whoever rule 3
//     lets read the family's entries of its category: P, or a guardian with parental
//     authority (of a pupil of 16+ only with P's consent for "guardians" in that category).
// Rules are named "family.*"; every decision carries its basis or reason.
#include <string>
#include <vector>

#include "domain/case.hpp"
#include "domain/policy.hpp"
#include "domain/result.hpp"

namespace samen::domain {

// `pupil` holds P's facts (no case); `cases` the facts of P's cases (for leads and teams).
// `grant` is the grant to be read, or nullptr for "may V list P's grants at all".
Decision decide_consent_read(const Viewer& viewer, const CaseFacts& pupil,
                             const std::vector<CaseFacts>& cases, const ConsentGrant* grant,
                             Millis t);

// Recording (or withdrawing on the family's word) through any of P's cases or P's facts:
// the first allowing decision of decide_consent_recording, else the decision on P's facts.
Decision decide_consent_recording_any(const Viewer& viewer, const CaseFacts& pupil,
                                      const std::vector<CaseFacts>& cases,
                                      const std::vector<std::string>& as_guardian_ids,
                                      bool as_pupil, Millis t);

Decision decide_family_invitation(const Viewer& viewer, const std::string& school_id);

// The family's own list of its pupils (GET /api/family/pupils): family logins only; a
// professional lists pupils through /api/pupils.
Decision decide_family_pupils_listing(const Viewer& viewer);

// Taking a guardian's invitation into the login one has (a second child): the viewer acts
// as a guardian, every membership of the login (`login_roles`) is a guardian's, and the
// login's e-mail address is the one the school invited. A professional's login never
// becomes a parent's too, and an invitation is never taken by another address.
Decision decide_invitation_link(const Viewer& viewer, const std::vector<Role>& login_roles,
                                const std::string& login_email,
                                const std::string& invitation_email);

// The family's own view, in their own words, on case C in `category`: allowed exactly when
// rule 3 would let the viewer read a family-visible entry of that category on C (so what a
// family member may write, they may read back). Professionals write through the chronology.
Decision decide_family_view(const Viewer& viewer, const CaseFacts& c, EntryCategory category,
                            const std::vector<ConsentGrant>& grants, Millis t);

Decision decide_access_log_read(const Viewer& viewer, const CaseFacts& pupil,
                                const std::vector<ConsentGrant>& grants, Millis t);

// Whether a grant as recorded can count: every guardian party is a guardian of P with
// parental authority; the parties fit P's WGBO band at valid_from (under 12 a guardian, 12
// to 15 a guardian and the pupil, 16+ the pupil); "guardians" as recipients only with the
// pupil as a party; valid_until after valid_from. The error names the field at fault
// ("given_by.guardian_ids[1]", "given_by.pupil", "recipients.guardians", "valid_until").
// `awaiting_signature`: the recorder says the band's other parties will sign later
// (check_cosignature), so the band is not checked; everything else is.
Status check_grant_parties(const ConsentGrant& grant, const CaseFacts& pupil,
                           bool awaiting_signature = false);

// Whether a party may still sign grant g at t (co-signing, as a grant recorded with the
// parents only becomes complete when the pupil signs): the grant is not withdrawn
// (`already_withdrawn`) nor ended (`grant_expired`), the party is not one already
// (`already_signed`), and a guardian is a guardian of P with parental authority
// (`validation_failed` on `by.guardian_id`). Who may sign is decide_consent_recording: the
// party themself, or the care coordinator or a lead on their word.
Status check_cosignature(const ConsentGrant& grant, const CaseFacts& pupil,
                         const LaterSignature& signature);

}  // namespace samen::domain
