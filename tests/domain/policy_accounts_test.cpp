// Nobody grants themself access: membership changes, invitation addresses, and who reads
// the report of new access.
#include "domain/policy_accounts.hpp"

#include <gtest/gtest.h>

namespace samen::domain {
namespace {

Viewer viewer(Role role, const std::string& user = "u-admin", const std::string& region = "r1") {
  return Viewer{user, "m-viewer", "org-1", region, role};
}

const MembershipChange kAllChanges[] = {MembershipChange::create, MembershipChange::activate,
                                        MembershipChange::deactivate};

TEST(MembershipChangePolicy, AnAdminChangesAnotherUsersMembershipsInTheirRegion) {
  for (auto change : kAllChanges) {
    auto d = decide_membership_change(viewer(Role::admin), "u-other", "r1", change);
    EXPECT_TRUE(d.allowed) << to_string(change);
    EXPECT_EQ(d.rule, "accounts.membership_change");
    EXPECT_EQ(d.legal_basis, "administration");
  }
}

TEST(MembershipChangePolicy, NobodyChangesMembershipsOfTheirOwnUser) {
  for (auto change : kAllChanges) {
    auto d = decide_membership_change(viewer(Role::admin), "u-admin", "r1", change);
    EXPECT_FALSE(d.allowed) << to_string(change);
    EXPECT_EQ(d.rule, "accounts.self_grant");
    EXPECT_EQ(d.reason, "self_grant_forbidden");
    EXPECT_FALSE(d.reasons.empty());
  }
}

TEST(MembershipChangePolicy, AHandoverGoesToSomeoneElseThanTheAdmin) {
  auto d = decide_handover(viewer(Role::admin), "u-leaving", "u-successor", "r1");
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.rule, "accounts.handover");
  // Handing the work to oneself is taking access: refused like a self-grant.
  auto to_self = decide_handover(viewer(Role::admin), "u-leaving", "u-admin", "r1");
  EXPECT_FALSE(to_self.allowed);
  EXPECT_EQ(to_self.reason, "self_grant_forbidden");
  // Ending one's own membership is refused before the successor is looked at.
  EXPECT_EQ(decide_handover(viewer(Role::admin), "u-admin", "u-successor", "r1").rule,
            "accounts.self_grant");
  EXPECT_FALSE(decide_handover(viewer(Role::care_coordinator), "u-leaving", "u-x", "r1").allowed);
  EXPECT_FALSE(decide_handover(viewer(Role::admin), "u-leaving", "u-x", "r2").allowed);
}

TEST(MembershipChangePolicy, OnlyAdminsOfTheRegionChangeMembershipsAtAll) {
  for (auto role : {Role::care_coordinator, Role::privacy_officer, Role::school_leader,
                    Role::guardian, Role::mentor}) {
    auto d = decide_membership_change(viewer(role), "u-other", "r1", MembershipChange::create);
    EXPECT_FALSE(d.allowed) << to_string(role);
    EXPECT_EQ(d.reason, "not_permitted");
  }
  auto other_region =
      decide_membership_change(viewer(Role::admin), "u-other", "r2", MembershipChange::create);
  EXPECT_FALSE(other_region.allowed);
  EXPECT_EQ(other_region.rule, "admin.region");
  // The administration rule comes first: a non-admin is told they are no admin, not that
  // the user is their own.
  auto self_not_admin =
      decide_membership_change(viewer(Role::mentor), "u-admin", "r1", MembershipChange::create);
  EXPECT_EQ(self_not_admin.reason, "not_permitted");
}

TEST(InvitationAddressPolicy, MailboxIgnoresCaseSpacesAndPlusTags) {
  EXPECT_EQ(mailbox_of("  Beheer+Ouder@School.Example "), "beheer@school.example");
  EXPECT_EQ(mailbox_of("beheer@school.example"), "beheer@school.example");
  // A plus sign in the domain is no tag (and no valid domain); only the local part counts.
  EXPECT_EQ(mailbox_of("a@b+c.example"), "a@b+c.example");
  EXPECT_EQ(mailbox_of(""), "");
}

TEST(InvitationAddressPolicy, AnAddressOfTheInviterIsRefused) {
  std::vector<std::string> own{"beheer@hetbaken.example"};
  for (const char* address : {"beheer@hetbaken.example", "BEHEER@HetBaken.example",
                              "beheer+ouder@hetbaken.example", " beheer@hetbaken.example"}) {
    auto d = decide_invitation(viewer(Role::admin), address, own);
    EXPECT_FALSE(d.allowed) << address;
    EXPECT_EQ(d.rule, "accounts.self_invitation");
    EXPECT_EQ(d.reason, "self_grant_forbidden");
  }
}

TEST(InvitationAddressPolicy, AnotherAddressIsAllowed) {
  std::vector<std::string> own{"beheer@hetbaken.example"};
  for (const char* address :
       {"ouder@example.org", "beheer@hetbaken.example.org", "beheer2@hetbaken.example"}) {
    auto d = decide_invitation(viewer(Role::care_coordinator), address, own);
    EXPECT_TRUE(d.allowed) << address;
    EXPECT_EQ(d.rule, "accounts.invitation_address");
  }
  EXPECT_TRUE(decide_invitation(viewer(Role::admin), "ouder@example.org", {}).allowed);
  EXPECT_FALSE(address_belongs_to("", {""}));
}

TEST(MembershipReportPolicy, OnlyThePrivacyOfficerReadsIt) {
  auto officer = decide_membership_report_read(viewer(Role::privacy_officer));
  EXPECT_TRUE(officer.allowed);
  EXPECT_EQ(officer.legal_basis, "supervision");
  for (auto role : {Role::admin, Role::care_coordinator, Role::school_leader, Role::guardian}) {
    auto d = decide_membership_report_read(viewer(role));
    EXPECT_FALSE(d.allowed) << to_string(role);
    EXPECT_EQ(d.reason, "not_permitted");
  }
}

}  // namespace
}  // namespace samen::domain
