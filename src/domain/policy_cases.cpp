#include "domain/policy_cases.hpp"

#include <algorithm>

#include "domain/consent.hpp"
#include "domain/policy_entries.hpp"

namespace samen::domain {
namespace {

Decision allow(std::string rule, std::string basis, std::string why) {
  Decision d;
  d.allowed = true;
  d.rule = std::move(rule);
  d.legal_basis = std::move(basis);
  d.reasons = {std::move(why)};
  return d;
}

Decision deny(std::string rule, std::string reason, std::string why) {
  Decision d;
  d.rule = std::move(rule);
  d.reason = std::move(reason);
  d.reasons = {std::move(why)};
  return d;
}

bool acts_for_school(const Viewer& v, const std::string& school_id) {
  return !school_id.empty() && v.organisation_id == school_id;
}

bool is_care_coordinator_of(const Viewer& v, const std::string& school_id) {
  return v.role == Role::care_coordinator && acts_for_school(v, school_id);
}

bool is_lead(const Viewer& v, const CaseFacts& c) {
  return !c.lead_membership_id.empty() && v.membership_id == c.lead_membership_id;
}

}  // namespace

Decision decide_signal_action(const Viewer& v, const std::string& school_id,
                              const std::string& author_user_id, SignalAction action) {
  switch (action) {
    case SignalAction::record: {
      bool staff =
          v.role == Role::mentor || v.role == Role::teacher || v.role == Role::care_coordinator;
      if (staff && acts_for_school(v, school_id))
        return allow("case_action.signal_record", "school_care",
                     "school staff of the pupil's school record concerns about its pupils");
      return deny("case_action.signal_record", "not_school_staff",
                  "only mentors, teachers and the care coordinator of the pupil's school "
                  "record signals");
    }
    case SignalAction::read:
      if (!author_user_id.empty() && v.user_id == author_user_id)
        return allow("case_action.signal_read", "author", "the viewer wrote the signal");
      if (is_care_coordinator_of(v, school_id))
        return allow("case_action.signal_read", "school_care",
                     "the care coordinator of the pupil's school triages its signals");
      return deny("case_action.signal_read", "not_signal_reader",
                  "a signal is read by its author and the care coordinator of the school");
    case SignalAction::triage:
      if (is_care_coordinator_of(v, school_id))
        return allow("case_action.signal_triage", "school_care",
                     "the care coordinator of the pupil's school triages its signals");
      return deny("case_action.signal_triage", "not_care_coordinator",
                  "only the care coordinator of the pupil's school triages signals");
  }
  return deny("case_action.signal", "unknown_action", "unknown action");
}

Decision decide_case_action(const Viewer& v, const CaseFacts& c, CaseAction action) {
  if (is_role_without_case_access(v.role))
    return deny("case_action.2_role", "role_without_case_access",
                std::string(to_string(v.role)) + " does not work on cases");
  if (is_family_role(v.role))
    return deny("case_action.family", "not_for_family",
                "the family gives its view and consents through the family pages");
  switch (action) {
    case CaseAction::open:
      if (is_care_coordinator_of(v, c.school_id))
        return allow("case_action.open", "school_care",
                     "the care coordinator of the pupil's school opens cases");
      return deny("case_action.open", "not_care_coordinator",
                  "only the care coordinator of the pupil's school opens a case");
    case CaseAction::manage:
    case CaseAction::record_safety_decision:
      if (is_lead(v, c))
        return allow("case_action.manage", "lead", "the viewer is the case's lead professional");
      if (is_care_coordinator_of(v, c.school_id))
        return allow("case_action.manage", "school_care",
                     "the viewer is the care coordinator of the pupil's school");
      return deny("case_action.manage", "not_lead",
                  "only the lead or the care coordinator of the pupil's school manages a case");
    case CaseAction::write_entry: {
      std::string seat = seat_at_table(v, c);
      if (!seat.empty())
        return allow("case_action.write_entry", "need_to_know", "the viewer is " + seat);
      return deny("case_action.write_entry", "not_on_case_team",
                  "only those at the case's table write in its chronology");
    }
    case CaseAction::put_forward: {
      std::string seat = seat_at_table(v, c);
      if (!seat.empty())
        return allow("case_action.put_forward", "need_to_know", "the viewer is " + seat);
      return deny("case_action.put_forward", "not_on_case_team",
                  "a case is put forward for the consultation by those at its table");
    }
  }
  return deny("case_action", "unknown_action", "unknown action");
}

Decision decide_consent_recording(const Viewer& v, const CaseFacts& c,
                                  const std::vector<std::string>& as_guardian_ids, bool as_pupil,
                                  Millis t) {
  const char* rule = "case_action.consent";
  if (is_role_without_case_access(v.role))
    return deny(rule, "role_without_case_access",
                std::string(to_string(v.role)) + " does not record consent");
  if (is_family_role(v.role)) {
    auto tie = family_tie(v, c);
    if (tie == FamilyTie::pupil && as_pupil && as_guardian_ids.empty()) {
      if (age_at(c.pupil_date_of_birth, t) < 12)
        return deny(rule, "too_young_to_consent",
                    "under 12 the guardians consent; the pupil's own consent counts from 12");
      return allow(rule, "family", "the pupil gives their own consent");
    }
    if (tie == FamilyTie::guardian && !as_pupil && as_guardian_ids.size() == 1) {
      for (const auto& g : c.guardians)
        if (g.guardian_id == as_guardian_ids.front() && g.user_id == v.user_id &&
            g.parental_authority)
          return allow(rule, "family", "a guardian with parental authority gives consent");
    }
    return deny(rule, "not_own_consent",
                "a family member gives consent only for themself, as a guardian with parental "
                "authority or as the pupil");
  }
  if (is_care_coordinator_of(v, c.school_id))
    return allow(rule, "school_care",
                 "the care coordinator records consent the family gave the school");
  if (is_lead(v, c)) return allow(rule, "lead", "the case's lead records the family's consent");
  return deny(rule, "not_lead",
              "consent is recorded by the care coordinator, a case lead or the family itself");
}

Decision decide_action_done(const Viewer& v, const CaseFacts& c,
                            const std::string& owner_membership_id) {
  auto manage = decide_case_action(v, c, CaseAction::manage);
  if (manage.allowed) return manage;
  if (!is_role_without_case_access(v.role) && !is_family_role(v.role) &&
      !owner_membership_id.empty() && v.membership_id == owner_membership_id)
    return allow("case_action.action_done", "action_owner", "the viewer owns the action");
  return deny("case_action.action_done", "not_action_owner",
              "an action is marked done by its owner, the lead or the care coordinator");
}

bool may_see_put_forward(const Viewer& v) {
  return !is_family_role(v.role) && !is_role_without_case_access(v.role);
}

Decision decide_put_forward_withdrawal(const Viewer& v, const CaseFacts& c,
                                       const std::string& put_forward_by_membership_id) {
  auto manage = decide_case_action(v, c, CaseAction::manage);
  if (manage.allowed) return manage;
  if (!is_family_role(v.role) && v.membership_id == put_forward_by_membership_id &&
      !seat_at_table(v, c).empty())
    return allow("case_action.withdraw_put_forward", "put_forward_by",
                 "the viewer put the case forward");
  return deny("case_action.withdraw_put_forward", "not_put_forward_by",
              "a case put forward is withdrawn by whoever put it forward, the lead or the care "
              "coordinator");
}

Decision decide_action_update(const Viewer& v, const CaseFacts& c,
                              const std::string& owner_membership_id, bool only_done_changes) {
  if (only_done_changes) return decide_action_done(v, c, owner_membership_id);
  return decide_case_action(v, c, CaseAction::manage);
}

MembershipListingView membership_listing_view(const Decision& listing) {
  if (!listing.allowed) return MembershipListingView::none;
  return listing.legal_basis == "administration" ? MembershipListingView::administration
                                                 : MembershipListingView::picker;
}

Decision decide_membership_listing(const Viewer& v, const std::string& organisation_region_id,
                                   bool leads_open_case) {
  const char* rule = "case_action.membership_listing";
  if (organisation_region_id.empty() || v.region_id != organisation_region_id)
    return deny(rule, "other_region", "memberships are listed only within the viewer's region");
  if (v.role == Role::admin)
    return allow(rule, "administration", "the viewer administers this region");
  if (v.role == Role::care_coordinator)
    return allow(rule, "school_care", "care coordinators put case teams together");
  if (leads_open_case && !is_role_without_case_access(v.role) && !is_family_role(v.role))
    return allow(rule, "lead", "the viewer leads an open case and may add to its team");
  return deny(rule, "not_permitted",
              "memberships are listed for the region's admin, care coordinators and case leads");
}

bool may_read_case_reasons(const Viewer& v, const CaseFacts& c,
                           const std::string& written_by_user_id) {
  if (is_role_without_case_access(v.role) || is_family_role(v.role)) return false;
  return is_lead(v, c) || is_care_coordinator_of(v, c.school_id) ||
         (!written_by_user_id.empty() && v.user_id == written_by_user_id);
}

bool may_read_safety_reason(const Viewer& v, const CaseFacts& c, const SafetyDecision& d,
                            const std::string& decided_by_user_id) {
  if (is_role_without_case_access(v.role) || is_family_role(v.role)) return false;
  if (is_lead(v, c) || is_care_coordinator_of(v, c.school_id)) return true;
  if (!decided_by_user_id.empty() && v.user_id == decided_by_user_id) return true;
  return std::find(d.organisation_ids.begin(), d.organisation_ids.end(), v.organisation_id) !=
         d.organisation_ids.end();
}

Decision decide_explain(const Viewer& v, const std::string& subject_user_id,
                        const std::string& entry_region_id, bool viewer_sees_entry) {
  const char* rule = "case_action.explain";
  if (v.role == Role::privacy_officer && !entry_region_id.empty() && v.region_id == entry_region_id)
    return allow(rule, "oversight", "the privacy officer checks lawful use in their region");
  if (v.user_id != subject_user_id)
    return deny(rule, "not_privacy_officer",
                "only the privacy officer explains someone else's access");
  if (!viewer_sees_entry)
    return deny(rule, "not_visible", "a user asks why they see something only about what they see");
  return allow(rule, "self", "the viewer asks why they see this entry");
}

}  // namespace samen::domain
