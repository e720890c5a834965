#include "domain/policy_entries.hpp"

#include <algorithm>
#include <utility>

#include "domain/consent.hpp"

namespace samen::domain {
namespace {

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return !id.empty() && std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool same_id(const std::string& a, const std::string& b) { return !a.empty() && a == b; }

std::string str(std::string_view s) { return std::string(s); }

// Collects the reasons step by step and ends in a decision.
class Steps {
 public:
  void note(std::string why) { reasons_.push_back(std::move(why)); }

  Decision allow(std::string rule, std::string basis, std::string why) {
    Decision d = finish(std::move(rule), std::move(why));
    d.allowed = true;
    d.legal_basis = std::move(basis);
    return d;
  }

  Decision deny(std::string rule, std::string reason, std::string why) {
    Decision d = finish(std::move(rule), std::move(why));
    d.reason = std::move(reason);
    return d;
  }

 private:
  Decision finish(std::string rule, std::string why) {
    reasons_.push_back(std::move(why));
    Decision d;
    d.rule = std::move(rule);
    d.reasons = std::move(reasons_);
    return d;
  }

  std::vector<std::string> reasons_;
};

constexpr const char* kRule2 = "role_without_case_access";

std::string role_note(Role role) {
  return "rule 2: role " + str(to_string(role)) + " may see case content";
}

// Rule 3 for one entry: decides always.
Decision decide_family(Steps& s, const Viewer& v, const EntryFacts& e, const CaseFacts& c,
                       const std::vector<ConsentGrant>& grants, Millis t) {
  const char* rule = "entry.3_family";
  if (!e.family_visible)
    return s.deny(rule, "not_for_family", "rule 3: the entry is not marked for the family");
  switch (family_tie(v, c)) {
    case FamilyTie::none:
      return s.deny(rule, "not_for_family",
                    "rule 3: the viewer is neither the pupil nor a guardian of the pupil with "
                    "parental authority");
    case FamilyTie::pupil:
      return s.allow(rule, "family",
                     "rule 3: the entry is marked for the family and the viewer is the pupil");
    case FamilyTie::guardian:
      break;
  }
  int age = age_at(c.pupil_date_of_birth, t);
  if (age < 16)
    return s.allow(rule, "family",
                   "rule 3: the entry is marked for the family and the viewer is a guardian "
                   "with parental authority of a pupil aged " +
                       std::to_string(age));
  s.note("rule 3: the pupil is " + std::to_string(age) +
         ", so a guardian needs the pupil's consent for \"guardians\"");
  ConsentFinding consent = find_guardian_consent(grants, c, e.category, t);
  if (consent.status != ConsentStatus::valid)
    return s.deny(rule, "not_for_family", "rule 3: " + consent.explanation);
  Decision d = s.allow(rule, "family", "rule 3: " + consent.explanation);
  d.consent_id = consent.grant_id;
  return d;
}

// Rule 8: crossing organisations.
Decision decide_crossing(Steps& s, const Viewer& v, const EntryFacts& e, const CaseFacts& c,
                         const std::vector<ConsentGrant>& grants,
                         const std::vector<SafetyDecision>& safety, Millis t) {
  const char* rule = "entry.8_crossing_organisations";
  if (same_id(v.organisation_id, e.author_organisation_id))
    return s.allow(rule, "same_organisation",
                   "rule 8: the viewer works in the author's organisation");
  s.note(
      "rule 8: the viewer's organisation differs from the author's, so a legal basis "
      "must hold");
  if (legal_duty_applies(v.role, e.category))
    return s.allow(rule, "legal_duty",
                   "rule 8: legal duty: attendance entries go to the attendance officer "
                   "(Compulsory Education Act)");
  s.note("rule 8: no legal duty (that covers attendance entries for the attendance officer)");
  if (const SafetyDecision* sd = safety_decision_for(safety, c, v.organisation_id, t)) {
    Decision d = s.allow(rule, "safety",
                         "rule 8: safety decision " + sd->id +
                             " (reporting code) on this case names the viewer's organisation");
    d.safety_decision_id = sd->id;
    return d;
  }
  s.note("rule 8: no safety decision on this case in force names the viewer's organisation");
  ConsentFinding consent = find_consent(grants, c, v.organisation_id, v.role, e.category, t);
  switch (consent.status) {
    case ConsentStatus::valid: {
      Decision d = s.allow(rule, "consent", "rule 8: " + consent.explanation);
      d.consent_id = consent.grant_id;
      return d;
    }
    case ConsentStatus::incomplete_for_age:
      return s.deny(rule, "consent_incomplete_for_age", "rule 8: " + consent.explanation);
    case ConsentStatus::pending: {
      Decision d = s.deny(rule, "consent_pending", "rule 8: " + consent.explanation);
      d.consent_id = consent.grant_id;
      return d;
    }
    case ConsentStatus::none:
      break;
  }
  return s.deny(rule, "no_legal_basis", "rule 8: " + consent.explanation);
}

}  // namespace

bool is_role_without_case_access(Role role) {
  return role == Role::admin || role == Role::school_leader || role == Role::policy_officer ||
         role == Role::researcher || role == Role::privacy_officer;
}

bool is_author(const Viewer& v, const EntryFacts& e) {
  return same_id(v.user_id, e.author_user_id) && v.membership_id == e.author_membership_id;
}

FamilyTie family_tie(const Viewer& v, const CaseFacts& c) {
  if (v.role == Role::pupil && same_id(v.user_id, c.pupil_user_id)) return FamilyTie::pupil;
  if (v.role == Role::guardian && contains(guardian_user_ids_with_authority(c), v.user_id))
    return FamilyTie::guardian;
  return FamilyTie::none;
}

std::string seat_at_table(const Viewer& v, const CaseFacts& c) {
  if (same_id(v.membership_id, c.lead_membership_id)) return "the lead professional";
  if (contains(c.team_membership_ids, v.membership_id)) return "on the case team";
  if (v.role == Role::care_coordinator && same_id(v.organisation_id, c.school_id))
    return "the care coordinator of the pupil's school";
  return "";
}

bool legal_duty_applies(Role role, EntryCategory category) {
  return role == Role::attendance_officer && category == EntryCategory::attendance;
}

const SafetyDecision* safety_decision_for(const std::vector<SafetyDecision>& safety,
                                          const CaseFacts& c, const std::string& organisation_id,
                                          Millis t) {
  for (const auto& sd : safety)
    if (same_id(sd.case_id, c.case_id) && safety_decision_valid_at(sd, t) &&
        contains(sd.organisation_ids, organisation_id))
      return &sd;
  return nullptr;
}

Decision decide_entry_access(const Viewer& v, const EntryFacts& e, const CaseFacts& c,
                             const std::vector<ConsentGrant>& grants,
                             const std::vector<SafetyDecision>& safety, Millis t) {
  Steps s;
  if (!same_id(e.case_id, c.case_id) || !same_id(e.pupil_id, c.pupil_id))
    return s.deny("entry.0_same_case", "entry_not_on_case",
                  "the entry does not belong to the case the decision was asked for");
  if (is_author(v, e))
    return s.allow("entry.1_author", "author",
                   "rule 1: the viewer wrote this entry, in this membership");
  s.note("rule 1: the viewer did not write this entry in this membership");

  if (is_role_without_case_access(v.role))
    return s.deny("entry.2_role_without_case_access", kRule2,
                  "rule 2: role " + str(to_string(v.role)) +
                      " sees aggregates, exports or the audit log, never case content");
  s.note(role_note(v.role));

  if (is_family_role(v.role)) return decide_family(s, v, e, c, grants, t);
  s.note("rule 3: the viewer is not a family login");

  std::string seat = seat_at_table(v, c);
  if (seat.empty())
    return s.deny("entry.4_need_to_know", "not_on_case_team",
                  "rule 4: the viewer is not the lead, not on the case team and not the care "
                  "coordinator of the pupil's school");
  s.note("rule 4: the viewer is " + seat);

  switch (e.audience) {
    case Audience::private_:
      return s.deny("entry.5_private", "private_entry",
                    "rule 5: the entry is private to its author");
    case Audience::discipline:
      if (v.role == e.author_role && same_id(v.organisation_id, e.author_organisation_id))
        return s.allow("entry.6_discipline", "same_discipline",
                       "rule 6: the entry is for the author's discipline, and the viewer has "
                       "the author's role (" +
                           str(to_string(e.author_role)) + ") in the author's organisation");
      return s.deny("entry.6_discipline", "other_discipline",
                    "rule 6: the entry is for the author's discipline (" +
                        str(to_string(e.author_role)) +
                        " in the author's organisation) only; consent never widens it");
    case Audience::school:
      if (!same_id(v.organisation_id, c.school_id))
        return s.deny("entry.7_school", "school_only",
                      "rule 7: the entry is for school staff, and the viewer does not act for "
                      "the pupil's school");
      s.note("rule 7: the entry is for school staff, and the viewer acts for the pupil's school");
      break;
    case Audience::case_team:
      s.note("the entry is for the case team");
      break;
  }
  return decide_crossing(s, v, e, c, grants, safety, t);
}

Decision decide_case_access(const Viewer& v, const CaseFacts& c,
                            const std::vector<ConsentGrant>& grants, Millis t) {
  Steps s;
  if (is_role_without_case_access(v.role))
    return s.deny("case.2_role_without_case_access", kRule2,
                  "rule 2: role " + str(to_string(v.role)) +
                      " sees aggregates, exports or the audit log, never cases");
  s.note(role_note(v.role));
  if (is_family_role(v.role)) {
    const char* rule = "case.3_family";
    switch (family_tie(v, c)) {
      case FamilyTie::none:
        return s.deny(rule, "not_for_family",
                      "rule 3: the viewer is neither the pupil nor a guardian of the pupil with "
                      "parental authority");
      case FamilyTie::pupil:
        return s.allow(rule, "family", "rule 3: the viewer is the pupil");
      case FamilyTie::guardian:
        break;
    }
    int age = age_at(c.pupil_date_of_birth, t);
    if (age < 16)
      return s.allow(rule, "family",
                     "rule 3: the viewer is a guardian with parental authority of a pupil aged " +
                         std::to_string(age));
    for (EntryCategory category : all_entry_categories()) {
      ConsentFinding consent = find_guardian_consent(grants, c, category, t);
      if (consent.status != ConsentStatus::valid) continue;
      Decision d =
          s.allow(rule, "family",
                  "rule 3: the pupil is " + std::to_string(age) + "; " + consent.explanation);
      d.consent_id = consent.grant_id;
      return d;
    }
    return s.deny(rule, "not_for_family",
                  "rule 3: the pupil is " + std::to_string(age) +
                      " and has not consented to the guardians seeing the case");
  }
  s.note("rule 3: the viewer is not a family login");
  std::string seat = seat_at_table(v, c);
  if (seat.empty())
    return s.deny("case.4_need_to_know", "not_on_case_team",
                  "rule 4: the viewer is not the lead, not on the case team and not the care "
                  "coordinator of the pupil's school");
  return s.allow("case.4_need_to_know", "need_to_know", "rule 4: the viewer is " + seat);
}

AudiencePreview preview_audience(const EntryFacts& draft, const CaseFacts& c,
                                 const std::vector<Viewer>& candidates,
                                 const std::vector<ConsentGrant>& grants,
                                 const std::vector<SafetyDecision>& safety, Millis t) {
  AudiencePreview preview;
  std::vector<std::pair<std::string, std::string>> seen;
  for (const Viewer& v : candidates) {
    std::pair<std::string, std::string> key{v.user_id, v.membership_id};
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    Decision d = decide_entry_access(v, draft, c, grants, safety, t);
    (d.allowed ? preview.will_see : preview.will_not_see).push_back({v, std::move(d)});
  }
  return preview;
}

}  // namespace samen::domain
