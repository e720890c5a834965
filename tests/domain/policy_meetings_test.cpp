// Meetings in the policy (domain/policy_meetings.hpp): who sees a meeting and which items,
// who plans, and named or anonymous per attendee and basis — school staff by name, a
// partner with legal duty, a safety decision or consent by name, without one anonymous,
// also when the consent was withdrawn the day before.
#include "domain/policy_meetings.hpp"

#include <gtest/gtest.h>

namespace samen::domain {
namespace {

constexpr const char* kSchool = "10";
constexpr const char* kTeam = "20";
constexpr const char* kHealth = "30";
constexpr Millis kDay = 24LL * 3600 * 1000;
const Millis kMeeting = netherlands_midnight({2026, 12, 7}) + 9 * 3600 * 1000;

CaseFacts pupil_case() {
  CaseFacts c;
  c.case_id = "c1";
  c.pupil_id = "p1";
  c.school_id = kSchool;
  c.lead_membership_id = "m-lead";
  c.pupil_date_of_birth = {2014, 5, 1};  // 12: guardian and pupil consent
  c.pupil_user_id = "u-pupil";
  c.guardians = {{"g1", "u-mother", true}};
  return c;
}

ConsentGrant consent_for_team(Millis from) {
  ConsentGrant g;
  g.id = "7";
  g.pupil_id = "p1";
  g.given_by_guardian_ids = {"g1"};
  g.given_by_pupil = true;
  g.recipient_organisation_ids = {kTeam};
  g.categories = {EntryCategory::home};
  g.valid_from = from;
  return g;
}

const Viewer kMentor{"u-mentor", "m-mentor", kSchool, "r1", Role::mentor};
const Viewer kCoordinator{"u-zc", "m-zc", kSchool, "r1", Role::care_coordinator};
const Viewer kWorker{"u-gw", "m-gw", kTeam, "r1", Role::family_worker};
const Viewer kOfficer{"u-lpa", "m-lpa", "40", "r1", Role::attendance_officer};
const Viewer kNurse{"u-jgz", "m-jgz", kHealth, "r1", Role::youth_health};
const Viewer kAdmin{"u-admin", "m-admin", kSchool, "r1", Role::admin};

TEST(MeetingNamed, PerAttendeeAndBasis) {
  const auto c = pupil_case();
  const std::vector<ConsentGrant> consent{consent_for_team(kMeeting - 30 * kDay)};
  auto withdrawn = consent;
  withdrawn[0].withdrawn_at = kMeeting - kDay;  // the day before
  SafetyDecision safety{"s1", "c1", {kHealth}, kMeeting - kDay, kMeeting + 30 * kDay};
  struct Row {
    const char* name;
    Viewer viewer;
    std::vector<EntryCategory> categories;
    std::vector<ConsentGrant> grants;
    std::vector<SafetyDecision> safety;
    bool named;
    const char* rule;
  };
  const std::vector<Row> rows{
      {"school staff", kMentor, {EntryCategory::home}, {}, {}, true, "meeting.named_school"},
      {"partner with consent",
       kWorker,
       {EntryCategory::home},
       consent,
       {},
       true,
       "meeting.named_consent"},
      {"consent for another category",
       kWorker,
       {EntryCategory::health},
       consent,
       {},
       false,
       "meeting.anonymous"},
      {"consent withdrawn the day before",
       kWorker,
       {EntryCategory::home},
       withdrawn,
       {},
       false,
       "meeting.anonymous"},
      {"partner without any basis",
       kWorker,
       {EntryCategory::home},
       {},
       {},
       false,
       "meeting.anonymous"},
      {"attendance officer on attendance",
       kOfficer,
       {EntryCategory::attendance},
       {},
       {},
       true,
       "meeting.named_legal_duty"},
      {"attendance officer on another category",
       kOfficer,
       {EntryCategory::health},
       {},
       {},
       false,
       "meeting.anonymous"},
      {"safety decision naming the organisation",
       kNurse,
       {EntryCategory::safety},
       {},
       {safety},
       true,
       "meeting.named_safety"},
      {"administrator", kAdmin, {EntryCategory::home}, {}, {}, false, "meeting.named_role"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.name);
    auto d =
        decide_agenda_item_named(row.viewer, c, row.categories, row.grants, row.safety, kMeeting);
    EXPECT_EQ(d.allowed, row.named);
    EXPECT_EQ(d.rule, row.rule);
  }
}

TEST(MeetingNamed, ConsentIncompleteForTheAgeDoesNotName) {
  auto grant = consent_for_team(kMeeting - 30 * kDay);
  grant.given_by_pupil = false;  // a 12-year-old must consent too
  auto d =
      decide_agenda_item_named(kWorker, pupil_case(), {EntryCategory::home}, {grant}, {}, kMeeting);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, "no_legal_basis");
}

TEST(MeetingAccess, WhoSeesAMeetingAndWhichItems) {
  MeetingFacts m{kSchool, "m-chair", {"m-lpa", "m-jgz"}, {"m-gw"}};
  const Viewer chair{"u-chair", "m-chair", kSchool, "r1", Role::care_coordinator};
  EXPECT_EQ(decide_meeting_access(chair, m).rule, "meeting.2_chair");
  EXPECT_EQ(decide_meeting_access(kCoordinator, m).rule, "meeting.3_care_coordinator");
  EXPECT_EQ(decide_meeting_access(kOfficer, m).rule, "meeting.4_member");
  EXPECT_EQ(decide_meeting_access(kWorker, m).rule, "meeting.5_attendee");
  EXPECT_FALSE(decide_meeting_access(kMentor, m).allowed);
  EXPECT_FALSE(decide_meeting_access(kAdmin, m).allowed);
  // The school's own people see every item; a partner only their own.
  EXPECT_TRUE(sees_every_item(chair, m));
  EXPECT_TRUE(sees_every_item(kCoordinator, m));
  EXPECT_FALSE(sees_every_item(kOfficer, m));
  EXPECT_FALSE(sees_every_item(kWorker, m));
}

TEST(MeetingPlanning, TheChairOrTheSchoolsCareCoordinator) {
  const Viewer chair{"u-chair", "m-chair", kSchool, "r1", Role::school_care_worker};
  EXPECT_TRUE(decide_meeting_planning(chair, kSchool, "m-chair").allowed);
  EXPECT_TRUE(decide_meeting_planning(kCoordinator, kSchool, "m-chair").allowed);
  EXPECT_FALSE(decide_meeting_planning(kMentor, kSchool, "m-chair").allowed);
  const Viewer elsewhere{"u-zc2", "m-zc2", "11", "r1", Role::care_coordinator};
  EXPECT_FALSE(decide_meeting_planning(elsewhere, kSchool, "m-chair").allowed);
}

}  // namespace
}  // namespace samen::domain
