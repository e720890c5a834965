#include "domain/policy.hpp"

#include <gtest/gtest.h>

#include <random>

namespace samen::domain {
namespace {

const std::string kSchool = "10";
const std::string kOtherSchool = "11";
const std::string kMentor = "100";

PupilFacts pupil() { return PupilFacts{"1", kSchool, kMentor, "200", {"300"}, {}}; }

Viewer viewer(Role role, const std::string& org, const std::string& user = "999") {
  return Viewer{user, "m1", org, "r1", role};
}

struct Case {
  Role role;
  std::string org;
  std::string user;
  PupilAction action;
  bool allowed;
  std::string rule_or_reason;
  PupilView view;
};

class PupilAccessTable : public ::testing::TestWithParam<Case> {};

TEST_P(PupilAccessTable, DecidesAsTheRulesSay) {
  const Case& c = GetParam();
  auto d = decide_pupil_access(viewer(c.role, c.org, c.user), pupil(), c.action);
  EXPECT_EQ(d.allowed, c.allowed);
  EXPECT_EQ(d.allowed ? d.rule : d.reason, c.rule_or_reason);
  EXPECT_EQ(d.view, c.view);
  EXPECT_FALSE(d.reasons.empty()) << "every decision explains itself";
  if (d.allowed) {
    EXPECT_FALSE(d.legal_basis.empty());
  }
}

using R = Role;
using A = PupilAction;
using V = PupilView;

INSTANTIATE_TEST_SUITE_P(
    Rules, PupilAccessTable,
    ::testing::Values(
        // family
        Case{R::pupil, kSchool, "200", A::read, true, "pupil.family", V::full},
        Case{R::pupil, kSchool, "201", A::read, false, "not_for_family", V::none},
        Case{R::guardian, kSchool, "300", A::read, true, "pupil.family", V::full},
        Case{R::guardian, kSchool, "300", A::update, false, "not_for_family", V::none},
        Case{R::guardian, kSchool, "301", A::read, false, "not_for_family", V::none},
        // steering and oversight
        Case{R::school_leader, kSchool, "1", A::read, false, "role_without_pupil_access", V::none},
        Case{R::policy_officer, kSchool, "1", A::read, false, "role_without_pupil_access", V::none},
        Case{R::researcher, kSchool, "1", A::read, false, "role_without_pupil_access", V::none},
        Case{R::privacy_officer, kSchool, "1", A::read, false, "role_without_pupil_access",
             V::none},
        // school administration
        Case{R::admin, kSchool, "1", A::read, true, "pupil.school_administration", V::full},
        Case{R::admin, kSchool, "1", A::update, true, "pupil.school_administration", V::full},
        Case{R::care_coordinator, kSchool, "1", A::create, true, "pupil.school_administration",
             V::full},
        Case{R::admin, kOtherSchool, "1", A::read, false, "not_same_school", V::none},
        Case{R::care_coordinator, kOtherSchool, "1", A::read, false, "not_same_school", V::none},
        Case{R::care_coordinator, kOtherSchool, "1", A::update, false, "not_permitted", V::none},
        // mentor and teacher
        Case{R::mentor, kSchool, kMentor, A::read, true, "pupil.mentor_of_pupil", V::full},
        Case{R::mentor, kSchool, kMentor, A::update, false, "not_permitted", V::none},
        Case{R::mentor, kSchool, "101", A::read, true, "pupil.school_directory", V::directory},
        Case{R::teacher, kSchool, "102", A::read, true, "pupil.school_directory", V::directory},
        Case{R::mentor, kOtherSchool, kMentor, A::read, false, "not_same_school", V::none},
        Case{R::teacher, kOtherSchool, "1", A::read, false, "not_same_school", V::none},
        // care partners need a case team
        Case{R::school_care_worker, kSchool, "1", A::read, false, "not_on_case_team", V::none},
        Case{R::attendance_officer, "20", "1", A::read, false, "not_on_case_team", V::none},
        Case{R::youth_health, "21", "1", A::read, false, "not_on_case_team", V::none},
        Case{R::family_worker, "22", "1", A::read, false, "not_on_case_team", V::none},
        Case{R::inclusion_counsellor, "23", "1", A::read, false, "not_on_case_team", V::none}));

// The listing filter and the single decision come from the same rules: on generated
// pupils and viewers, a pupil is in a viewer's scope with view X exactly when the single
// read decision allows it with view X.
TEST(PupilScope, AgreesWithSingleDecisionOnGeneratedData) {
  std::mt19937 rng(7);
  std::vector<std::string> schools = {"10", "11", "12"};
  std::vector<std::string> users = {"100", "101", "102", "103", "104"};
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  int compared = 0;
  for (int i = 0; i < 400; ++i) {
    PupilFacts p{std::to_string(i), pick(schools), pick(users), pick(users), {pick(users)}, {}};
    for (Role role : all_roles()) {
      for (const auto& org : schools) {
        Viewer v{pick(users), "m", org, "r1", role};
        auto decision = decide_pupil_access(v, p, PupilAction::read);
        auto view = view_in_scope(pupil_list_scope(v), p);
        ASSERT_EQ(decision.allowed, view != PupilView::none)
            << "role " << to_string(role) << " pupil " << i << " rule " << decision.rule
            << decision.reason;
        if (decision.allowed) {
          ASSERT_EQ(decision.view, view);
        }
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 10000);
}

TEST(Administration, OnlyAdminsOfTheRegion) {
  EXPECT_TRUE(decide_administration(viewer(Role::admin, "1"), "r1").allowed);
  EXPECT_FALSE(decide_administration(viewer(Role::admin, "1"), "r2").allowed);
  EXPECT_FALSE(decide_administration(viewer(Role::care_coordinator, "1"), "r1").allowed);
}

TEST(AuditLogRead, OnlyThePrivacyOfficer) {
  for (Role role : all_roles())
    EXPECT_EQ(decide_audit_log_read(viewer(role, "1")).allowed, role == Role::privacy_officer)
        << to_string(role);
}

TEST(PupilImport, OwnSchoolAdministratorsOnly) {
  EXPECT_TRUE(decide_pupil_import(viewer(Role::admin, kSchool), kSchool).allowed);
  EXPECT_TRUE(decide_pupil_import(viewer(Role::care_coordinator, kSchool), kSchool).allowed);
  EXPECT_FALSE(decide_pupil_import(viewer(Role::admin, kSchool), kOtherSchool).allowed);
  EXPECT_FALSE(decide_pupil_import(viewer(Role::mentor, kSchool), kSchool).allowed);
}

}  // namespace
}  // namespace samen::domain

namespace samen::domain {
namespace {

// Rule 5 of the pupil rules: a seat at the table of an open case of the pupil.
TEST(PupilAccess, CareTeamOfAnOpenCaseReadsTheFullRecord) {
  auto p = pupil();
  p.case_table_membership_ids = {"m-team"};
  Viewer worker{"500", "m-team", "20", "r1", Role::family_worker};
  auto d = decide_pupil_access(worker, p, PupilAction::read);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.rule, "pupil.case_team");
  EXPECT_EQ(d.legal_basis, "need_to_know");
  EXPECT_EQ(d.view, PupilView::full);
  // The same person in another membership, or without the seat, reaches nothing.
  Viewer other_membership{"500", "m-elsewhere", "20", "r1", Role::family_worker};
  EXPECT_FALSE(decide_pupil_access(other_membership, p, PupilAction::read).allowed);
  EXPECT_EQ(decide_pupil_access(worker, pupil(), PupilAction::read).reason, "not_on_case_team");
  // A seat gives reading, never changing the record.
  EXPECT_FALSE(decide_pupil_access(worker, p, PupilAction::update).allowed);
  // A teacher of the school at the table gets the full record instead of the directory.
  Viewer teacher{"501", "m-team", kSchool, "r1", Role::teacher};
  EXPECT_EQ(decide_pupil_access(teacher, p, PupilAction::read).view, PupilView::full);
  // Rule-2 roles stay out even if a membership id matched.
  Viewer leader{"502", "m-team", kSchool, "r1", Role::school_leader};
  EXPECT_FALSE(decide_pupil_access(leader, p, PupilAction::read).allowed);
}

}  // namespace
}  // namespace samen::domain

namespace samen::domain {
namespace {

// The pupil read skips loading the case tables when pupil_access_needs_case_tables says
// so; on generated data that shortcut never changes a decision.
TEST(PupilAccess, SkippingTheCaseTablesNeverChangesADecision) {
  std::mt19937 rng(11);
  std::vector<std::string> schools = {"10", "11"};
  std::vector<std::string> users = {"100", "101", "102"};
  std::vector<std::string> memberships = {"m1", "m2", "m3"};
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  int skipped = 0;
  for (int i = 0; i < 300; ++i) {
    PupilFacts with_tables{std::to_string(i), pick(schools), pick(users),
                           pick(users),       {pick(users)}, {pick(memberships)}};
    PupilFacts without_tables = with_tables;
    without_tables.case_table_membership_ids.clear();
    for (Role role : all_roles())
      for (const auto& org : schools)
        for (auto action : {PupilAction::read, PupilAction::update}) {
          Viewer v{pick(users), pick(memberships), org, "r1", role};
          if (pupil_access_needs_case_tables(v, without_tables, action)) continue;
          ++skipped;
          auto full = decide_pupil_access(v, with_tables, action);
          auto shortcut = decide_pupil_access(v, without_tables, action);
          ASSERT_EQ(full.allowed, shortcut.allowed) << to_string(role);
          ASSERT_EQ(full.rule, shortcut.rule) << to_string(role);
          ASSERT_EQ(full.view, shortcut.view) << to_string(role);
        }
  }
  EXPECT_GT(skipped, 1000);
}

}  // namespace
}  // namespace samen::domain
