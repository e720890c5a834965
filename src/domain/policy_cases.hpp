#pragma once
// Who may *act* on signals and cases, part of the one policy module (policy.hpp decides
// about pupil records, policy_entries.hpp about reading case content). Reading is decided
// by the access rules; acting needs a role at the school or a seat at the table:
//   - a signal is recorded by school staff who work with the pupil (mentor, teacher, care
//     coordinator of P's school), read by its author and the care coordinator, and triaged
//     by the care coordinator of P's school;
//   - a case is opened by the care coordinator of P's school, and managed (lead, team,
//     level, goals, actions, review date, closing) by its lead or that care coordinator;
//   - a case is put forward for the next case consultation, with a question, by anyone at
//     its table (its lead, the team, the care coordinator; a mentor who is not at the
//     table records a signal, which goes on the agenda as well);
//   - an entry is written by a professional with a seat at the table (rule 4); the family
//     writes its own view through the family route (decide_family_view, policy_family.hpp);
//   - consent is recorded by the care coordinator or a case lead on the family's word, or
//     given by the family themselves (a guardian with parental authority, or a pupil of 12+
//     for their own part); safety decisions by the lead or the care coordinator;
//   - an explanation of someone else's access is for the privacy officer of the region;
//     of one's own, only for what one sees.
// Every decision names its rule ("case_action.*") and basis or reason, like the others.
#include <string>
#include <vector>

#include "domain/case.hpp"
#include "domain/policy.hpp"

namespace samen::domain {

enum class SignalAction { record, read, triage };

// `school_id` is P's school; `author_user_id` the signal's author (empty when recording).
Decision decide_signal_action(const Viewer& viewer, const std::string& school_id,
                              const std::string& author_user_id, SignalAction action);

enum class CaseAction {
  open,         // c holds P's facts; case_id is empty
  manage,       // lead, team, level, goals, actions, review date, close
  write_entry,  // add to the chronology
  record_safety_decision,
  put_forward,  // for the next case consultation, with a question
};

Decision decide_case_action(const Viewer& viewer, const CaseFacts& c, CaseAction action);

// Recording or giving consent for pupil P (c: any case of P, or P's facts without a case).
// A family member may give consent only for their own part: `as_guardian_id` names the
// guardian record the viewer gives it as, `as_pupil` whether the pupil gives it.
Decision decide_consent_recording(const Viewer& viewer, const CaseFacts& c,
                                  const std::vector<std::string>& as_guardian_ids, bool as_pupil,
                                  Millis t);

// Marking an action done: whoever manages the case, or the action's owner (the membership
// it was given to), so the people doing the work can tick it off themselves.
Decision decide_action_done(const Viewer& viewer, const CaseFacts& c,
                            const std::string& owner_membership_id);

// That a case is put forward, by whom and when, is for the professionals who read the
// case: it is the team's working agenda, not the family's (they see the meeting itself on
// the case). The question is case content besides: only with a legal basis for the pupil.
bool may_see_put_forward(const Viewer& viewer);

// Withdrawing a case put forward for the consultation: whoever put it forward (their
// question), or whoever manages the case.
Decision decide_put_forward_withdrawal(const Viewer& viewer, const CaseFacts& c,
                                       const std::string& put_forward_by_membership_id);

// Changing an action (PUT /api/actions/{id}): when only `done` changes, decide_action_done;
// any other change (text, owner, due date) is managing the case.
Decision decide_action_update(const Viewer& viewer, const CaseFacts& c,
                              const std::string& owner_membership_id, bool only_done_changes);

// Listing the memberships of an organisation (GET /api/organisations/{id}/memberships), to
// find a lead or a team member: the admin of the region, a care coordinator of the region
// (they open cases and put teams together), and a professional who leads an open case
// (`leads_open_case`, from the store). Always within the viewer's own region.
Decision decide_membership_listing(const Viewer& viewer, const std::string& organisation_region_id,
                                   bool leads_open_case);

// What an allowed listing shows: the region's admin (basis `administration`) also sees
// e-mail addresses and inactive users and memberships; everyone else the active ones to
// pick from.
enum class MembershipListingView { none, picker, administration };
MembershipListingView membership_listing_view(const Decision& listing);

// The reasons on a case record — why someone sits at the table, why the level changed —
// are case content too. The lead, the care coordinator of P's school and whoever wrote a
// reason see it on the record; everyone else reads it in the chronology, where the rules
// of sharing (and the family flag) apply.
bool may_read_case_reasons(const Viewer& viewer, const CaseFacts& c,
                           const std::string& written_by_user_id);

// A Meldcode safety decision's reason and steps are case content. They are read by whoever
// may record one on the case (its lead, the care coordinator of P's school), by whoever
// recorded it, and by a professional of an organisation it names (who works on the basis
// it gives and must know why). Who decided, for whom and for how long is the basis itself
// and goes wherever the basis is named. Never the family, never a rule-2 role.
bool may_read_safety_reason(const Viewer& viewer, const CaseFacts& c, const SafetyDecision& d,
                            const std::string& decided_by_user_id);
// Explaining access to an entry (GET /api/entries/{id}/explain?user=…): the privacy
// officer of the region the entry lies in may explain anyone's access, their own included
// (oversight); anyone else asks "why do I see this" only about themself and only for an
// entry they see (`viewer_sees_entry`: the decision for the membership they act in, now,
// allows). Explain is no oracle: the API answers every refusal as for a missing id.
Decision decide_explain(const Viewer& viewer, const std::string& subject_user_id,
                        const std::string& entry_region_id, bool viewer_sees_entry);

}  // namespace samen::domain
