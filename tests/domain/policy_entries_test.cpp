// Hand-written rows and scenarios for the entry access rules (domain.md, "Access decision
// rules"); the exhaustive combinations are in policy_entries_matrix_test.cpp.
#include "domain/policy_entries.hpp"

#include <gtest/gtest.h>

#include "entry_scenario.hpp"

namespace samen::domain {
namespace {

using namespace samen::domain::testing;
using A = Audience;
using C = EntryCategory;
using R = Role;

// The family worker of the neighbourhood team, on the case team.
Viewer family_worker() { return viewer(R::family_worker, kHood, "m-team-1", "u-fw"); }
// Consent for the neighbourhood team on home and wellbeing, by the mother and the pupil.
ConsentGrant hood_consent() {
  return consent("k-hood", {"g-mother"}, true, {kHood}, {}, {C::home, C::wellbeing},
                 noon(Date{2025, 1, 1}));
}
ConsentGrant guardians_consent() {  // the pupil (16+) lets the guardians see home entries
  ConsentGrant g = consent("k-guardians", {}, true, {}, {}, {C::home}, noon(Date{2028, 4, 1}));
  g.recipient_guardians = true;
  return g;
}

struct Row {
  std::string name;
  Viewer viewer;
  EntryFacts entry;
  std::vector<ConsentGrant> grants;
  std::vector<SafetyDecision> safety;
  Millis t;
  bool allowed;
  std::string rule;
  std::string code;  // legal basis when allowed, reason when denied
  std::string consent_id = "";
  std::string safety_decision_id = "";
};

class EntryPolicyRows : public ::testing::TestWithParam<Row> {};

TEST_P(EntryPolicyRows, DecideAsDomainMdSays) {
  const Row& r = GetParam();
  Decision d = decide_entry_access(r.viewer, r.entry, the_case(), r.grants, r.safety, r.t);
  std::string all;
  for (const auto& line : d.reasons) all += "\n  " + line;
  EXPECT_EQ(d.allowed, r.allowed) << all;
  EXPECT_EQ(d.rule, r.rule) << all;
  EXPECT_EQ(d.allowed ? d.legal_basis : d.reason, r.code) << all;
  EXPECT_EQ(d.allowed ? d.reason : d.legal_basis, "");
  EXPECT_EQ(d.consent_id.value_or(""), r.consent_id);
  EXPECT_EQ(d.safety_decision_id.value_or(""), r.safety_decision_id);
  EXPECT_FALSE(d.reasons.empty());
}

const Millis t13 = at_age_13();
const SafetyDecision kSafetyHood =
    safety_decision("s-hood", {kHood, kCity}, noon(Date{2025, 6, 1}), noon(Date{2026, 6, 1}));

INSTANTIATE_TEST_SUITE_P(
    KeyCases, EntryPolicyRows,
    ::testing::Values(
        Row{"author_sees_own_private_entry", viewer(R::youth_health, kGgd, "m-author", "u-author"),
            entry(A::private_, C::health, false, R::youth_health, kGgd), {}, {}, t13, true,
            "entry.1_author", "author"},
        Row{"same_person_in_another_membership_is_not_the_author",
            viewer(R::teacher, kSchool, "m-other", "u-author"),
            entry(A::private_, C::health, false, R::youth_health, kGgd), {}, {}, t13, false,
            "entry.4_need_to_know", "not_on_case_team"},
        Row{"admin_even_on_the_team_sees_no_content", viewer(R::admin, kSchool, "m-team-2", "u-a"),
            entry(A::case_team, C::learning, true, R::mentor, kSchool), {}, {}, t13, false,
            "entry.2_role_without_case_access", "role_without_case_access"},
        Row{"privacy_officer_sees_no_content", viewer(R::privacy_officer, kSchool, "m-po", "u-po"),
            entry(A::school, C::learning, true, R::mentor, kSchool), {}, {}, t13, false,
            "entry.2_role_without_case_access", "role_without_case_access"},
        Row{"pupil_sees_family_visible", viewer(R::pupil, kSchool, "m-pupil", "u-pupil"),
            entry(A::case_team, C::home, true, R::family_worker, kHood), {}, {}, t13, true,
            "entry.3_family", "family"},
        Row{"pupil_not_other_entries", viewer(R::pupil, kSchool, "m-pupil", "u-pupil"),
            entry(A::case_team, C::home, false, R::family_worker, kHood), {}, {}, t13, false,
            "entry.3_family", "not_for_family"},
        Row{"another_pupil", viewer(R::pupil, kSchool, "m-x", "u-other-pupil"),
            entry(A::case_team, C::home, true, R::family_worker, kHood), {}, {}, t13, false,
            "entry.3_family", "not_for_family"},
        Row{"mother_sees_family_visible_at_13", viewer(R::guardian, "", "m-mother", "u-mother"),
            entry(A::school, C::learning, true, R::mentor, kSchool), {}, {}, t13, true,
            "entry.3_family", "family"},
        Row{"guardian_without_parental_authority", viewer(R::guardian, "", "m-step", "u-step"),
            entry(A::school, C::learning, true, R::mentor, kSchool), {}, {}, t13, false,
            "entry.3_family", "not_for_family"},
        Row{"mother_at_16_without_pupil_consent", viewer(R::guardian, "", "m-mother", "u-mother"),
            entry(A::case_team, C::home, true, R::family_worker, kHood), {}, {}, at_age_16(),
            false, "entry.3_family", "not_for_family"},
        Row{"mother_at_16_with_pupil_consent", viewer(R::guardian, "", "m-mother", "u-mother"),
            entry(A::case_team, C::home, true, R::family_worker, kHood), {guardians_consent()}, {},
            at_age_16(), true, "entry.3_family", "family", "k-guardians"},
        Row{"mother_at_16_consent_for_other_category",
            viewer(R::guardian, "", "m-mother", "u-mother"),
            entry(A::case_team, C::health, true, R::family_worker, kHood), {guardians_consent()},
            {}, at_age_16(), false, "entry.3_family", "not_for_family"},
        Row{"teacher_not_on_team", viewer(R::teacher, kSchool, "m-t", "u-t"),
            entry(A::school, C::learning, false, R::mentor, kSchool), {}, {}, t13, false,
            "entry.4_need_to_know", "not_on_case_team"},
        Row{"care_coordinator_of_the_school_passes_rule_4",
            viewer(R::care_coordinator, kSchool, "m-cc", "u-cc"),
            entry(A::case_team, C::learning, false, R::mentor, kSchool), {}, {}, t13, true,
            "entry.8_crossing_organisations", "same_organisation"},
        Row{"care_coordinator_of_another_school", viewer(R::care_coordinator, "school2", "m-cc2",
                                                         "u-cc2"),
            entry(A::case_team, C::learning, false, R::mentor, kSchool), {}, {}, t13, false,
            "entry.4_need_to_know", "not_on_case_team"},
        Row{"team_member_and_a_private_entry", viewer(R::mentor, kSchool, "m-team-2", "u-m"),
            entry(A::private_, C::learning, false, R::mentor, kSchool), {}, {}, t13, false,
            "entry.5_private", "private_entry"},
        Row{"youth_health_colleague_reads_discipline_note",
            viewer(R::youth_health, kGgd, "m-team-2", "u-yh2"),
            entry(A::discipline, C::health, false, R::youth_health, kGgd), {}, {}, t13, true,
            "entry.6_discipline", "same_discipline"},
        Row{"youth_health_of_another_organisation",
            viewer(R::youth_health, "ggd2", "m-team-2", "u-yh3"),
            entry(A::discipline, C::health, false, R::youth_health, kGgd), {}, {}, t13, false,
            "entry.6_discipline", "other_discipline"},
        Row{"consent_never_widens_a_discipline_entry", family_worker(),
            entry(A::discipline, C::home, false, R::youth_health, kGgd), {hood_consent()},
            {kSafetyHood}, t13, false, "entry.6_discipline", "other_discipline"},
        Row{"school_entry_outside_the_school", family_worker(),
            entry(A::school, C::home, false, R::mentor, kSchool), {hood_consent()}, {}, t13, false,
            "entry.7_school", "school_only"},
        Row{"school_entry_inside_the_school", viewer(R::mentor, kSchool, "m-lead", "u-m"),
            entry(A::school, C::behaviour, false, R::teacher, kSchool), {}, {}, t13, true,
            "entry.8_crossing_organisations", "same_organisation"},
        Row{"school_entry_by_the_care_provider_needs_a_basis",
            viewer(R::mentor, kSchool, "m-lead", "u-m"),
            entry(A::school, C::behaviour, false, R::school_care_worker, kProvider), {}, {}, t13,
            false, "entry.8_crossing_organisations", "no_legal_basis"},
        Row{"attendance_officer_legal_duty", viewer(R::attendance_officer, kCity, "m-team-3", "u-ao"),
            entry(A::case_team, C::attendance, false, R::mentor, kSchool), {}, {}, t13, true,
            "entry.8_crossing_organisations", "legal_duty"},
        Row{"attendance_officer_and_wellbeing", viewer(R::attendance_officer, kCity, "m-team-3",
                                                       "u-ao"),
            entry(A::case_team, C::wellbeing, false, R::mentor, kSchool), {}, {}, t13, false,
            "entry.8_crossing_organisations", "no_legal_basis"},
        Row{"legal_duty_before_safety", viewer(R::attendance_officer, kCity, "m-team-3", "u-ao"),
            entry(A::case_team, C::attendance, false, R::mentor, kSchool), {}, {kSafetyHood}, t13,
            true, "entry.8_crossing_organisations", "legal_duty"},
        Row{"family_worker_with_consent", family_worker(),
            entry(A::case_team, C::home, false, R::mentor, kSchool), {hood_consent()}, {}, t13,
            true, "entry.8_crossing_organisations", "consent", "k-hood"},
        Row{"consent_for_another_category", family_worker(),
            entry(A::case_team, C::health, false, R::mentor, kSchool), {hood_consent()}, {}, t13,
            false, "entry.8_crossing_organisations", "no_legal_basis"},
        Row{"consent_by_role", viewer(R::inclusion_counsellor, "partnership", "m-team-4", "u-ic"),
            entry(A::case_team, C::learning, false, R::mentor, kSchool),
            {consent("k-role", {"g-father"}, true, {}, {R::inclusion_counsellor}, {C::learning},
                     noon(Date{2025, 1, 1}))},
            {}, t13, true, "entry.8_crossing_organisations", "consent", "k-role"},
        Row{"safety_without_consent", family_worker(),
            entry(A::case_team, C::safety, false, R::mentor, kSchool), {}, {kSafetyHood}, t13,
            true, "entry.8_crossing_organisations", "safety", "", "s-hood"},
        Row{"safety_before_consent", family_worker(),
            entry(A::case_team, C::home, false, R::mentor, kSchool), {hood_consent()},
            {kSafetyHood}, t13, true, "entry.8_crossing_organisations", "safety", "", "s-hood"},
        Row{"safety_decision_expired", family_worker(),
            entry(A::case_team, C::safety, false, R::mentor, kSchool), {}, {kSafetyHood},
            noon(Date{2026, 6, 1}), false, "entry.8_crossing_organisations", "no_legal_basis"},
        Row{"safety_decision_on_another_case", family_worker(),
            entry(A::case_team, C::safety, false, R::mentor, kSchool), {},
            {SafetyDecision{"s-x", "c2", {kHood}, 0, noon(Date{2030, 1, 1})}}, t13, false,
            "entry.8_crossing_organisations", "no_legal_basis"},
        Row{"guardian_only_grant_at_13", family_worker(),
            entry(A::case_team, C::home, false, R::mentor, kSchool),
            {consent("k-mother", {"g-mother"}, false, {kHood}, {}, {C::home},
                     noon(Date{2025, 1, 1}))},
            {}, t13, false, "entry.8_crossing_organisations", "consent_incomplete_for_age"},
        Row{"grant_by_a_guardian_without_parental_authority", family_worker(),
            entry(A::case_team, C::home, false, R::mentor, kSchool),
            {consent("k-step", {"g-step"}, true, {kHood}, {}, {C::home}, noon(Date{2025, 1, 1}))},
            {}, t13, false, "entry.8_crossing_organisations", "consent_incomplete_for_age"},
        Row{"entry_of_another_case", family_worker(),
            [] {
              EntryFacts e = entry(A::case_team, C::home, false, R::mentor, kSchool);
              e.case_id = "c2";
              return e;
            }(),
            {hood_consent()}, {}, t13, false, "entry.0_same_case", "entry_not_on_case"}),
    [](const ::testing::TestParamInfo<Row>& info) { return info.param.name; });

ConsentGrant mother_only_for_hood() {
  return consent("k-mother", {"g-mother"}, false, {kHood}, {}, {C::home}, noon(Date{2020, 1, 1}));
}

TEST(EntryPolicyBirthdays, TwelfthBirthdayMakesAGuardianOnlyGrantIncomplete) {
  EntryFacts e = entry(A::case_team, C::home, false, R::mentor, kSchool);
  ConsentGrant g = mother_only_for_hood();
  auto decide = [&](const std::vector<ConsentGrant>& grants, Millis t) {
    return decide_entry_access(family_worker(), e, the_case(), grants, {}, t);
  };
  Decision before = decide({g}, twelfth_birthday() - 1);
  EXPECT_TRUE(before.allowed);
  EXPECT_EQ(before.legal_basis, "consent");
  EXPECT_EQ(before.consent_id, "k-mother");

  Decision on_the_day = decide({g}, twelfth_birthday());
  EXPECT_FALSE(on_the_day.allowed);
  EXPECT_EQ(on_the_day.reason, "consent_incomplete_for_age");
  EXPECT_FALSE(on_the_day.consent_id) << "consent_id names only a grant access rests on";
  EXPECT_NE(on_the_day.reasons.back().find("k-mother"), std::string::npos);

  // The pupil's consent in a separate grant does not complete the mother's: parties count
  // per grant (docs/decisions.md).
  ConsentGrant pupil_alone =
      consent("k-pupil", {}, true, {kHood}, {}, {C::home}, twelfth_birthday());
  EXPECT_EQ(decide({g, pupil_alone}, twelfth_birthday()).reason, "consent_incomplete_for_age");

  // Once the pupil also consents to the grant, it counts again.
  g.given_by_pupil = true;
  Decision joined = decide({g}, twelfth_birthday());
  EXPECT_TRUE(joined.allowed);
  EXPECT_EQ(joined.consent_id, "k-mother");
}

TEST(EntryPolicyBirthdays, SixteenAndOverThePupilAlone) {
  EntryFacts e = entry(A::case_team, C::home, false, R::mentor, kSchool);
  ConsentGrant pupil_alone =
      consent("k-pupil", {}, true, {kHood}, {}, {C::home}, noon(Date{2027, 1, 1}));
  auto decide = [&](const ConsentGrant& g, Millis t) {
    return decide_entry_access(family_worker(), e, the_case(), {g}, {}, t);
  };
  EXPECT_EQ(decide(pupil_alone, sixteenth_birthday() - 1).reason, "consent_incomplete_for_age");
  EXPECT_EQ(decide(pupil_alone, sixteenth_birthday()).legal_basis, "consent");
  EXPECT_EQ(decide(pupil_alone, at_age_16()).legal_basis, "consent");
  ConsentGrant mother = mother_only_for_hood();
  EXPECT_EQ(decide(mother, at_age_16()).reason, "consent_incomplete_for_age");
  ConsentGrant both =
      consent("k-both", {"g-father"}, true, {kHood}, {}, {C::home}, noon(Date{2025, 1, 1}));
  EXPECT_EQ(decide(both, sixteenth_birthday() - 1).legal_basis, "consent");
  EXPECT_EQ(decide(both, sixteenth_birthday()).legal_basis, "consent");
}

TEST(EntryPolicyBirthdays, GuardiansLoseTheFamilyViewAtSixteenUntilThePupilConsents) {
  Viewer mother = viewer(R::guardian, "", "m-mother", "u-mother");
  EntryFacts e = entry(A::case_team, C::home, true, R::family_worker, kHood);
  ConsentGrant g = guardians_consent();
  g.valid_from = noon(Date{2027, 1, 1});  // given while 14: the pupil is a party
  g.given_by_guardian_ids = {"g-mother"};
  CaseFacts c = the_case();
  EXPECT_TRUE(decide_entry_access(mother, e, c, {}, {}, sixteenth_birthday() - 1).allowed);
  EXPECT_FALSE(decide_entry_access(mother, e, c, {}, {}, sixteenth_birthday()).allowed);
  Decision with = decide_entry_access(mother, e, c, {g}, {}, sixteenth_birthday());
  EXPECT_TRUE(with.allowed);
  EXPECT_EQ(with.consent_id, "k-guardians");
  // The pupil's own view is never conditional.
  Viewer pupil = viewer(R::pupil, "", "m-pupil", "u-pupil");
  EXPECT_TRUE(decide_entry_access(pupil, e, c, {}, {}, sixteenth_birthday()).allowed);
}

TEST(EntryPolicyWithdrawal, TakesEffectAtThatInstant) {
  EntryFacts e = entry(A::case_team, C::home, false, R::mentor, kSchool);
  ConsentGrant g = hood_consent();
  Millis withdrawn = noon(Date{2025, 10, 1});
  g.withdrawn_at = withdrawn;
  g.withdrawn_by_guardian_id = "g-mother";
  auto at = [&](Millis t) {
    return decide_entry_access(family_worker(), e, the_case(), {g}, {}, t);
  };
  EXPECT_TRUE(at(withdrawn - 1).allowed);
  EXPECT_EQ(at(withdrawn).reason, "no_legal_basis");
  EXPECT_EQ(at(withdrawn + kDay).reason, "no_legal_basis");
}

TEST(EntryPolicyDiscipline, ConsentAndSafetyNeverWidenIt) {
  EntryFacts note = entry(A::discipline, C::health, false, R::youth_health, kGgd);
  std::vector<ConsentGrant> everything = {
      consent("k-all", {"g-mother", "g-father"}, true, {kHood, kSchool, kCity, "ggd2", kProvider},
              {R::family_worker, R::mentor, R::youth_health, R::care_coordinator},
              all_entry_categories(), 0)};
  std::vector<SafetyDecision> safety = {safety_decision(
      "s-all", {kHood, kSchool, kCity, "ggd2", kProvider}, 0, noon(Date{2040, 1, 1}))};
  for (Role role : all_roles()) {
    for (const std::string& org : {kHood, kSchool, kCity, std::string("ggd2"), kProvider}) {
      Viewer v = viewer(role, org, "m-team-1", "u-x");
      Decision d = decide_entry_access(v, note, the_case(), everything, safety, t13);
      EXPECT_FALSE(d.allowed) << to_string(role) << " at " << org;
    }
  }
  Viewer colleague = viewer(R::youth_health, kGgd, "m-team-1", "u-x");
  EXPECT_TRUE(decide_entry_access(colleague, note, the_case(), {}, {}, t13).allowed);
}

TEST(EntryPolicyRule2, AnAuthorInARule2RoleIsStillTheAuthor) {
  // Rule 1 comes first (domain.md). Rule-2 roles cannot write entries (they never pass
  // decide_case_access), so this only happens with data written in another way; see
  // docs/decisions.md.
  Viewer admin = viewer(R::admin, kSchool, "m-admin", "u-admin");
  EntryFacts own = entry(A::private_, C::learning, false, R::admin, kSchool, "u-admin", "m-admin");
  Decision d = decide_entry_access(admin, own, the_case(), {}, {}, t13);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.rule, "entry.1_author");
  EXPECT_FALSE(decide_case_access(admin, the_case(), {}, t13).allowed);
}

TEST(EntryPolicyExplain, ReasonsWalkTheRulesInOrder) {
  Decision d =
      decide_entry_access(family_worker(), entry(A::case_team, C::home, false, R::mentor, kSchool),
                          the_case(), {hood_consent()}, {}, t13);
  ASSERT_TRUE(d.allowed);
  ASSERT_EQ(d.reasons.size(), 9u);
  const char* prefixes[] = {"rule 1:", "rule 2:", "rule 3:", "rule 4:", "the entry is for",
                            "rule 8:", "rule 8:", "rule 8:", "rule 8:"};
  for (size_t i = 0; i < d.reasons.size(); ++i)
    EXPECT_EQ(d.reasons[i].rfind(prefixes[i], 0), 0u) << d.reasons[i];
  EXPECT_NE(d.reasons.back().find("k-hood"), std::string::npos) << d.reasons.back();
  EXPECT_NE(d.reasons[3].find("on the case team"), std::string::npos) << d.reasons[3];
}

TEST(EntryPolicyCase, WhoMayEnterTheCase) {
  CaseFacts c = the_case();
  auto decide = [&](const Viewer& v, Millis t, std::vector<ConsentGrant> grants = {}) {
    return decide_case_access(v, c, grants, t);
  };
  Decision lead = decide(viewer(R::school_care_worker, kProvider, "m-lead", "u-l"), t13);
  EXPECT_TRUE(lead.allowed);
  EXPECT_EQ(lead.rule, "case.4_need_to_know");
  EXPECT_EQ(lead.legal_basis, "need_to_know");
  EXPECT_TRUE(decide(family_worker(), t13).allowed) << "on the team, even before consent";
  EXPECT_TRUE(decide(viewer(R::care_coordinator, kSchool, "m-cc", "u-cc"), t13).allowed);
  EXPECT_EQ(decide(viewer(R::care_coordinator, "school2", "m-cc", "u-cc"), t13).reason,
            "not_on_case_team");
  EXPECT_EQ(decide(viewer(R::mentor, kSchool, "m-other", "u-mentor"), t13).reason,
            "not_on_case_team");
  EXPECT_EQ(decide(viewer(R::school_leader, kSchool, "m-lead", "u-sl"), t13).reason,
            "role_without_case_access");
  Viewer pupil = viewer(R::pupil, "", "m-p", "u-pupil");
  EXPECT_EQ(decide(pupil, at_age_16()).legal_basis, "family");
  Viewer mother = viewer(R::guardian, "", "m-g", "u-mother");
  EXPECT_TRUE(decide(mother, t13).allowed);
  EXPECT_EQ(decide(mother, at_age_16()).reason, "not_for_family");
  Decision consented = decide(mother, at_age_16(), {guardians_consent()});
  EXPECT_TRUE(consented.allowed);
  EXPECT_EQ(consented.consent_id, "k-guardians");
  EXPECT_EQ(decide(viewer(R::guardian, "", "m-s", "u-step"), t13).reason, "not_for_family");
  EXPECT_EQ(decide(viewer(R::pupil, "", "m-s", "u-mother"), t13).reason, "not_for_family")
      << "a guardian's login acting as a pupil is not the pupil";
}

TEST(EntryPolicyPreview, WhoWouldAndWouldNotSeeADraft) {
  EntryFacts draft = entry(A::case_team, C::home, true, R::mentor, kSchool, "u-m", "m-lead");
  draft.entry_id.clear();
  std::vector<Viewer> candidates = {
      viewer(R::mentor, kSchool, "m-lead", "u-m"),               // the author, lead
      family_worker(),                                           // consent
      viewer(R::attendance_officer, kCity, "m-team-3", "u-ao"),  // no basis for home
      viewer(R::youth_health, kGgd, "m-team-2", "u-yh"),         // no basis
      viewer(R::care_coordinator, kSchool, "m-cc", "u-cc"),      // same organisation
      viewer(R::guardian, "", "m-mother", "u-mother"),           // family_visible
      viewer(R::guardian, "", "m-step", "u-step"),               // no parental authority
      viewer(R::pupil, "", "m-pupil", "u-pupil"),                // family_visible
      viewer(R::teacher, kSchool, "m-t", "u-t"),                 // not on the team
      family_worker(),                                           // listed once
  };
  AudiencePreview p = preview_audience(draft, the_case(), candidates, {hood_consent()}, {}, t13);
  std::vector<std::string> see, not_see;
  for (const auto& row : p.will_see)
    see.push_back(row.viewer.user_id + ":" + row.decision.legal_basis);
  for (const auto& row : p.will_not_see)
    not_see.push_back(row.viewer.user_id + ":" + row.decision.reason);
  EXPECT_EQ(see, (std::vector<std::string>{"u-m:author", "u-fw:consent", "u-cc:same_organisation",
                                           "u-mother:family", "u-pupil:family"}));
  EXPECT_EQ(not_see, (std::vector<std::string>{"u-ao:no_legal_basis", "u-yh:no_legal_basis",
                                               "u-step:not_for_family", "u-t:not_on_case_team"}));
  for (const auto& row : p.will_not_see) EXPECT_FALSE(row.decision.reasons.empty());
}

}  // namespace
}  // namespace samen::domain
