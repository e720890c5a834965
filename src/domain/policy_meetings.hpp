#pragma once
// Meetings of a school's care team (issue 14), part of the one policy module:
//   - who sees a meeting: its chair, the series' standing members, whoever an item invites,
//     and the care coordinator of the school; roles without case access never
//     (meeting.N_... rules);
//   - who sees which items: the school's own people at the table (chair, care coordinator,
//     members of the school) every item; a partner from outside the school only the items
//     they are invited for ("nobody sits through cases that are not theirs");
//   - who plans: the chair and the school's care coordinator;
//   - named or anonymous, per attendee and item: the school's own staff see the pupil's
//     name; a partner from outside needs a legal basis for that pupil at that moment, as
//     rule 8 has it — `legal_duty` (the attendance officer, for an item about attendance),
//     `safety` (a safety decision in force on the case naming their organisation) or
//     `consent` (a grant that counts at t, for their organisation or role, in one of the
//     item's categories). Without one the item is anonymous: no name, class or text that
//     identifies the pupil, as care teams discuss a case when the family has not consented.
#include <string>
#include <vector>

#include "domain/case.hpp"
#include "domain/policy.hpp"

namespace samen::domain {

struct MeetingFacts {
  std::string school_id;
  std::string chair_membership_id;
  std::vector<std::string> member_ids;    // the series' standing members
  std::vector<std::string> attendee_ids;  // invited for one of the items
};

Decision decide_meeting_access(const Viewer& viewer, const MeetingFacts& meeting);
// Listing meetings and series at all: whoever works on cases (not the roles without case
// access, not the family).
Decision decide_meeting_listing(const Viewer& viewer);
// An item id that is not on the meeting's agenda: refused like a missing record, so the
// probe is audited with this rule.
Decision decide_missing_agenda_item();
// Planning a series or its meetings: the chair, or the care coordinator of the school.
Decision decide_meeting_planning(const Viewer& viewer, const std::string& school_id,
                                 const std::string& chair_membership_id);
// Whether the viewer (let in by decide_meeting_access) sees every item, or only their own.
bool sees_every_item(const Viewer& viewer, const MeetingFacts& meeting);

// Whether the attendee sees the pupil of an item by name at t. `pupil` holds P's facts
// (date of birth, guardians, login; the case's when the item is a case), `safety` the
// decisions on the item's case (none for a signal), `grants` P's grants.
Decision decide_agenda_item_named(const Viewer& viewer, const CaseFacts& pupil,
                                  const std::vector<EntryCategory>& categories,
                                  const std::vector<ConsentGrant>& grants,
                                  const std::vector<SafetyDecision>& safety, Millis t);

}  // namespace samen::domain
