#include "domain/policy_meetings.hpp"

#include <algorithm>

#include "domain/consent.hpp"
#include "domain/policy_entries.hpp"

namespace samen::domain {
namespace {

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return !id.empty() && std::find(ids.begin(), ids.end(), id) != ids.end();
}

Decision allow(std::string rule, std::string basis, std::string why) {
  Decision d;
  d.allowed = true;
  d.rule = std::move(rule);
  d.legal_basis = std::move(basis);
  d.reasons.push_back(std::move(why));
  return d;
}

Decision deny(std::string rule, std::string reason, std::string why) {
  Decision d;
  d.rule = std::move(rule);
  d.reason = std::move(reason);
  d.reasons.push_back(std::move(why));
  return d;
}

bool is_care_coordinator_of(const Viewer& v, const std::string& school_id) {
  return v.role == Role::care_coordinator && v.organisation_id == school_id;
}

}  // namespace

Decision decide_meeting_listing(const Viewer& v) {
  if (is_role_without_case_access(v.role) || is_family_role(v.role))
    return deny("meeting.1_role", "role_without_case_access",
                "this role does not take part in case meetings");
  return allow("meeting.list", "need_to_know", "the viewer works on cases");
}

Decision decide_meeting_access(const Viewer& v, const MeetingFacts& m) {
  if (auto listing = decide_meeting_listing(v); !listing.allowed) return listing;
  if (v.membership_id == m.chair_membership_id)
    return allow("meeting.2_chair", "need_to_know", "the viewer chairs the meeting");
  if (is_care_coordinator_of(v, m.school_id))
    return allow("meeting.3_care_coordinator", "need_to_know",
                 "the viewer is the care coordinator of the school");
  if (contains(m.member_ids, v.membership_id))
    return allow("meeting.4_member", "need_to_know", "the viewer is a standing member");
  if (contains(m.attendee_ids, v.membership_id))
    return allow("meeting.5_attendee", "need_to_know", "an item of the agenda invites the viewer");
  return deny("meeting.6_not_invited", "not_invited", "the viewer is not invited to this meeting");
}

Decision decide_meeting_planning(const Viewer& v, const std::string& school_id,
                                 const std::string& chair_membership_id) {
  if (!chair_membership_id.empty() && v.membership_id == chair_membership_id)
    return allow("meeting.plan_chair", "need_to_know", "the viewer chairs the series");
  if (is_care_coordinator_of(v, school_id))
    return allow("meeting.plan_care_coordinator", "need_to_know",
                 "the viewer is the care coordinator of the school");
  return deny("meeting.plan_not_chair", "not_permitted",
              "only the chair or the school's care coordinator plans its meetings");
}

bool sees_every_item(const Viewer& v, const MeetingFacts& m) {
  if (v.organisation_id != m.school_id) return false;
  return v.membership_id == m.chair_membership_id || is_care_coordinator_of(v, m.school_id) ||
         contains(m.member_ids, v.membership_id);
}

Decision decide_agenda_item_named(const Viewer& v, const CaseFacts& pupil,
                                  const std::vector<EntryCategory>& categories,
                                  const std::vector<ConsentGrant>& grants,
                                  const std::vector<SafetyDecision>& safety, Millis t) {
  if (is_role_without_case_access(v.role) || is_family_role(v.role))
    return deny("meeting.named_role", "role_without_case_access",
                "this role does not take part in case meetings");
  if (!v.organisation_id.empty() && v.organisation_id == pupil.school_id)
    return allow("meeting.named_school", "same_organisation", "the viewer works at the school");
  for (EntryCategory c : categories) {
    if (legal_duty_applies(v.role, c))
      return allow("meeting.named_legal_duty", "legal_duty",
                   "legal duty: the attendance officer, for an item about attendance "
                   "(Compulsory Education Act)");
  }
  if (!pupil.case_id.empty()) {
    if (const SafetyDecision* sd = safety_decision_for(safety, pupil, v.organisation_id, t)) {
      Decision d =
          allow("meeting.named_safety", "safety",
                "safety decision " + sd->id + " (reporting code) names the viewer's organisation");
      d.safety_decision_id = sd->id;
      return d;
    }
  }
  ConsentStatus best = ConsentStatus::none;
  for (EntryCategory c : categories) {
    ConsentFinding consent = find_consent(grants, pupil, v.organisation_id, v.role, c, t);
    if (consent.status == ConsentStatus::valid) {
      Decision d = allow("meeting.named_consent", "consent", consent.explanation);
      d.consent_id = consent.grant_id;
      return d;
    }
    best = std::max(best, consent.status);
  }
  return deny("meeting.anonymous", "no_legal_basis",
              best == ConsentStatus::none
                  ? "no consent, legal duty or safety decision lets the viewer know who this is"
                  : "a consent grant covers the viewer but does not count now (incomplete for "
                    "the pupil's age, or awaiting confirmation)");
}

Decision decide_missing_agenda_item() {
  Decision d;
  d.rule = "meeting.item_missing";
  d.reason = "no_such_item";
  d.reasons = {"the meeting's agenda has no item with this id"};
  return d;
}

}  // namespace samen::domain
