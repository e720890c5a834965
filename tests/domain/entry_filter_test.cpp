// The listing filter and the single decision come from the same rules: on generated cases,
// viewers, entries, grants, safety decisions and moments they agree for every pair. Also
// the property that rule-2 roles never see an entry they did not write.
#include "domain/entry_filter.hpp"

#include <gtest/gtest.h>

#include <random>

#include "domain/policy_entries.hpp"
#include "entry_scenario.hpp"

namespace samen::domain {
namespace {

using namespace samen::domain::testing;

class World {
 public:
  explicit World(unsigned seed) : rng_(seed) {}

  template <typename T>
  const T& pick(const std::vector<T>& values) {
    return values[rng_() % values.size()];
  }
  bool chance(int percent) { return static_cast<int>(rng_() % 100) < percent; }
  Millis around(Millis t, Millis spread) {
    return std::uniform_int_distribution<Millis>(t - spread, t + spread)(rng_);
  }
  Millis up_to(Millis most) { return std::uniform_int_distribution<Millis>(0, most)(rng_); }

  // A case with a random school, lead, team, pupil login and parental authority.
  CaseFacts a_case() {
    CaseFacts c = the_case();
    c.case_id = pick(cases_);
    c.pupil_id = c.case_id == "c1" ? "p1" : "p2";
    c.school_id = pick(std::vector<std::string>{kSchool, "school2"});
    c.lead_membership_id = pick(memberships_);
    c.team_membership_ids.clear();
    for (const auto& m : memberships_)
      if (chance(30)) c.team_membership_ids.push_back(m);
    c.pupil_user_id = chance(80) ? "u-pupil" : "";
    for (auto& g : c.guardians) g.parental_authority = chance(70);
    return c;
  }

  Viewer a_viewer() {
    return viewer(pick(all_roles()), pick(orgs_), pick(memberships_), pick(users_));
  }

  EntryFacts an_entry(const CaseFacts& c) {
    EntryFacts e = entry(pick(all_audiences()), pick(all_entry_categories()), chance(40),
                         pick(all_roles()), pick(orgs_), pick(users_), pick(memberships_));
    e.case_id = chance(95) ? c.case_id : "c-other";
    e.pupil_id = chance(97) ? c.pupil_id : "p-other";
    return e;
  }

  ConsentGrant a_grant(const CaseFacts& c, Millis t) {
    ConsentGrant g;
    g.id = "k" + std::to_string(++ids_);
    g.pupil_id = chance(90) ? c.pupil_id : "p-other";
    for (const char* id : {"g-mother", "g-father", "g-step", "g-unknown"})
      if (chance(35)) g.given_by_guardian_ids.push_back(id);
    g.given_by_pupil = chance(55);
    for (const auto& o : orgs_)
      if (chance(25)) g.recipient_organisation_ids.push_back(o);
    for (Role r : all_roles())
      if (chance(10)) g.recipient_roles.push_back(r);
    g.recipient_guardians = chance(40);
    for (EntryCategory cat : all_entry_categories())
      if (chance(50)) g.categories.push_back(cat);
    g.valid_from = around(t, 30 * kDay);
    if (chance(50)) g.valid_until = g.valid_from + up_to(60 * kDay);
    if (chance(30)) g.withdrawn_at = around(t, 10 * kDay);
    return g;
  }

  SafetyDecision a_safety_decision(const CaseFacts& c, Millis t) {
    SafetyDecision sd;
    sd.id = "s" + std::to_string(++ids_);
    sd.case_id = chance(80) ? c.case_id : "c-other";
    for (const auto& o : orgs_)
      if (chance(30)) sd.organisation_ids.push_back(o);
    sd.valid_from = around(t, 30 * kDay);
    sd.valid_until = sd.valid_from + up_to(60 * kDay);
    return sd;
  }

  // Near the 12th and 16th birthdays, or anywhere from age 8 to 19.
  Millis a_moment() {
    switch (rng_() % 3) {
      case 0:
        return around(twelfth_birthday(), 3 * kDay);
      case 1:
        return around(sixteenth_birthday(), 3 * kDay);
      default:
        return around(noon(Date{2026, 3, 10}), 2000 * kDay);
    }
  }

 private:
  std::mt19937 rng_;
  int ids_ = 0;
  std::vector<std::string> cases_ = {"c1", "c1", "c1", "c2"};
  std::vector<std::string> orgs_ = {kSchool, "school2", kProvider, kGgd, kCity, kHood};
  std::vector<std::string> memberships_ = {"m-lead", "m-team-1", "m-team-2",
                                           "m-a",    "m-b",      "m-author"};
  std::vector<std::string> users_ = {"u-pupil",  "u-mother", "u-father", "u-step",
                                     "u-author", "u-x",      "u-y",      ""};
};

TEST(EntryFilter, AgreesWithTheSingleDecisionOnGeneratedData) {
  World w(20261124);
  long compared = 0, allowed = 0;
  for (int scenario = 0; scenario < 600; ++scenario) {
    CaseFacts c = w.a_case();
    Millis t = w.a_moment();
    std::vector<ConsentGrant> grants;
    for (int i = 0, n = scenario % 6; i < n; ++i) grants.push_back(w.a_grant(c, t));
    std::vector<SafetyDecision> safety;
    for (int i = 0, n = scenario % 3; i < n; ++i) safety.push_back(w.a_safety_decision(c, t));
    std::vector<EntryFacts> entries;
    for (int i = 0; i < 40; ++i) entries.push_back(w.an_entry(c));
    for (int i = 0; i < 25; ++i) {
      Viewer v = w.a_viewer();
      EntryFilter filter = entry_filter_for(v, c, grants, safety, t);
      Decision case_access = decide_case_access(v, c, grants, t);
      ASSERT_EQ(case_access.allowed, filter.reach != EntryFilter::Reach::own_entries_only)
          << "a case is listed exactly when the filter reaches past the viewer's own entries; "
          << to_string(v.role) << " " << case_access.rule;
      for (EntryFacts e : entries) {
        if (w.chance(10)) {  // the viewer as author, or the same user in another membership
          e.author_user_id = v.user_id;
          e.author_membership_id = w.chance(50) ? v.membership_id : "m-elsewhere";
        }
        Decision d = decide_entry_access(v, e, c, grants, safety, t);
        ASSERT_EQ(filter.allows(e), d.allowed)
            << "scenario " << scenario << ": " << to_string(v.role) << " at " << v.organisation_id
            << " (" << v.membership_id << ", " << v.user_id << "), entry " << to_string(e.audience)
            << "/" << to_string(e.category) << " by " << to_string(e.author_role) << " at "
            << e.author_organisation_id << "; decision " << d.rule << " " << d.legal_basis
            << d.reason;
        ++compared;
        allowed += d.allowed;
      }
    }
  }
  EXPECT_EQ(compared, 600L * 25 * 40);
  // Both outcomes occur often enough for the agreement to mean something.
  EXPECT_GT(allowed, compared / 50);
  EXPECT_LT(allowed, compared / 2);
}

TEST(EntryPolicyProperty, Rule2RolesNeverSeeAnEntryTheyDidNotWrite) {
  const std::vector<Role> rule2 = {Role::admin, Role::school_leader, Role::policy_officer,
                                   Role::researcher, Role::privacy_officer};
  World w(5);
  long checked = 0;
  for (int scenario = 0; scenario < 2000; ++scenario) {
    CaseFacts c = w.a_case();
    Millis t = w.a_moment();
    std::vector<ConsentGrant> grants;
    for (int i = 0; i < 4; ++i) {
      ConsentGrant g = w.a_grant(c, t);
      // Grants as wide as possible: every rule-2 role, everything.
      g.recipient_roles.insert(g.recipient_roles.end(), rule2.begin(), rule2.end());
      g.categories = all_entry_categories();
      grants.push_back(g);
    }
    std::vector<SafetyDecision> safety = {w.a_safety_decision(c, t)};
    safety[0].organisation_ids = {kSchool, "school2", kProvider, kGgd, kCity, kHood};
    Viewer v = w.a_viewer();
    v.role = w.pick(rule2);
    EXPECT_FALSE(decide_case_access(v, c, grants, t).allowed);
    EntryFilter filter = entry_filter_for(v, c, grants, safety, t);
    for (int i = 0; i < 20; ++i) {
      EntryFacts e = w.an_entry(c);
      e.family_visible = w.chance(50);
      if (w.chance(20)) {  // the same person, written in another membership
        e.author_user_id = v.user_id;
        e.author_membership_id = "m-elsewhere";
      }
      if (is_author(v, e)) continue;  // rule 1 comes first: see docs/decisions.md
      Decision d = decide_entry_access(v, e, c, grants, safety, t);
      ASSERT_FALSE(d.allowed) << to_string(v.role) << " " << d.rule;
      ASSERT_FALSE(filter.allows(e));
      if (d.rule != "entry.0_same_case") {
        ASSERT_EQ(d.reason, "role_without_case_access");
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 30000);
}

}  // namespace
}  // namespace samen::domain
