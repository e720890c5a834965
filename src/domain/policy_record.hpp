#pragma once
// The parts of a pupil's record (domain.md, "Beyond entries"), part of the one policy
// module: identification (name, class, school), date of birth and BSN, the guardians and
// their contact details, and the plan of a case (goals, actions). Whoever gets into the
// record or a case (decide_pupil_access, decide_case_access) gets all of it, except:
//   - a seat at the table from outside P's school needs a legal basis for P, as rule 8 has
//     it for entries: `legal_duty` (the attendance officer), `safety` (a safety decision in
//     force on a case where the viewer sits, naming their organisation) or `consent` (a
//     grant in force for their organisation or role, in any category, with the parties P's
//     age requires);
//   - a guardian of a pupil of 16 or over needs the pupil's consent for "guardians".
// Without it the view is `identification`: the name, class and school, and that the case
// exists, nothing more. The consent and safety checks are those of consent.hpp and
// policy_entries.hpp, so a withdrawal closes the record at the same instant as the entries.
#include <vector>

#include "domain/case.hpp"
#include "domain/policy.hpp"

namespace samen::domain {

// Whether `way_in` (an allowed decision of decide_pupil_access or decide_case_access) can
// be narrowed by the record's basis: a caller skips loading grants and cases when not.
bool record_view_needs_basis(const Viewer& viewer, const Decision& way_in,
                             const std::string& school_id);

// The decision for the record's parts: `way_in` itself when no basis is needed; with view
// `full` when one holds (naming it: legal basis, consent_id, safety_decision_id); else an
// allowed decision with view `identification` (rule "record.identification_only").
// `pupil` is P's case-less facts (date of birth, login, current guardians), `cases` the
// cases of P that count (all of P's for the pupil record; the one case for a case), `safety`
// the safety decisions on them, `grants` P's consent grants.
Decision decide_record_view(const Viewer& viewer, const Decision& way_in, const CaseFacts& pupil,
                            const std::vector<CaseFacts>& cases,
                            const std::vector<ConsentGrant>& grants,
                            const std::vector<SafetyDecision>& safety, Millis t);

// The family sees roles, not people (domain.md): on a case shown to a guardian or the
// pupil, a professional is named only when they are the lead, the family's contact; the
// family's own are named too. Everyone else is shown by role and organisation. Other
// viewers see every name.
bool may_see_name_of(const Viewer& viewer, const CaseFacts& c, const std::string& membership_id,
                     Role role);

}  // namespace samen::domain
