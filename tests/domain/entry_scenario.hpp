#pragma once
// A small world around one case, shared by the entry policy tests: pupil P (born 10 March
// 2012) of school "school", a lead and a case team, guardians with and without parental
// authority, and helpers for viewers, entries, grants and safety decisions.
#include <optional>
#include <string>
#include <vector>

#include "domain/case.hpp"
#include "domain/policy.hpp"

namespace samen::domain::testing {

inline constexpr Millis kDay = 86'400'000;
inline const std::string kSchool = "school";
inline const std::string kProvider = "provider";  // care provider (school care worker)
inline const std::string kGgd = "ggd";            // health service (youth health)
inline const std::string kCity = "city";          // municipality (attendance officer)
inline const std::string kHood = "hood";          // neighbourhood team (family worker)
inline const Date kBorn{2012, 3, 10};

inline Millis midnight(Date d) { return netherlands_midnight(d); }
inline Millis noon(Date d) { return netherlands_midnight(d) + kDay / 2; }
inline Millis at_age_11() { return noon(Date{2023, 9, 1}); }
inline Millis at_age_13() { return noon(Date{2025, 9, 1}); }
inline Millis at_age_16() { return noon(Date{2028, 9, 1}); }
inline Millis twelfth_birthday() { return midnight(Date{2024, 3, 10}); }
inline Millis sixteenth_birthday() { return midnight(Date{2028, 3, 10}); }

inline CaseFacts the_case() {
  CaseFacts c;
  c.case_id = "c1";
  c.pupil_id = "p1";
  c.school_id = kSchool;
  c.lead_membership_id = "m-lead";
  c.team_membership_ids = {"m-team-1", "m-team-2", "m-team-3", "m-team-4"};
  c.pupil_date_of_birth = kBorn;
  c.pupil_user_id = "u-pupil";
  c.guardians = {
      {"g-mother", "u-mother", true}, {"g-father", "u-father", true}, {"g-step", "u-step", false}};
  return c;
}

inline Viewer viewer(Role role, const std::string& org, const std::string& membership,
                     const std::string& user) {
  return Viewer{user, membership, org, "r1", role};
}

inline EntryFacts entry(Audience audience, EntryCategory category, bool family_visible,
                        Role author_role, const std::string& author_org,
                        const std::string& author_user = "u-author",
                        const std::string& author_membership = "m-author") {
  EntryFacts e;
  e.entry_id = "e1";
  e.case_id = "c1";
  e.pupil_id = "p1";
  e.author_user_id = author_user;
  e.author_membership_id = author_membership;
  e.author_organisation_id = author_org;
  e.author_role = author_role;
  e.audience = audience;
  e.category = category;
  e.family_visible = family_visible;
  return e;
}

inline ConsentGrant consent(const std::string& id, std::vector<std::string> guardians, bool pupil,
                            std::vector<std::string> organisations, std::vector<Role> roles,
                            std::vector<EntryCategory> categories, Millis from,
                            std::optional<Millis> until = std::nullopt) {
  ConsentGrant g;
  g.id = id;
  g.pupil_id = "p1";
  g.given_by_guardian_ids = std::move(guardians);
  g.given_by_pupil = pupil;
  g.recipient_organisation_ids = std::move(organisations);
  g.recipient_roles = std::move(roles);
  g.categories = std::move(categories);
  g.valid_from = from;
  g.valid_until = until;
  return g;
}

inline SafetyDecision safety_decision(const std::string& id, std::vector<std::string> orgs,
                                      Millis from, Millis until) {
  return SafetyDecision{id, "c1", std::move(orgs), from, until};
}

}  // namespace samen::domain::testing
