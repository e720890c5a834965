#include "domain/policy_accounts.hpp"

#include "domain/text.hpp"

namespace samen::domain {
namespace {

Decision allow(std::string rule, std::string basis, std::string why) {
  Decision d;
  d.allowed = true;
  d.rule = std::move(rule);
  d.legal_basis = std::move(basis);
  d.reasons = {std::move(why)};
  return d;
}

Decision deny(std::string rule, std::string reason, std::string why) {
  Decision d;
  d.rule = std::move(rule);
  d.reason = std::move(reason);
  d.reasons = {std::move(why)};
  return d;
}

}  // namespace

std::string_view to_string(MembershipChange change) {
  switch (change) {
    case MembershipChange::create:
      return "create";
    case MembershipChange::activate:
      return "activate";
    case MembershipChange::deactivate:
      return "deactivate";
  }
  return "create";
}

Decision decide_user_administration(const Viewer& v,
                                    const std::vector<std::string>& user_region_ids) {
  if (user_region_ids.empty()) {
    auto admin = decide_administration(v, v.region_id);
    if (admin.allowed) admin.reasons = {"a user without memberships may be given their first"};
    return admin;
  }
  for (const auto& region : user_region_ids)
    if (region == v.region_id) return decide_administration(v, region);
  return decide_administration(v, user_region_ids.front());
}

Decision decide_organisation_listing(const Viewer& v) {
  if (is_family_role(v.role))
    return deny("accounts.organisation_listing", "family_role",
                "family logins do not list organisations");
  return allow("accounts.organisation_listing", "professional",
               "professionals find the organisations of their region");
}

namespace {

// Nobody changes their own memberships, once the administration rule let the viewer in.
Decision membership_change_after(Decision admin, const Viewer& v, const std::string& target_user_id,
                                 MembershipChange change) {
  if (!admin.allowed) return admin;
  // Deactivating one's own membership takes no access, but it is a change of one's own
  // access all the same, and "nobody changes their own memberships" has no exceptions to
  // remember.
  if (!target_user_id.empty() && target_user_id == v.user_id)
    return deny("accounts.self_grant", "self_grant_forbidden",
                "nobody creates, changes or activates memberships of their own user; another "
                "administrator of the region does that");
  return allow("accounts.membership_change", "administration",
               "an administrator of the region may " + std::string(to_string(change)) +
                   " another user's membership");
}

}  // namespace

Decision decide_membership_change(const Viewer& v, const std::string& target_user_id,
                                  const std::string& target_region_id, MembershipChange change) {
  return membership_change_after(decide_administration(v, target_region_id), v, target_user_id,
                                 change);
}

Decision decide_membership_change(const Viewer& v, const std::string& target_user_id,
                                  const std::vector<std::string>& user_region_ids,
                                  MembershipChange change) {
  return membership_change_after(decide_user_administration(v, user_region_ids), v, target_user_id,
                                 change);
}

std::string mailbox_of(std::string_view address) {
  std::string out = to_lower_ascii(trim(address));
  auto at = out.rfind('@');
  if (at == std::string::npos) return out;
  auto plus = out.find('+');
  if (plus != std::string::npos && plus < at) out.erase(plus, at - plus);
  return out;
}

bool address_belongs_to(std::string_view address, const std::vector<std::string>& own_addresses) {
  auto mailbox = mailbox_of(address);
  if (mailbox.empty()) return false;
  for (const auto& own : own_addresses)
    if (mailbox_of(own) == mailbox) return true;
  return false;
}

Decision decide_invitation(const Viewer& v, std::string_view invitee_address,
                           const std::vector<std::string>& viewer_addresses) {
  (void)v;
  if (address_belongs_to(invitee_address, viewer_addresses))
    return deny("accounts.self_invitation", "self_grant_forbidden",
                "an invitation cannot go to an address of the person who sends it");
  return allow("accounts.invitation_address", "school_administration",
               "the invitation goes to an address that is not the inviter's");
}

Decision decide_membership_report_read(const Viewer& v) {
  if (v.role != Role::privacy_officer)
    return deny("accounts.membership_report", "not_permitted",
                "only the privacy officer reads the report of new access in the region");
  return allow("accounts.membership_report", "supervision",
               "the privacy officer checks who was given access in the region");
}

Decision decide_handover(const Viewer& v, const std::string& from_user_id,
                         const std::string& successor_user_id, const std::string& region_id) {
  auto ending = decide_membership_change(v, from_user_id, region_id, MembershipChange::deactivate);
  if (!ending.allowed) return ending;
  if (successor_user_id == v.user_id)
    return deny("accounts.handover", "self_grant_forbidden",
                "nobody hands cases, seats or actions to themself; choose a colleague, or let "
                "another administrator of the region do it");
  return allow("accounts.handover", "administration",
               "an administrator of the region hands another user's work to a successor");
}

}  // namespace samen::domain
