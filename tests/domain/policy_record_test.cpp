// The parts of the pupil's record (domain/policy_record.hpp): a seat from outside the school
// needs a legal basis for more than identification, a guardian of a pupil of 16+ the pupil's
// consent; the family sees the lead by name and the others by role.
#include "domain/policy_record.hpp"

#include <gtest/gtest.h>

#include "domain/policy_entries.hpp"

namespace samen::domain {
namespace {

constexpr const char* kSchool = "10";
constexpr const char* kTeam = "20";

Millis at(int y, int m, int d) { return netherlands_midnight(Date{y, m, d}) + 3600 * 1000; }

CaseFacts a_case(Date born) {
  CaseFacts c;
  c.case_id = "c1";
  c.pupil_id = "p1";
  c.school_id = kSchool;
  c.lead_membership_id = "m-lead";
  c.team_membership_ids = {"m-gw", "m-lpa"};
  c.pupil_date_of_birth = born;
  c.pupil_user_id = "u-pupil";
  c.guardians = {{"g1", "u-mother", true}};
  return c;
}

const Viewer kWorker{"u-gw", "m-gw", kTeam, "r1", Role::family_worker};

Decision way_in(const Viewer& v, const CaseFacts& c, const std::vector<ConsentGrant>& grants,
                Millis t) {
  return decide_case_access(v, c, grants, t);
}

ConsentGrant home_consent(Millis from) {
  ConsentGrant g;
  g.id = "7";
  g.pupil_id = "p1";
  g.given_by_guardian_ids = {"g1"};
  g.recipient_organisation_ids = {kTeam};
  g.categories = {EntryCategory::home};
  g.valid_from = from;
  return g;
}

TEST(RecordView, ASeatFromOutsideNeedsALegalBasis) {
  auto c = a_case({2016, 1, 1});  // 10
  Millis t = at(2026, 11, 25);
  auto none = decide_record_view(kWorker, way_in(kWorker, c, {}, t), c, {c}, {}, {}, t);
  EXPECT_TRUE(none.allowed);
  EXPECT_EQ(none.view, PupilView::identification);
  EXPECT_EQ(none.rule, "record.identification_only");

  std::vector<ConsentGrant> grants{home_consent(at(2026, 11, 1))};
  auto consent = decide_record_view(kWorker, way_in(kWorker, c, grants, t), c, {c}, grants, {}, t);
  EXPECT_EQ(consent.view, PupilView::full);
  EXPECT_EQ(consent.legal_basis, "consent");
  EXPECT_EQ(consent.consent_id, "7");

  grants[0].withdrawn_at = at(2026, 11, 20);
  auto withdrawn =
      decide_record_view(kWorker, way_in(kWorker, c, grants, t), c, {c}, grants, {}, t);
  EXPECT_EQ(withdrawn.view, PupilView::identification);

  SafetyDecision sd{"s1", "c1", {kTeam}, at(2026, 11, 1), at(2027, 1, 1)};
  auto safety = decide_record_view(kWorker, way_in(kWorker, c, {}, t), c, {c}, {}, {sd}, t);
  EXPECT_EQ(safety.view, PupilView::full);
  EXPECT_EQ(safety.legal_basis, "safety");
  EXPECT_EQ(safety.safety_decision_id, "s1");

  Viewer officer{"u-lpa", "m-lpa", "30", "r1", Role::attendance_officer};
  auto duty = decide_record_view(officer, way_in(officer, c, {}, t), c, {c}, {}, {}, t);
  EXPECT_EQ(duty.legal_basis, "legal_duty");
  EXPECT_EQ(duty.view, PupilView::full);
}

TEST(RecordView, TheSchoolItselfNeedsNoFurtherBasis) {
  auto c = a_case({2016, 1, 1});
  Millis t = at(2026, 11, 25);
  Viewer coordinator{"u-zc", "m-zc", kSchool, "r1", Role::care_coordinator};
  auto in = way_in(coordinator, c, {}, t);
  EXPECT_FALSE(record_view_needs_basis(coordinator, in, kSchool));
  auto d = decide_record_view(coordinator, in, c, {c}, {}, {}, t);
  EXPECT_EQ(d.rule, in.rule);
  EXPECT_NE(d.view, PupilView::identification);
}

TEST(RecordView, AGuardianOfASixteenYearOldNeedsThePupilsConsent) {
  auto c = a_case({2009, 1, 1});  // 17
  Millis t = at(2026, 11, 25);
  Viewer mother{"u-mother", "m-mother", kSchool, "r1", Role::guardian};
  Decision in;
  in.allowed = true;
  in.rule = "pupil.family";
  in.view = PupilView::full;
  EXPECT_EQ(decide_record_view(mother, in, c, {}, {}, {}, t).view, PupilView::identification);
  ConsentGrant g;
  g.id = "8";
  g.pupil_id = "p1";
  g.given_by_pupil = true;
  g.recipient_guardians = true;
  g.categories = {EntryCategory::wellbeing};
  g.valid_from = at(2026, 11, 1);
  auto with = decide_record_view(mother, in, c, {}, {g}, {}, t);
  EXPECT_EQ(with.view, PupilView::full);
  EXPECT_EQ(with.consent_id, "8");
  auto young = a_case({2014, 1, 1});
  EXPECT_EQ(decide_record_view(mother, in, young, {}, {}, {}, t).view, PupilView::full);
}

TEST(FamilySeesRoles, OnlyTheLeadAndTheFamilyByName) {
  auto c = a_case({2016, 1, 1});
  Viewer mother{"u-mother", "m-mother", kSchool, "r1", Role::guardian};
  EXPECT_TRUE(may_see_name_of(mother, c, "m-lead", Role::care_coordinator));
  EXPECT_FALSE(may_see_name_of(mother, c, "m-gw", Role::family_worker));
  EXPECT_TRUE(may_see_name_of(mother, c, "m-mother", Role::guardian));
  EXPECT_TRUE(may_see_name_of(kWorker, c, "m-lpa", Role::attendance_officer));
}

}  // namespace
}  // namespace samen::domain
