// Every combination of role x audience x family_visible x organisations x seat at the
// table x legal basis (none, legal duty, safety, consent with its parties and state) x age
// (11, 12, 15, 16, and the last millisecond before and the first of the 12th and 16th
// birthdays) x author or not, against an oracle written from domain.md in terms of those
// dimensions rather than of the facts.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "domain/policy_entries.hpp"
#include "entry_scenario.hpp"

namespace samen::domain {
namespace {

using namespace samen::domain::testing;

// Where the viewer (O) and the author (OA) work.
enum class Orgs { both_school, both_provider, viewer_school, author_school, both_external };
// The viewer's seat: lead, on the team, no seat, or (for family logins) tied to P — the
// pupil's own login or a guardian's with parental authority — or a guardian without it.
enum class Seat { lead, team, none, family_tie, guardian_without_authority };
enum class Basis { none, legal_duty, safety, consent };
enum class Parties { guardian, pupil, both };
enum class GrantState { valid, expired, future, withdrawn };

struct Age {
  const char* name;
  Millis t;
  int years;
};

struct Combo {
  Role role;
  Audience audience;
  bool family_visible;
  Orgs orgs;
  Seat seat;
  Basis basis;
  Parties parties;
  GrantState state;
  Age age;
  bool author;
};

struct Expected {
  bool allowed;
  int rule;
  std::string code;
};

bool rule2(Role r) {
  return r == Role::admin || r == Role::school_leader || r == Role::policy_officer ||
         r == Role::researcher || r == Role::privacy_officer;
}

std::string viewer_org(Orgs o) {
  return (o == Orgs::both_school || o == Orgs::viewer_school) ? kSchool
         : o == Orgs::both_provider                           ? kProvider
                                                              : kHood;
}
std::string author_org(Orgs o) {
  return (o == Orgs::both_school || o == Orgs::author_school) ? kSchool : kProvider;
}
Role author_role(Orgs o) {
  return author_org(o) == kSchool ? Role::mentor : Role::school_care_worker;
}

bool parties_complete(Parties p, int age) {
  if (age < 12) return p != Parties::pupil;
  if (age < 16) return p == Parties::both;
  return p != Parties::guardian;
}

// domain.md, rules 1-8, read off the dimensions.
Expected oracle(const Combo& c) {
  if (c.author) return {true, 1, "author"};
  if (rule2(c.role)) return {false, 2, "role_without_case_access"};
  bool grant_in_force = c.basis == Basis::consent && c.state == GrantState::valid;
  if (c.role == Role::guardian || c.role == Role::pupil) {
    if (!c.family_visible || c.seat != Seat::family_tie) return {false, 3, "not_for_family"};
    if (c.role == Role::pupil || c.age.years < 16) return {true, 3, "family"};
    bool pupil_consented = grant_in_force && c.parties != Parties::guardian;
    return pupil_consented ? Expected{true, 3, "family"} : Expected{false, 3, "not_for_family"};
  }
  bool care_coordinator_of_school =
      c.role == Role::care_coordinator && viewer_org(c.orgs) == kSchool;
  if (c.seat != Seat::lead && c.seat != Seat::team && !care_coordinator_of_school)
    return {false, 4, "not_on_case_team"};
  bool same_org = viewer_org(c.orgs) == author_org(c.orgs);
  switch (c.audience) {
    case Audience::private_:
      return {false, 5, "private_entry"};
    case Audience::discipline:
      return same_org && c.role == author_role(c.orgs) ? Expected{true, 6, "same_discipline"}
                                                       : Expected{false, 6, "other_discipline"};
    case Audience::school:
      if (viewer_org(c.orgs) != kSchool) return {false, 7, "school_only"};
      break;
    case Audience::case_team:
      break;
  }
  if (same_org) return {true, 8, "same_organisation"};
  if (c.basis == Basis::legal_duty && c.role == Role::attendance_officer)
    return {true, 8, "legal_duty"};
  if (c.basis == Basis::safety) return {true, 8, "safety"};
  if (grant_in_force)
    return parties_complete(c.parties, c.age.years)
               ? Expected{true, 8, "consent"}
               : Expected{false, 8, "consent_incomplete_for_age"};
  return {false, 8, "no_legal_basis"};
}

Viewer make_viewer(const Combo& c) {
  std::string membership = c.seat == Seat::lead   ? "m-lead"
                           : c.seat == Seat::team ? "m-team-2"
                                                  : "m-viewer";
  std::string user = "u-viewer";
  if (c.seat == Seat::family_tie) user = c.role == Role::pupil ? "u-pupil" : "u-father";
  if (c.seat == Seat::guardian_without_authority) user = "u-step";
  return viewer(c.role, viewer_org(c.orgs), membership, user);
}

EntryFacts make_entry(const Combo& c, const Viewer& v) {
  EntryCategory category =
      c.basis == Basis::legal_duty ? EntryCategory::attendance : EntryCategory::wellbeing;
  EntryFacts e =
      entry(c.audience, category, c.family_visible, author_role(c.orgs), author_org(c.orgs));
  if (c.author) {
    e.author_user_id = v.user_id;
    e.author_membership_id = v.membership_id;
  }
  return e;
}

std::vector<ConsentGrant> make_grants(const Combo& c, const Viewer& v) {
  if (c.basis != Basis::consent) return {};
  std::vector<std::string> guardians;
  if (c.parties != Parties::pupil) guardians = {"g-mother"};
  ConsentGrant g = consent("k1", guardians, c.parties != Parties::guardian, {v.organisation_id}, {},
                           {EntryCategory::wellbeing}, c.age.t - kDay, c.age.t + kDay);
  g.recipient_guardians = true;
  switch (c.state) {
    case GrantState::valid:
      break;
    case GrantState::expired:
      g.valid_until = c.age.t;  // ends exactly now
      break;
    case GrantState::future:
      g.valid_from = c.age.t + 1;
      break;
    case GrantState::withdrawn:
      g.withdrawn_at = c.age.t;  // withdrawn exactly now
      g.withdrawn_by_pupil = c.parties != Parties::guardian;
      break;
  }
  return {g};
}

std::vector<SafetyDecision> make_safety(const Combo& c, const Viewer& v) {
  if (c.basis != Basis::safety) return {};
  return {safety_decision("s1", {v.organisation_id}, c.age.t - kDay, c.age.t + 1)};
}

std::string describe(const Combo& c) {
  std::ostringstream out;
  out << "role " << to_string(c.role) << ", audience " << to_string(c.audience)
      << ", family_visible " << c.family_visible << ", orgs " << static_cast<int>(c.orgs)
      << ", seat " << static_cast<int>(c.seat) << ", basis " << static_cast<int>(c.basis)
      << ", parties " << static_cast<int>(c.parties) << ", state " << static_cast<int>(c.state)
      << ", age " << c.age.name << ", author " << c.author;
  return out.str();
}

TEST(EntryPolicyMatrix, EveryCombinationAgreesWithTheOracle) {
  const std::vector<Age> ages = {
      {"11", at_age_11(), 11},
      {"12", noon(Date{2024, 9, 1}), 12},
      {"15", noon(Date{2027, 9, 1}), 15},
      {"16", at_age_16(), 16},
      {"day before 12th birthday", twelfth_birthday() - 1, 11},
      {"12th birthday", twelfth_birthday(), 12},
      {"day before 16th birthday", sixteenth_birthday() - 1, 15},
      {"16th birthday", sixteenth_birthday(), 16},
  };
  const CaseFacts the = the_case();
  std::vector<Combo> combos;
  for (Role role : all_roles())
    for (Audience audience : all_audiences())
      for (bool fv : {false, true})
        for (Orgs orgs : {Orgs::both_school, Orgs::both_provider, Orgs::viewer_school,
                          Orgs::author_school, Orgs::both_external})
          for (Seat seat : {Seat::lead, Seat::team, Seat::none, Seat::family_tie,
                            Seat::guardian_without_authority})
            for (Basis basis : {Basis::none, Basis::legal_duty, Basis::safety, Basis::consent})
              for (Parties parties : {Parties::guardian, Parties::pupil, Parties::both})
                for (GrantState state : {GrantState::valid, GrantState::expired, GrantState::future,
                                         GrantState::withdrawn}) {
                  if (basis != Basis::consent &&
                      (parties != Parties::guardian || state != GrantState::valid))
                    continue;  // grant dimensions only vary when a grant is offered
                  for (const Age& age : ages)
                    for (bool author : {false, true})
                      combos.push_back(
                          {role, audience, fv, orgs, seat, basis, parties, state, age, author});
                }

  int failures = 0;
  std::vector<int> by_rule(9, 0);
  for (const Combo& c : combos) {
    Viewer v = make_viewer(c);
    EntryFacts e = make_entry(c, v);
    Decision d = decide_entry_access(v, e, the, make_grants(c, v), make_safety(c, v), c.age.t);
    Expected want = oracle(c);
    std::string rule_prefix = "entry." + std::to_string(want.rule) + "_";
    bool ok = d.allowed == want.allowed && (d.allowed ? d.legal_basis : d.reason) == want.code &&
              d.rule.rfind(rule_prefix, 0) == 0 && !d.reasons.empty() &&
              d.safety_decision_id.has_value() == (d.legal_basis == "safety") &&
              (d.legal_basis != "consent" || d.consent_id == "k1") &&
              (d.allowed || !d.consent_id.has_value());
    if (!ok && ++failures <= 10)
      ADD_FAILURE() << describe(c) << "\n  want " << want.allowed << " " << want.code << " rule "
                    << want.rule << "\n  got  " << d.allowed << " " << d.legal_basis << d.reason
                    << " " << d.rule << "\n  last reason: " << d.reasons.back();
    ++by_rule[want.rule];
  }
  EXPECT_EQ(failures, 0);
  // 15 roles x 4 audiences x 2 x 5 orgs x 5 seats x (3 + 12) bases x 8 ages x 2.
  EXPECT_EQ(combos.size(), 15u * 4 * 2 * 5 * 5 * 15 * 8 * 2);
  for (int rule = 1; rule <= 8; ++rule) EXPECT_GT(by_rule[rule], 0) << "rule " << rule;
}

}  // namespace
}  // namespace samen::domain
