// Who may act on signals and cases: table-driven over every role, in and out of the
// pupil's school, with and without a seat at the table.
#include "domain/policy_cases.hpp"

#include <gtest/gtest.h>

namespace samen::domain {
namespace {

constexpr const char* kSchool = "10";
constexpr const char* kOtherSchool = "11";
constexpr const char* kCareProvider = "20";

Viewer viewer(Role role, const std::string& org, const std::string& membership = "m-viewer") {
  return Viewer{"u-viewer", membership, org, "r1", role};
}

CaseFacts a_case() {
  CaseFacts c;
  c.case_id = "c1";
  c.pupil_id = "p1";
  c.school_id = kSchool;
  c.lead_membership_id = "m-lead";
  c.team_membership_ids = {"m-team"};
  c.pupil_date_of_birth = {2012, 6, 1};
  c.pupil_user_id = "u-pupil";
  c.guardians = {{"g1", "u-mother", true}, {"g2", "u-father", false}};
  return c;
}

Millis at(int y, int m, int d) { return netherlands_midnight(Date{y, m, d}) + 3600 * 1000; }

TEST(SignalActions, RecordedByStaffOfThePupilsSchoolOnly) {
  for (Role role : all_roles()) {
    bool staff = role == Role::mentor || role == Role::teacher || role == Role::care_coordinator;
    EXPECT_EQ(
        decide_signal_action(viewer(role, kSchool), kSchool, "", SignalAction::record).allowed,
        staff)
        << to_string(role);
    EXPECT_FALSE(
        decide_signal_action(viewer(role, kOtherSchool), kSchool, "", SignalAction::record).allowed)
        << to_string(role);
  }
}

TEST(SignalActions, ReadByAuthorAndCareCoordinatorTriagedByCareCoordinator) {
  for (Role role : all_roles()) {
    auto v = viewer(role, kSchool);
    bool cc = role == Role::care_coordinator;
    EXPECT_EQ(decide_signal_action(v, kSchool, "u-other", SignalAction::read).allowed, cc);
    EXPECT_EQ(decide_signal_action(v, kSchool, "u-other", SignalAction::triage).allowed, cc);
    EXPECT_FALSE(
        decide_signal_action(viewer(role, kOtherSchool), kSchool, "u-other", SignalAction::triage)
            .allowed);
  }
  auto author =
      decide_signal_action(viewer(Role::mentor, kSchool), kSchool, "u-viewer", SignalAction::read);
  EXPECT_TRUE(author.allowed);
  EXPECT_EQ(author.legal_basis, "author");
  EXPECT_FALSE(
      decide_signal_action(viewer(Role::mentor, kSchool), kSchool, "u-viewer", SignalAction::triage)
          .allowed);
}

TEST(CaseActions, OpenedByTheCareCoordinatorOfThePupilsSchool) {
  for (Role role : all_roles()) {
    EXPECT_EQ(decide_case_action(viewer(role, kSchool), a_case(), CaseAction::open).allowed,
              role == Role::care_coordinator)
        << to_string(role);
    EXPECT_FALSE(
        decide_case_action(viewer(role, kOtherSchool), a_case(), CaseAction::open).allowed);
  }
}

TEST(CaseActions, ManagedByLeadOrCareCoordinatorWrittenByEveryoneAtTheTable) {
  struct Row {
    Role role;
    std::string org, membership;
    bool manage, write;
  };
  std::vector<Row> rows = {
      {Role::school_care_worker, kCareProvider, "m-lead", true, true},  // the lead
      {Role::family_worker, kCareProvider, "m-team", false, true},      // on the team
      {Role::care_coordinator, kSchool, "m-cc", true, true},            // of P's school
      {Role::care_coordinator, kOtherSchool, "m-cc2", false, false},    // another school
      {Role::mentor, kSchool, "m-mentor", false, false},                // no seat
      {Role::attendance_officer, kCareProvider, "m-ao", false, false},  // no seat
      {Role::admin, kSchool, "m-lead", false, false},                   // rule 2, even as lead
      {Role::privacy_officer, kSchool, "m-team", false, false},         // rule 2
  };
  for (const auto& r : rows) {
    auto v = viewer(r.role, r.org, r.membership);
    EXPECT_EQ(decide_case_action(v, a_case(), CaseAction::manage).allowed, r.manage)
        << to_string(r.role) << " " << r.membership;
    EXPECT_EQ(decide_case_action(v, a_case(), CaseAction::record_safety_decision).allowed,
              r.manage);
    EXPECT_EQ(decide_case_action(v, a_case(), CaseAction::write_entry).allowed, r.write)
        << to_string(r.role) << " " << r.membership;
  }
  for (Role family : {Role::guardian, Role::pupil}) {
    auto d = decide_case_action(viewer(family, ""), a_case(), CaseAction::write_entry);
    EXPECT_FALSE(d.allowed);
    EXPECT_EQ(d.reason, "not_for_family");
  }
}

TEST(ConsentRecording, ProfessionalsOnTheFamilysWord) {
  auto c = a_case();
  EXPECT_TRUE(decide_consent_recording(viewer(Role::care_coordinator, kSchool), c, {"g1"}, true,
                                       at(2026, 1, 1))
                  .allowed);
  EXPECT_TRUE(decide_consent_recording(viewer(Role::school_care_worker, kCareProvider, "m-lead"), c,
                                       {"g1"}, false, at(2026, 1, 1))
                  .allowed);
  EXPECT_FALSE(decide_consent_recording(viewer(Role::family_worker, kCareProvider, "m-team"), c,
                                        {"g1"}, false, at(2026, 1, 1))
                   .allowed);
  EXPECT_FALSE(
      decide_consent_recording(viewer(Role::admin, kSchool), c, {"g1"}, false, at(2026, 1, 1))
          .allowed);
}

TEST(ConsentRecording, TheFamilyOnlyForItsOwnPart) {
  auto c = a_case();
  Viewer mother{"u-mother", "m-mother", "", "r1", Role::guardian};
  Viewer father{"u-father", "m-father", "", "r1", Role::guardian};
  Viewer pupil{"u-pupil", "m-pupil", "", "r1", Role::pupil};
  auto t = at(2026, 1, 1);
  EXPECT_TRUE(decide_consent_recording(mother, c, {"g1"}, false, t).allowed);
  EXPECT_FALSE(decide_consent_recording(mother, c, {"g2"}, false, t).allowed);  // not her record
  EXPECT_FALSE(decide_consent_recording(mother, c, {"g1"}, true, t).allowed);   // not the pupil
  EXPECT_FALSE(decide_consent_recording(father, c, {"g2"}, false, t).allowed);  // no authority
  EXPECT_TRUE(decide_consent_recording(pupil, c, {}, true, t).allowed);         // 13 years old
  EXPECT_FALSE(decide_consent_recording(pupil, c, {"g1"}, true, t).allowed);
  // The day before and the day of the 12th birthday.
  auto young = decide_consent_recording(pupil, c, {}, true, at(2024, 5, 31));
  EXPECT_FALSE(young.allowed);
  EXPECT_EQ(young.reason, "too_young_to_consent");
  EXPECT_TRUE(decide_consent_recording(pupil, c, {}, true, at(2024, 6, 1)).allowed);
}

TEST(CaseReasons, LeadCareCoordinatorAndWriterOnly) {
  auto c = a_case();
  EXPECT_TRUE(
      may_read_case_reasons(viewer(Role::school_care_worker, kCareProvider, "m-lead"), c, "u-x"));
  EXPECT_TRUE(may_read_case_reasons(viewer(Role::care_coordinator, kSchool), c, "u-x"));
  EXPECT_FALSE(may_read_case_reasons(viewer(Role::care_coordinator, kOtherSchool), c, "u-x"));
  EXPECT_FALSE(
      may_read_case_reasons(viewer(Role::family_worker, kCareProvider, "m-team"), c, "u-x"));
  EXPECT_TRUE(
      may_read_case_reasons(viewer(Role::family_worker, kCareProvider, "m-team"), c, "u-viewer"));
  EXPECT_FALSE(may_read_case_reasons(Viewer{"u-mother", "m-mother", "", "r1", Role::guardian}, c,
                                     "u-mother"));
  EXPECT_FALSE(may_read_case_reasons(viewer(Role::admin, kSchool, "m-lead"), c, "u-viewer"));
}

TEST(SafetyReason, WhoMayDecideWhoDecidedAndTheOrganisationsNamed) {
  auto c = a_case();
  SafetyDecision d{"70", c.case_id, {kCareProvider}, 0, 1000};
  EXPECT_TRUE(
      may_read_safety_reason(viewer(Role::school_care_worker, "30", "m-lead"), c, d, "u-x"));
  EXPECT_TRUE(may_read_safety_reason(viewer(Role::care_coordinator, kSchool), c, d, "u-x"));
  EXPECT_TRUE(may_read_safety_reason(viewer(Role::family_worker, kCareProvider), c, d, "u-x"))
      << "a professional of a named organisation works on this basis";
  EXPECT_TRUE(may_read_safety_reason(viewer(Role::mentor, kSchool), c, d, "u-viewer"))
      << "whoever recorded it";
  EXPECT_FALSE(may_read_safety_reason(viewer(Role::mentor, kSchool), c, d, "u-x"));
  EXPECT_FALSE(may_read_safety_reason(viewer(Role::youth_health, "40", "m-team"), c, d, "u-x"));
  EXPECT_FALSE(may_read_safety_reason(viewer(Role::care_coordinator, kOtherSchool), c, d, "u-x"));
  EXPECT_FALSE(may_read_safety_reason(viewer(Role::privacy_officer, kCareProvider), c, d, "u-x"));
  EXPECT_FALSE(may_read_safety_reason(
      Viewer{"u-mother", "m-mother", kCareProvider, "r1", Role::guardian}, c, d, "u-mother"))
      << "never the family";
}

TEST(Explain, SelfOrThePrivacyOfficerOfTheRegion) {
  EXPECT_TRUE(decide_explain(viewer(Role::mentor, kSchool), "u-viewer", "r1", true).allowed);
  // Explain is no oracle: about oneself only for what one sees.
  auto unseen = decide_explain(viewer(Role::mentor, kSchool), "u-viewer", "r1", false);
  EXPECT_FALSE(unseen.allowed);
  EXPECT_EQ(unseen.reason, "not_visible");
  EXPECT_FALSE(decide_explain(viewer(Role::mentor, kSchool), "u-other", "r1", true).allowed);
  EXPECT_TRUE(
      decide_explain(viewer(Role::privacy_officer, kSchool), "u-other", "r1", false).allowed);
  // The privacy officer explains their own (always refused) access too.
  EXPECT_TRUE(
      decide_explain(viewer(Role::privacy_officer, kSchool), "u-viewer", "r1", false).allowed);
  EXPECT_FALSE(
      decide_explain(viewer(Role::privacy_officer, kSchool), "u-other", "r2", false).allowed);
  EXPECT_FALSE(decide_explain(viewer(Role::admin, kSchool), "u-other", "r1", true).allowed);
}

}  // namespace
}  // namespace samen::domain

namespace samen::domain {
namespace {

TEST(ActionDone, TheOwnerOrWhoeverManagesTheCase) {
  auto c = a_case();
  auto owner = viewer(Role::family_worker, kCareProvider, "m-owner");
  auto d = decide_action_done(owner, c, "m-owner");
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.legal_basis, "action_owner");
  EXPECT_FALSE(
      decide_action_done(viewer(Role::family_worker, kCareProvider, "m-other"), c, "m-owner")
          .allowed);
  EXPECT_TRUE(decide_action_done(viewer(Role::mentor, kSchool, "m-lead"), c, "m-owner").allowed);
  EXPECT_TRUE(decide_action_done(viewer(Role::care_coordinator, kSchool), c, "m-owner").allowed);
  // A rule-2 role never acts on a case, even when named as owner.
  EXPECT_FALSE(decide_action_done(viewer(Role::admin, kSchool, "m-owner"), c, "m-owner").allowed);
}

TEST(MembershipListing, AdminCareCoordinatorsAndLeadsOfTheRegion) {
  EXPECT_TRUE(decide_membership_listing(viewer(Role::admin, kSchool), "r1", false).allowed);
  EXPECT_TRUE(
      decide_membership_listing(viewer(Role::care_coordinator, kSchool), "r1", false).allowed);
  EXPECT_FALSE(
      decide_membership_listing(viewer(Role::care_coordinator, kSchool), "r2", false).allowed);
  EXPECT_FALSE(
      decide_membership_listing(viewer(Role::family_worker, kCareProvider), "r1", false).allowed);
  EXPECT_TRUE(
      decide_membership_listing(viewer(Role::family_worker, kCareProvider), "r1", true).allowed);
  EXPECT_FALSE(decide_membership_listing(viewer(Role::mentor, kSchool), "r1", false).allowed);
  EXPECT_FALSE(decide_membership_listing(viewer(Role::researcher, kSchool), "r1", true).allowed);
  EXPECT_FALSE(decide_membership_listing(viewer(Role::guardian, kSchool), "r1", true).allowed);
}

}  // namespace
}  // namespace samen::domain
