#include "domain/policy_record.hpp"

#include "domain/consent.hpp"
#include "domain/policy_entries.hpp"

namespace samen::domain {
namespace {

Decision with_view(Decision d, PupilView view, std::string why) {
  d.view = view;
  d.reasons.push_back(std::move(why));
  return d;
}

Decision identification_only(const Decision& way_in, std::string why) {
  Decision d = way_in;
  d.rule = "record.identification_only";
  d.view = PupilView::identification;
  d.reasons.push_back(std::move(why) +
                      "; the record shows the pupil's name, class and school and that the case "
                      "exists, nothing more");
  return d;
}

// Rule 3 for the record: a guardian of a pupil of 16+ needs the pupil's consent.
Decision decide_for_guardian(const Decision& way_in, const CaseFacts& pupil,
                             const std::vector<ConsentGrant>& grants, Millis t) {
  int age = age_at(pupil.pupil_date_of_birth, t);
  if (age < 16) return with_view(way_in, PupilView::full, "record: the pupil is under 16");
  for (EntryCategory category : all_entry_categories()) {
    ConsentFinding consent = find_guardian_consent(grants, pupil, category, t);
    if (consent.status != ConsentStatus::valid) continue;
    Decision d = with_view(way_in, PupilView::full, "record: " + consent.explanation);
    d.consent_id = consent.grant_id;
    return d;
  }
  return identification_only(way_in, "record: the pupil is " + std::to_string(age) +
                                         " and has not consented to the guardians seeing it");
}

}  // namespace

bool record_view_needs_basis(const Viewer& v, const Decision& way_in,
                             const std::string& school_id) {
  if (!way_in.allowed) return false;
  if (v.role == Role::guardian) return true;
  if (is_family_role(v.role)) return false;  // the pupil themself
  return v.organisation_id.empty() || v.organisation_id != school_id;
}

Decision decide_record_view(const Viewer& v, const Decision& way_in, const CaseFacts& pupil,
                            const std::vector<CaseFacts>& cases,
                            const std::vector<ConsentGrant>& grants,
                            const std::vector<SafetyDecision>& safety, Millis t) {
  if (!record_view_needs_basis(v, way_in, pupil.school_id)) return way_in;
  if (v.role == Role::guardian) return decide_for_guardian(way_in, pupil, grants, t);
  if (legal_duty_applies(v.role, EntryCategory::attendance)) {
    Decision d = with_view(way_in, PupilView::full,
                           "record: legal duty: the attendance officer (Compulsory Education Act)");
    d.legal_basis = "legal_duty";
    return d;
  }
  for (const auto& c : cases) {
    if (seat_at_table(v, c).empty()) continue;
    if (const SafetyDecision* sd = safety_decision_for(safety, c, v.organisation_id, t)) {
      Decision d = with_view(way_in, PupilView::full,
                             "record: safety decision " + sd->id +
                                 " (reporting code) on a case where the viewer sits names the "
                                 "viewer's organisation");
      d.legal_basis = "safety";
      d.safety_decision_id = sd->id;
      return d;
    }
  }
  for (EntryCategory category : all_entry_categories()) {
    ConsentFinding consent = find_consent(grants, pupil, v.organisation_id, v.role, category, t);
    if (consent.status != ConsentStatus::valid) continue;
    Decision d = with_view(way_in, PupilView::full, "record: " + consent.explanation);
    d.legal_basis = "consent";
    d.consent_id = consent.grant_id;
    return d;
  }
  return identification_only(way_in,
                             "record: the viewer sits at the table from outside the pupil's "
                             "school, and no legal duty, safety decision or consent holds");
}

bool may_see_name_of(const Viewer& v, const CaseFacts& c, const std::string& membership_id,
                     Role role) {
  if (!is_family_role(v.role) || is_family_role(role)) return true;
  return !membership_id.empty() && membership_id == c.lead_membership_id;
}

}  // namespace samen::domain
