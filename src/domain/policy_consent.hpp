#pragma once
// Consent that comes from the family, not from the one it benefits (issue 11), part of the
// one policy module:
//   - A grant a professional records widens their own access when one of the recorder's
//     memberships (any of the person's, not only the one they act in) has its organisation
//     or its role among the recipients: a lead of the neighbourhood team who sits at the
//     table, recording a grant for "family_worker", benefits as surely as by naming the
//     team. Such a grant awaits confirmation: it counts only from the moment the parties
//     the pupil's age requires sign it in the family portal, or a second professional
//     confirms it.
//   - Who confirms: a professional acting for the pupil's school who is the care
//     coordinator of that school or sits at the table of a case of the pupil, who did not
//     record the grant, and none of whose memberships is a recipient. Nobody confirms a
//     grant that benefits them.
//   - Consent requests are sent by a professional at the table of a case of the pupil (the
//     care coordinator of the pupil's school included); they are read by whoever reads the
//     pupil's grants, except a guardian of a pupil of 16+ (the pupil answers alone); they
//     are answered by the family member as themself; they are withdrawn by their sender.
// Rules are named "consent.*"; every decision carries its basis or reason.
#include <string>
#include <vector>

#include "domain/case.hpp"
#include "domain/consent_request.hpp"
#include "domain/policy.hpp"

namespace samen::domain {

// `memberships`: every active membership of the recorder's user, as viewers.
bool grant_widens_access_of(const ConsentGrant& grant, const std::vector<Viewer>& memberships);

// `memberships`: every active membership of the confirmer's user; `recorded_by_user_id`:
// who recorded the grant.
Decision decide_grant_confirmation(const Viewer& viewer, const std::vector<Viewer>& memberships,
                                   const CaseFacts& pupil, const std::vector<CaseFacts>& cases,
                                   const ConsentGrant& grant,
                                   const std::string& recorded_by_user_id);

// Whether a family member may sign grant g themself, in the portal, at `s.at`: as
// check_cosignature (policy_family.hpp), except that a party to a grant awaiting
// confirmation who has not confirmed it yet may sign it again: that signature is the
// family's confirmation.
Status check_family_signature(const ConsentGrant& grant, const CaseFacts& pupil,
                              const LaterSignature& s);
// The grant signed in the portal: a party who was not one co-signs (cosigned); on a grant
// awaiting confirmation the signature is added to family_confirmations, and once those hold
// every party P's age at s.at requires, the grant is confirmed from s.at on.
ConsentGrant signed_in_portal(ConsentGrant grant, const CaseFacts& pupil, const LaterSignature& s);

Decision decide_consent_request_send(const Viewer& viewer, const CaseFacts& pupil,
                                     const std::vector<CaseFacts>& cases, Millis t);

// `request` nullptr: may the viewer list the pupil's requests at all.
Decision decide_consent_request_read(const Viewer& viewer, const CaseFacts& pupil,
                                     const std::vector<CaseFacts>& cases,
                                     const ConsentRequest* request, Millis t);

// The family member answers as themself: as the pupil, or as the guardian record their
// login is (with parental authority).
Decision decide_consent_request_answer(const Viewer& viewer, const CaseFacts& pupil,
                                       const std::string& as_guardian_id, bool as_pupil);

Decision decide_consent_request_withdraw(const Viewer& viewer, const ConsentRequest& request);

}  // namespace samen::domain
