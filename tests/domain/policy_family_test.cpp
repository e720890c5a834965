// The family's own access and consent records: who reads grants, who invites, who sees the
// access log, and which grants can ever count (WGBO bands at valid_from).
#include "domain/policy_family.hpp"

#include <gtest/gtest.h>

#include "domain/consent.hpp"
#include "domain/policy_entries.hpp"

namespace samen::domain {
namespace {

constexpr const char* kSchool = "10";

Viewer viewer(Role role, const std::string& org = kSchool, const std::string& user = "u-viewer",
              const std::string& membership = "m-viewer") {
  return Viewer{user, membership, org, "r1", role};
}

CaseFacts pupil_facts(Date born) {
  CaseFacts c;
  c.pupil_id = "p1";
  c.school_id = kSchool;
  c.pupil_date_of_birth = born;
  c.pupil_user_id = "u-pupil";
  c.guardians = {{"g1", "u-mother", true}, {"g2", "u-father", false}};
  return c;
}

Millis at(int y, int m, int d) { return netherlands_midnight(Date{y, m, d}) + 3600 * 1000; }

ConsentGrant grant(std::vector<std::string> guardians, bool pupil, Millis from) {
  ConsentGrant g;
  g.id = "1";
  g.pupil_id = "p1";
  g.given_by_guardian_ids = std::move(guardians);
  g.given_by_pupil = pupil;
  g.recipient_roles = {Role::family_worker};
  g.categories = {EntryCategory::home};
  g.valid_from = from;
  return g;
}

TEST(ConsentRead, FamilyTeamAndCoordinatorOnly) {
  auto p = pupil_facts({2013, 6, 1});  // 13 on 2026-11-25
  CaseFacts c = p;
  c.case_id = "c1";
  c.lead_membership_id = "m-lead";
  c.team_membership_ids = {"m-team"};
  Millis t = at(2026, 11, 25);
  EXPECT_TRUE(
      decide_consent_read(viewer(Role::pupil, kSchool, "u-pupil"), p, {}, nullptr, t).allowed);
  EXPECT_TRUE(
      decide_consent_read(viewer(Role::guardian, kSchool, "u-mother"), p, {}, nullptr, t).allowed);
  EXPECT_FALSE(
      decide_consent_read(viewer(Role::guardian, kSchool, "u-father"), p, {}, nullptr, t).allowed);
  EXPECT_TRUE(decide_consent_read(viewer(Role::care_coordinator), p, {}, nullptr, t).allowed);
  EXPECT_FALSE(
      decide_consent_read(viewer(Role::care_coordinator, "11"), p, {}, nullptr, t).allowed);
  auto team = viewer(Role::family_worker, "20", "u-gw", "m-team");
  EXPECT_FALSE(decide_consent_read(team, p, {}, nullptr, t).allowed);
  EXPECT_EQ(decide_consent_read(team, p, {c}, nullptr, t).legal_basis, "need_to_know");
  for (Role role : {Role::admin, Role::privacy_officer, Role::school_leader, Role::mentor})
    EXPECT_FALSE(decide_consent_read(viewer(role), p, {c}, nullptr, t).allowed) << to_string(role);
}

TEST(ConsentRead, AGuardianOfA16YearOldSeesOnlyTheirOwnGrants) {
  auto p = pupil_facts({2010, 1, 1});  // 16
  Millis t = at(2026, 11, 25);
  auto mother = viewer(Role::guardian, kSchool, "u-mother");
  auto own = grant({"g1"}, true, t);
  auto pupils = grant({}, true, t);
  EXPECT_TRUE(decide_consent_read(mother, p, {}, &own, t).allowed);
  EXPECT_FALSE(decide_consent_read(mother, p, {}, &pupils, t).allowed);
  pupils.recipient_guardians = true;
  EXPECT_TRUE(decide_consent_read(mother, p, {}, &pupils, t).allowed);
}

TEST(Invitations, CareCoordinatorOrAdminOfTheSchool) {
  for (Role role : all_roles()) {
    bool may = role == Role::care_coordinator || role == Role::admin;
    EXPECT_EQ(decide_family_invitation(viewer(role), kSchool).allowed, may) << to_string(role);
    EXPECT_FALSE(decide_family_invitation(viewer(role, "11"), kSchool).allowed);
  }
}

TEST(InvitationLink, AGuardianLoginWithTheInvitedAddress) {
  auto mother = viewer(Role::guardian, kSchool, "u-mother");
  std::vector<Role> guardian = {Role::guardian};
  auto d = decide_invitation_link(mother, guardian, "eva@x", "eva@x");
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.rule, "family.invitation_link");
  EXPECT_EQ(d.legal_basis, "invitation");
  // Guardian memberships at several schools are one family login.
  EXPECT_TRUE(
      decide_invitation_link(mother, {Role::guardian, Role::guardian}, "eva@x", "eva@x").allowed);
  EXPECT_EQ(decide_invitation_link(mother, guardian, "eva@x", "ruud@x").reason, "other_address");
  EXPECT_EQ(decide_invitation_link(mother, guardian, "", "").reason, "other_address");
  // A professional who is also a parent keeps the two logins apart; so does a pupil.
  EXPECT_EQ(
      decide_invitation_link(mother, {Role::guardian, Role::teacher}, "eva@x", "eva@x").reason,
      "not_guardian_login");
  for (Role role : all_roles()) {
    if (role == Role::guardian) continue;
    EXPECT_EQ(decide_invitation_link(viewer(role), {role}, "eva@x", "eva@x").reason,
              "not_guardian_login")
        << to_string(role);
  }
}

TEST(AccessLog, ThePupilAndGuardiansWithAuthorityUnder16) {
  auto p = pupil_facts({2013, 6, 1});
  Millis t = at(2026, 11, 25);
  EXPECT_TRUE(decide_access_log_read(viewer(Role::pupil, kSchool, "u-pupil"), p, {}, t).allowed);
  EXPECT_TRUE(
      decide_access_log_read(viewer(Role::guardian, kSchool, "u-mother"), p, {}, t).allowed);
  EXPECT_FALSE(
      decide_access_log_read(viewer(Role::guardian, kSchool, "u-father"), p, {}, t).allowed);
  EXPECT_FALSE(
      decide_access_log_read(viewer(Role::guardian, kSchool, "u-other"), p, {}, t).allowed);
  EXPECT_FALSE(decide_access_log_read(viewer(Role::care_coordinator), p, {}, t).allowed);
  auto older = pupil_facts({2010, 1, 1});
  auto mother = viewer(Role::guardian, kSchool, "u-mother");
  EXPECT_FALSE(decide_access_log_read(mother, older, {}, t).allowed);
  auto consent = grant({}, true, t - 1000);
  consent.recipient_guardians = true;
  auto d = decide_access_log_read(mother, older, {consent}, t);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.consent_id, "1");
}

CaseFacts case_of(Date born) {
  CaseFacts c = pupil_facts(born);
  c.case_id = "c1";
  c.lead_membership_id = "m-lead";
  c.team_membership_ids = {"m-team"};
  return c;
}

TEST(FamilyView, ThePupilAndGuardiansWithAuthorityUnder16) {
  auto c = case_of({2013, 6, 1});  // 13
  Millis t = at(2026, 11, 25);
  auto pupil = viewer(Role::pupil, kSchool, "u-pupil");
  auto d = decide_family_view(pupil, c, EntryCategory::home, {}, t);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.rule, "family.view");
  EXPECT_EQ(d.legal_basis, "family");
  EXPECT_GE(d.reasons.size(), 2u);
  EXPECT_TRUE(
      decide_family_view(viewer(Role::guardian, kSchool, "u-mother"), c, EntryCategory::home, {}, t)
          .allowed);
  // Without parental authority, another family, another pupil: rule 3 says no.
  for (auto v : {viewer(Role::guardian, kSchool, "u-father"),
                 viewer(Role::guardian, kSchool, "u-other"), viewer(Role::pupil, kSchool, "u-x")}) {
    auto no = decide_family_view(v, c, EntryCategory::home, {}, t);
    EXPECT_FALSE(no.allowed) << v.user_id;
    EXPECT_EQ(no.reason, "not_for_family");
  }
  // A young pupil gives their view too: being heard does not wait for the WGBO's 12.
  EXPECT_TRUE(decide_family_view(pupil, case_of({2019, 1, 1}), EntryCategory::home, {}, t).allowed);
}

TEST(FamilyView, ProfessionalsWriteInTheChronologyInstead) {
  auto c = case_of({2013, 6, 1});
  Millis t = at(2026, 11, 25);
  for (Role role : all_roles()) {
    if (is_family_role(role)) continue;
    auto lead = viewer(role, kSchool, "u-lead", "m-lead");
    auto d = decide_family_view(lead, c, EntryCategory::home, {}, t);
    EXPECT_FALSE(d.allowed) << to_string(role);
    EXPECT_EQ(d.reason, "not_for_family") << to_string(role);
  }
}

TEST(FamilyView, AGuardianOfA16YearOldNeedsThePupilsConsentForTheCategory) {
  auto c = case_of({2010, 1, 1});  // 16
  Millis t = at(2026, 11, 25);
  auto mother = viewer(Role::guardian, kSchool, "u-mother");
  EXPECT_FALSE(decide_family_view(mother, c, EntryCategory::home, {}, t).allowed);
  auto consent = grant({}, true, t - 1000);
  consent.recipient_guardians = true;  // categories: home
  auto d = decide_family_view(mother, c, EntryCategory::home, {consent}, t);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.consent_id, "1");
  EXPECT_FALSE(decide_family_view(mother, c, EntryCategory::learning, {consent}, t).allowed);
  auto by_parents = grant({"g1"}, false, t - 1000);  // not the pupil's consent
  by_parents.recipient_guardians = true;
  EXPECT_FALSE(decide_family_view(mother, c, EntryCategory::home, {by_parents}, t).allowed);
  consent.withdrawn_at = t - 1;
  EXPECT_FALSE(decide_family_view(mother, c, EntryCategory::home, {consent}, t).allowed);
  EXPECT_TRUE(
      decide_family_view(viewer(Role::pupil, kSchool, "u-pupil"), c, EntryCategory::learning, {}, t)
          .allowed);
}

// What a family member may write, they may read back: the decision agrees with rule 3 on a
// family-visible entry of the same category by someone else, for every family viewer, age
// and category.
TEST(FamilyView, AgreesWithReadingByRule3) {
  auto consent = grant({}, true, at(2026, 1, 1));
  consent.recipient_guardians = true;
  consent.categories = {EntryCategory::home, EntryCategory::health};
  for (Date born : {Date{2019, 1, 1}, Date{2013, 6, 1}, Date{2010, 11, 25}, Date{2008, 1, 1}}) {
    auto c = case_of(born);
    Millis t = at(2026, 11, 25);
    for (const auto& user : {"u-pupil", "u-mother", "u-father", "u-other"})
      for (Role role : {Role::pupil, Role::guardian})
        for (EntryCategory category : all_entry_categories()) {
          auto v = viewer(role, kSchool, user);
          EntryFacts e{"e1",       "c1",    "p1",         "u-author",
                       "m-author", kSchool, Role::mentor, Audience::case_team,
                       category,   true};
          bool read = decide_entry_access(v, e, c, {consent}, {}, t).allowed;
          EXPECT_EQ(decide_family_view(v, c, category, {consent}, t).allowed, read)
              << user << " " << to_string(role) << " " << to_string(category) << " "
              << to_iso(born);
        }
  }
}

TEST(GrantParties, MustFitTheBandAtValidFrom) {
  auto p = pupil_facts({2013, 6, 1});  // 12 from 2025-06-01, 16 from 2029-06-01
  struct Row {
    std::vector<std::string> guardians;
    bool pupil;
    Millis from;
    std::string field;  // empty: accepted
  };
  std::vector<Row> rows = {
      {{"g1"}, false, at(2025, 5, 31), ""},  // 11: a guardian suffices
      {{}, true, at(2025, 5, 31), "given_by.guardian_ids"},
      {{"g1"}, false, at(2025, 6, 1), "given_by.pupil"},  // 12 on the day
      {{"g1"}, true, at(2025, 6, 1), ""},
      {{"g2"}, true, at(2026, 1, 1), "given_by.guardian_ids[0]"},  // no parental authority
      {{"g9"}, true, at(2026, 1, 1), "given_by.guardian_ids[0]"},
      {{"g1"}, false, at(2029, 6, 1), "given_by.pupil"},  // 16
      {{}, true, at(2029, 6, 1), ""},
      {{}, false, at(2029, 6, 1), "given_by"},
  };
  for (const auto& r : rows) {
    auto status = check_grant_parties(grant(r.guardians, r.pupil, r.from), p);
    EXPECT_EQ(status.ok() ? std::string() : status.error().field, r.field)
        << format_instant(r.from);
  }
  auto g = grant({"g1"}, true, at(2026, 1, 1));
  g.valid_until = g.valid_from;
  EXPECT_EQ(check_grant_parties(g, p).error().field, "valid_until");
  g = grant({"g1"}, false, at(2025, 1, 1));
  g.recipient_guardians = true;
  EXPECT_EQ(check_grant_parties(g, p).error().field, "recipients.guardians");
}

// Recording a grant that awaits a signature: the band is not checked, everything else is.
TEST(GrantParties, AwaitingSignatureSkipsOnlyTheBand) {
  auto p = pupil_facts({2013, 6, 1});  // 13 on 2026-01-01
  Millis from = at(2026, 1, 1);
  EXPECT_EQ(check_grant_parties(grant({"g1"}, false, from), p).error().field, "given_by.pupil");
  EXPECT_TRUE(check_grant_parties(grant({"g1"}, false, from), p, true).ok());
  EXPECT_TRUE(check_grant_parties(grant({}, true, from), p, true).ok());  // awaits a guardian
  EXPECT_EQ(check_grant_parties(grant({}, false, from), p, true).error().field, "given_by");
  EXPECT_EQ(check_grant_parties(grant({"g2"}, false, from), p, true).error().field,
            "given_by.guardian_ids[0]");
  auto to_guardians = grant({"g1"}, false, from);
  to_guardians.recipient_guardians = true;
  EXPECT_EQ(check_grant_parties(to_guardians, p, true).error().field, "recipients.guardians");
}

TEST(Cosignature, TheMissingPartiesOfAGrantInForce) {
  auto p = pupil_facts({2013, 6, 1});
  p.guardians.push_back({"g3", "", true});
  Millis t = at(2026, 11, 25);
  auto g = grant({"g1"}, false, t - 1000);
  auto code = [&](const ConsentGrant& grant, LaterSignature s) {
    auto status = check_cosignature(grant, p, s);
    return status.ok() ? std::string("ok") : status.error().code + " " + status.error().field;
  };
  EXPECT_EQ(code(g, {"", true, t}), "ok");
  EXPECT_EQ(code(g, {"g3", false, t}), "ok") << "a second parent may join";
  EXPECT_EQ(code(g, {"g1", false, t}), "already_signed by.guardian_id");
  EXPECT_EQ(code(g, {"g2", false, t}), "validation_failed by.guardian_id");  // no authority
  EXPECT_EQ(code(g, {"g9", false, t}), "validation_failed by.guardian_id");
  EXPECT_EQ(code(cosigned(g, {"", true, t}), {"", true, t + 1}), "already_signed by.pupil");
  auto ended = g;
  ended.valid_until = t;
  EXPECT_EQ(code(ended, {"", true, t}), "grant_expired ");
  EXPECT_EQ(code(ended, {"", true, t - 1}), "ok");
  auto withdrawn = g;
  withdrawn.withdrawn_at = t - 10;
  EXPECT_EQ(code(withdrawn, {"", true, t}), "already_withdrawn ");
  // A future grant can be signed before it starts.
  EXPECT_EQ(code(grant({"g1"}, false, t + 1000), {"", true, t}), "ok");
}

}  // namespace
}  // namespace samen::domain
