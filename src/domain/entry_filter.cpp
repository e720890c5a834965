#include "domain/entry_filter.hpp"

#include <algorithm>

#include "domain/consent.hpp"
#include "domain/policy_entries.hpp"

namespace samen::domain {
namespace {

bool same_id(const std::string& a, const std::string& b) { return !a.empty() && a == b; }

bool has(const std::vector<EntryCategory>& categories, EntryCategory category) {
  return std::find(categories.begin(), categories.end(), category) != categories.end();
}

std::vector<EntryCategory> family_categories(const CaseFacts& c, FamilyTie tie,
                                             const std::vector<ConsentGrant>& grants, Millis t) {
  if (tie == FamilyTie::pupil || age_at(c.pupil_date_of_birth, t) < 16)
    return all_entry_categories();
  std::vector<EntryCategory> out;
  for (EntryCategory category : all_entry_categories())
    if (find_guardian_consent(grants, c, category, t).status == ConsentStatus::valid)
      out.push_back(category);
  return out;
}

std::vector<EntryCategory> crossing_categories(const Viewer& v, const CaseFacts& c,
                                               const std::vector<ConsentGrant>& grants,
                                               const std::vector<SafetyDecision>& safety,
                                               Millis t) {
  if (safety_decision_for(safety, c, v.organisation_id, t) != nullptr)
    return all_entry_categories();
  std::vector<EntryCategory> out;
  for (EntryCategory category : all_entry_categories())
    if (legal_duty_applies(v.role, category) ||
        find_consent(grants, c, v.organisation_id, v.role, category, t).status ==
            ConsentStatus::valid)
      out.push_back(category);
  return out;
}

}  // namespace

EntryFilter entry_filter_for(const Viewer& v, const CaseFacts& c,
                             const std::vector<ConsentGrant>& grants,
                             const std::vector<SafetyDecision>& safety, Millis t) {
  EntryFilter f;
  f.case_id = c.case_id;
  f.pupil_id = c.pupil_id;
  f.author_user_id = v.user_id;
  f.author_membership_id = v.membership_id;
  f.organisation_id = v.organisation_id;
  f.role = v.role;
  if (is_role_without_case_access(v.role)) return f;
  if (is_family_role(v.role)) {
    FamilyTie tie = family_tie(v, c);
    if (tie == FamilyTie::none) return f;
    f.family_categories = family_categories(c, tie, grants, t);
    // A guardian of a pupil of 16+ without the pupil's consent does not enter the case.
    if (!f.family_categories.empty()) f.reach = EntryFilter::Reach::family;
    return f;
  }
  if (seat_at_table(v, c).empty()) return f;
  f.reach = EntryFilter::Reach::team;
  f.school_audience = same_id(v.organisation_id, c.school_id);
  f.crossing_categories = crossing_categories(v, c, grants, safety, t);
  return f;
}

bool EntryFilter::allows(const EntryFacts& e) const {
  if (!same_id(e.case_id, case_id) || !same_id(e.pupil_id, pupil_id)) return false;
  if (same_id(e.author_user_id, author_user_id) && e.author_membership_id == author_membership_id)
    return true;
  switch (reach) {
    case Reach::own_entries_only:
      return false;
    case Reach::family:
      return e.family_visible && has(family_categories, e.category);
    case Reach::team:
      break;
  }
  bool same_organisation = same_id(e.author_organisation_id, organisation_id);
  switch (e.audience) {
    case Audience::private_:
      return false;
    case Audience::discipline:
      return same_organisation && e.author_role == role;
    case Audience::school:
      if (!school_audience) return false;
      break;
    case Audience::case_team:
      break;
  }
  return same_organisation || has(crossing_categories, e.category);
}

}  // namespace samen::domain
