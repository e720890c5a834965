// An empty listing about one pupil names why it was empty.
#include "domain/policy_probes.hpp"

#include <gtest/gtest.h>

namespace samen::domain {
namespace {

PupilFacts pupil() {
  PupilFacts p;
  p.pupil_id = "p1";
  p.school_id = "school-1";
  p.mentor_user_id = "u-mentor";
  return p;
}

Viewer viewer(Role role, const std::string& org, const std::string& user = "u-viewer") {
  return Viewer{user, "m1", org, "r1", role};
}

TEST(EmptyListing, AnUnknownPupilIsDenied) {
  auto d = decide_empty_listing(viewer(Role::care_coordinator, "school-1"), nullptr, nullptr);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, "no_such_pupil");
}

TEST(EmptyListing, AViewerFromElsewhereIsDeniedOnThePupilDecision) {
  auto p = pupil();
  auto d = decide_empty_listing(viewer(Role::care_coordinator, "school-2"), &p, nullptr);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(
      d.reason,
      decide_pupil_access(viewer(Role::care_coordinator, "school-2"), p, PupilAction::read).reason);
}

TEST(EmptyListing, ARefusedItemIsTheReason) {
  auto p = pupil();
  Decision refusal;
  refusal.rule = "case.need_to_know";
  refusal.reason = "not_on_case_team";
  auto d = decide_empty_listing(viewer(Role::mentor, "school-1", "u-mentor"), &p, &refusal);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, "not_on_case_team");
}

TEST(EmptyListing, NothingToListForSomeoneWhoMaySeeThePupilIsAllowed) {
  auto p = pupil();
  auto d = decide_empty_listing(viewer(Role::mentor, "school-1", "u-mentor"), &p, nullptr);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.rule, "listing.empty");
  EXPECT_FALSE(d.legal_basis.empty());
}

}  // namespace
}  // namespace samen::domain
