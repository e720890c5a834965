#pragma once
// What a viewer may do with a record, for the `may` object of its response, part of the one
// policy module: each flag is the decision the API takes when the action is tried, so the
// UI decides nothing and never offers what would be refused (allowed ⇔ flag;
// tests/integration/test_may_flags.py tries every flag on generated cases). Flags do not
// promise that the request body will be valid or that nobody changed the record since.
#include <string>
#include <vector>

#include "domain/case.hpp"
#include "domain/policy.hpp"

namespace samen::domain {

// On a case the viewer may enter. `open`: the case's status is open (a closed case does
// not change); `plan_visible`: the viewer has a legal basis for the pupil (the record's
// `full` view), without which the plan is neither read nor written (policy_record.hpp);
// `first_category`: the case's first category, which a family view takes by default.
struct CaseMay {
  bool edit = false;  // PUT: lead, categories, review date
  bool close = false;
  bool change_level = false;
  bool add_member = false;
  bool remove_member = false;
  bool add_goal = false;
  bool add_action = false;
  bool write_entry = false;  // also the audience preview; never closed for the record
  bool add_family_view = false;
  bool read_safety_decisions = false;
  bool record_safety_decision = false;
  bool put_forward = false;  // POST /api/cases/{id}/put-forward: only while none is open
};
// `put_forward_open`: the case is put forward already and not yet discussed.
CaseMay decide_case_may(const Viewer& viewer, const CaseFacts& c, bool open, bool plan_visible,
                        EntryCategory first_category, const std::vector<ConsentGrant>& grants,
                        Millis t, bool put_forward_open);

// On a goal or an action of a case whose plan the viewer reads; `open` as for CaseMay.
struct GoalMay {
  bool edit = false;  // PUT /api/goals/{id}: text, achieved
};
GoalMay decide_goal_may(const Viewer& viewer, const CaseFacts& c, bool open);

struct ActionMay {
  bool edit = false;       // PUT /api/actions/{id} with text, owner or due date changed
  bool mark_done = false;  // the same with only `done` changed: also the action's owner
};
ActionMay decide_action_may(const Viewer& viewer, const CaseFacts& c, bool open,
                            const std::string& owner_membership_id);

// On a pupil the viewer may read.
struct PupilMay {
  bool edit = false;
  bool record_signal = false;
  bool open_case = false;  // the policy's part: a pupil has one open case at most (409)
  bool invite_family = false;
};
PupilMay decide_pupil_may(const Viewer& viewer, const PupilFacts& pupil);

// On a signal the viewer may read.
struct SignalMay {
  bool triage = false;
};
SignalMay decide_signal_may(const Viewer& viewer, const std::string& school_id,
                            const std::string& author_user_id, const std::string& status);

// On a consent grant the viewer may read. `memberships`: every active membership of the
// viewer's user; `cases`: the pupil's cases.
struct ConsentMay {
  bool confirm = false;
  bool withdraw = false;  // for at least one of its parties (their own, or on their word)
};
ConsentMay decide_consent_may(const Viewer& viewer, const std::vector<Viewer>& memberships,
                              const CaseFacts& pupil, const std::vector<CaseFacts>& cases,
                              const ConsentGrant& grant, const std::string& recorded_by_user_id,
                              Millis t);

// On an entry the viewer sees. `write`: decide_case_action(write_entry) on its case, for
// the viewer, decided once per page.
struct EntryMay {
  bool correct = false;  // a professional corrects any entry they see; the family its own view
};
EntryMay decide_entry_may(const Viewer& viewer, const EntryFacts& entry, const std::string& kind,
                          bool write, const CaseFacts& c, const std::vector<ConsentGrant>& grants,
                          Millis t);

}  // namespace samen::domain
