#include "domain/policy_may.hpp"

#include "domain/consent.hpp"
#include "domain/policy_cases.hpp"
#include "domain/policy_consent.hpp"
#include "domain/policy_entries.hpp"
#include "domain/policy_family.hpp"

namespace samen::domain {

CaseMay decide_case_may(const Viewer& v, const CaseFacts& c, bool open, bool plan_visible,
                        EntryCategory first_category, const std::vector<ConsentGrant>& grants,
                        Millis t, bool put_forward_open) {
  CaseMay may;
  bool manage = decide_case_action(v, c, CaseAction::manage).allowed;
  bool changes = manage && open;
  may.edit = may.close = may.change_level = may.add_member = may.remove_member = changes;
  may.add_goal = may.add_action = changes && plan_visible;
  may.write_entry = decide_case_action(v, c, CaseAction::write_entry).allowed;
  may.add_family_view =
      is_family_role(v.role) && decide_family_view(v, c, first_category, grants, t).allowed;
  may.read_safety_decisions = decide_case_action(v, c, CaseAction::record_safety_decision).allowed;
  may.record_safety_decision = may.read_safety_decisions && open;
  may.put_forward =
      open && !put_forward_open && decide_case_action(v, c, CaseAction::put_forward).allowed;
  return may;
}

GoalMay decide_goal_may(const Viewer& v, const CaseFacts& c, bool open) {
  GoalMay may;
  may.edit = open && decide_case_action(v, c, CaseAction::manage).allowed;
  return may;
}

ActionMay decide_action_may(const Viewer& v, const CaseFacts& c, bool open,
                            const std::string& owner_membership_id) {
  ActionMay may;
  if (!open) return may;
  may.edit = decide_action_update(v, c, owner_membership_id, false).allowed;
  may.mark_done = decide_action_update(v, c, owner_membership_id, true).allowed;
  return may;
}

PupilMay decide_pupil_may(const Viewer& v, const PupilFacts& p) {
  PupilMay may;
  may.edit = decide_pupil_access(v, p, PupilAction::update).allowed;
  may.record_signal = decide_signal_action(v, p.school_id, "", SignalAction::record).allowed;
  CaseFacts fresh;
  fresh.pupil_id = p.pupil_id;
  fresh.school_id = p.school_id;
  may.open_case = decide_case_action(v, fresh, CaseAction::open).allowed;
  may.invite_family = decide_family_invitation(v, p.school_id).allowed;
  return may;
}

SignalMay decide_signal_may(const Viewer& v, const std::string& school_id,
                            const std::string& author_user_id, const std::string& status) {
  SignalMay may;
  may.triage = status == "open" &&
               decide_signal_action(v, school_id, author_user_id, SignalAction::triage).allowed;
  return may;
}

ConsentMay decide_consent_may(const Viewer& v, const std::vector<Viewer>& memberships,
                              const CaseFacts& pupil, const std::vector<CaseFacts>& cases,
                              const ConsentGrant& g, const std::string& recorded_by_user_id,
                              Millis t) {
  ConsentMay may;
  may.confirm =
      g.awaits_confirmation && !g.confirmed_at && !g.withdrawn_at &&
      decide_grant_confirmation(v, memberships, pupil, cases, g, recorded_by_user_id).allowed;
  if (g.withdrawn_at) return may;
  if (g.given_by_pupil)
    may.withdraw = decide_consent_recording_any(v, pupil, cases, {}, true, t).allowed;
  for (const auto& guardian : g.given_by_guardian_ids)
    may.withdraw =
        may.withdraw || decide_consent_recording_any(v, pupil, cases, {guardian}, false, t).allowed;
  return may;
}

EntryMay decide_entry_may(const Viewer& v, const EntryFacts& e, const std::string& kind, bool write,
                          const CaseFacts& c, const std::vector<ConsentGrant>& grants, Millis t) {
  EntryMay may;
  if (is_family_role(v.role))
    may.correct = kind == "family_view" && is_author(v, e) &&
                  decide_family_view(v, c, e.category, grants, t).allowed;
  else
    may.correct = write;
  return may;
}

}  // namespace samen::domain
