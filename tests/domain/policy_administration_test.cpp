// The decisions issue 12 moved out of the handlers into the policy, table-driven: the
// region of what an administrator changes (the record's own, never assumed the admin's),
// the admin-only view of a membership listing, who may change an action, and the lists
// only one kind of login reads.
#include <gtest/gtest.h>

#include "domain/policy.hpp"
#include "domain/policy_accounts.hpp"
#include "domain/policy_cases.hpp"
#include "domain/policy_family.hpp"

namespace samen::domain {
namespace {

Viewer viewer(Role role, const std::string& region = "r1", const std::string& membership = "m-v") {
  return Viewer{"u-viewer", membership, "10", region, role};
}

TEST(AdministrationRegion, TheRecordsOwnRegionDecides) {
  struct Row {
    Role role;
    const char* target_region;
    bool allowed;
    const char* reason;
  };
  for (const auto& row : std::vector<Row>{{Role::admin, "r1", true, ""},
                                          {Role::admin, "r2", false, "other_region"},
                                          {Role::admin, "", false, "other_region"},
                                          {Role::care_coordinator, "r1", false, "not_permitted"},
                                          {Role::privacy_officer, "r2", false, "not_permitted"},
                                          {Role::guardian, "r1", false, "not_permitted"}}) {
    auto d = decide_administration(viewer(row.role), row.target_region);
    EXPECT_EQ(d.allowed, row.allowed) << to_string(row.role) << " " << row.target_region;
    EXPECT_EQ(d.reason, row.reason) << to_string(row.role) << " " << row.target_region;
  }
}

TEST(AdministrationRegion, AUserLiesInTheRegionsOfTheirMemberships) {
  struct Row {
    std::vector<std::string> regions;
    bool allowed;
    const char* reason;
  };
  for (const auto& row : std::vector<Row>{{{}, true, ""},  // no membership yet: may get a first
                                          {{"r1"}, true, ""},
                                          {{"r2", "r1"}, true, ""},
                                          {{"r2"}, false, "other_region"},
                                          {{"r2", "r3"}, false, "other_region"}}) {
    auto d = decide_user_administration(viewer(Role::admin), row.regions);
    EXPECT_EQ(d.allowed, row.allowed) << row.regions.size();
    EXPECT_EQ(d.reason, row.reason);
    auto change = decide_membership_change(viewer(Role::admin), "u-other", row.regions,
                                           MembershipChange::create);
    EXPECT_EQ(change.allowed, row.allowed);
  }
  EXPECT_EQ(decide_user_administration(viewer(Role::mentor), {}).reason, "not_permitted");
  EXPECT_EQ(decide_membership_change(viewer(Role::admin), "u-viewer",
                                     std::vector<std::string>{"r1"}, MembershipChange::activate)
                .reason,
            "self_grant_forbidden");
}

TEST(MembershipListingView, OnlyTheRegionsAdminSeesAccounts) {
  struct Row {
    Role role;
    bool leads;
    MembershipListingView view;
  };
  for (const auto& row : std::vector<Row>{
           {Role::admin, false, MembershipListingView::administration},
           {Role::care_coordinator, false, MembershipListingView::picker},
           {Role::family_worker, true, MembershipListingView::picker},
           {Role::family_worker, false, MembershipListingView::none},
           {Role::mentor, false, MembershipListingView::none},
       }) {
    auto d = decide_membership_listing(viewer(row.role), "r1", row.leads);
    EXPECT_EQ(membership_listing_view(d), row.view) << to_string(row.role);
  }
  // Another region's organisation: denied as other_region, which the API answers as 404.
  auto elsewhere = decide_membership_listing(viewer(Role::admin), "r2", false);
  EXPECT_EQ(elsewhere.reason, "other_region");
  EXPECT_EQ(membership_listing_view(elsewhere), MembershipListingView::none);
}

TEST(ActionUpdate, OnlyDoneIsOpenToTheOwnerAnythingElseIsManaging) {
  CaseFacts c;
  c.case_id = "c1";
  c.pupil_id = "p1";
  c.school_id = "10";
  c.lead_membership_id = "m-lead";
  c.team_membership_ids = {"m-owner"};
  struct Row {
    Role role;
    const char* membership;
    bool only_done;
    bool allowed;
    const char* rule;
  };
  for (const auto& row : std::vector<Row>{
           {Role::family_worker, "m-owner", true, true, "case_action.action_done"},
           {Role::family_worker, "m-owner", false, false, "case_action.manage"},
           {Role::family_worker, "m-other", true, false, "case_action.action_done"},
           {Role::mentor, "m-lead", false, true, "case_action.manage"},
           {Role::mentor, "m-lead", true, true, "case_action.manage"},
           {Role::care_coordinator, "m-v", false, true, "case_action.manage"},
           {Role::admin, "m-owner", true, false, "case_action.action_done"},
       }) {
    auto d =
        decide_action_update(viewer(row.role, "r1", row.membership), c, "m-owner", row.only_done);
    EXPECT_EQ(d.allowed, row.allowed) << to_string(row.role) << " " << row.membership;
    EXPECT_EQ(d.rule, row.rule) << to_string(row.role) << " " << row.membership;
  }
}

TEST(OneKindOfLogin, OrganisationsForProfessionalsFamilyPupilsForTheFamily) {
  for (Role role : all_roles()) {
    bool family = is_family_role(role);
    EXPECT_EQ(decide_organisation_listing(viewer(role)).allowed, !family) << to_string(role);
    EXPECT_EQ(decide_family_pupils_listing(viewer(role)).allowed, family) << to_string(role);
  }
}

}  // namespace
}  // namespace samen::domain
