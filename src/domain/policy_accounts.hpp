#pragma once
// Accounts and access grants, part of the one policy module: who may change whose
// memberships, to which address a family invitation may go, and who reads the report of
// new access in a region (domain.md, "Nobody grants themself access").
//   - Memberships are created, activated and deactivated by an administrator of the
//     region (decide_administration), never on their own user: an admin who could add a
//     care_coordinator membership to themself could switch to it and read Meldcode
//     entries. The same holds for (de)activating a user, which switches all of that
//     user's memberships on or off. A second administrator does it, and the privacy
//     officer sees who did (decide_membership_report_read).
//   - A family invitation never goes to an address that belongs to the inviter
//     (address_belongs_to): the school would otherwise be inviting itself into a
//     family's portal.
// Rules are named "accounts.*"; every decision carries its basis or reason.
#include <string>
#include <string_view>
#include <vector>

#include "domain/policy.hpp"

namespace samen::domain {

// A user lies in every region one of their memberships is in; a user without any
// membership yet (created without one) may be given their first by any administrator.
Decision decide_user_administration(const Viewer& viewer,
                                    const std::vector<std::string>& user_region_ids);

// Listing the organisations of one's region: every professional, never a family login.
Decision decide_organisation_listing(const Viewer& viewer);

enum class MembershipChange { create, activate, deactivate };

std::string_view to_string(MembershipChange change);

// V changes a membership (or the active flag of a user: all their memberships at once) of
// `target_user_id`, in an organisation of `target_region_id`.
Decision decide_membership_change(const Viewer& viewer, const std::string& target_user_id,
                                  const std::string& target_region_id, MembershipChange change);
// The same for a user, whose regions are those of their memberships
// (decide_user_administration).
Decision decide_membership_change(const Viewer& viewer, const std::string& target_user_id,
                                  const std::vector<std::string>& user_region_ids,
                                  MembershipChange change);

// Ending a membership of `from_user_id` with a handover to a successor of
// `successor_user_id`: deactivating the one (decide_membership_change), and giving the other
// the cases, seats and actions — which is giving access, so never to oneself.
Decision decide_handover(const Viewer& viewer, const std::string& from_user_id,
                         const std::string& successor_user_id, const std::string& region_id);

// The form of an address that decides whether two addresses reach the same mailbox:
// trimmed, lower-cased, and without a "+tag" in the local part (plus addressing delivers
// "jan+ouder@school.example" to jan@school.example at nearly every provider).
std::string mailbox_of(std::string_view address);

// Whether `address` is one of `own_addresses` (the inviter's login e-mail and any other
// address the system knows to be theirs), compared by mailbox_of.
bool address_belongs_to(std::string_view address, const std::vector<std::string>& own_addresses);

// V invites `invitee_address` to a family login; `viewer_addresses` are V's own. Only the
// self-invitation rule: who may invite for which pupil is decide_family_invitation.
Decision decide_invitation(const Viewer& viewer, std::string_view invitee_address,
                           const std::vector<std::string>& viewer_addresses);

// The report of membership changes in V's region: the privacy officer only.
Decision decide_membership_report_read(const Viewer& viewer);

}  // namespace samen::domain
