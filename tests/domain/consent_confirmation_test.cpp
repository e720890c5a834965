// The counting rule of issue 11: a grant a professional recorded to their own benefit counts
// only from its confirmation — by the family signing it in the portal or a second
// professional who is not a recipient — and consent requests become grants only when the
// parties the pupil's age requires agreed.
#include <gtest/gtest.h>

#include "domain/consent.hpp"
#include "domain/consent_request.hpp"
#include "domain/entry_filter.hpp"
#include "domain/policy_consent.hpp"
#include "domain/policy_entries.hpp"

namespace samen::domain {
namespace {

constexpr Millis kDay = 86'400'000;
const Date kBorn{2012, 3, 10};  // 12 on 2024-03-10, 16 on 2028-03-10
Millis noon(Date d) { return netherlands_midnight(d) + kDay / 2; }
const Millis kT = noon(Date{2023, 9, 1});  // the pupil is 11

CaseFacts a_case() {
  CaseFacts c;
  c.case_id = "c1";
  c.pupil_id = "p1";
  c.school_id = "school";
  c.lead_membership_id = "m-lead";
  c.team_membership_ids = {"m-mentor"};
  c.pupil_date_of_birth = kBorn;
  c.pupil_user_id = "u-pupil";
  c.guardians = {{"g-mother", "u-mother", true}, {"g-father", "u-father", true}};
  return c;
}

// Recorded on the mother's word, for the neighbourhood team, awaiting confirmation.
ConsentGrant pending_grant() {
  ConsentGrant g;
  g.id = "grant1";
  g.pupil_id = "p1";
  g.given_by_guardian_ids = {"g-mother"};
  g.recipient_organisation_ids = {"team"};
  g.categories = {EntryCategory::home};
  g.valid_from = kT;
  g.obtained_via = ConsentSource::conversation;
  g.awaits_confirmation = true;
  return g;
}

Viewer lead() { return {"u-lead", "m-lead", "team", "r1", Role::family_worker}; }
Viewer coordinator() { return {"u-cc", "m-cc", "school", "r1", Role::care_coordinator}; }
Viewer mentor() { return {"u-mentor", "m-mentor", "school", "r1", Role::mentor}; }

EntryFacts school_entry() {
  EntryFacts e;
  e.entry_id = "e1";
  e.case_id = "c1";
  e.pupil_id = "p1";
  e.author_user_id = "u-cc";
  e.author_membership_id = "m-cc";
  e.author_organisation_id = "school";
  e.author_role = Role::care_coordinator;
  e.audience = Audience::case_team;
  e.category = EntryCategory::home;
  return e;
}

TEST(ConsentCounting, APendingGrantDoesNotCountUntilConfirmed) {
  auto g = pending_grant();
  auto c = a_case();
  EXPECT_TRUE(grant_valid_at(g, kT + 1));
  EXPECT_TRUE(grant_pending_at(g, kT + 1));
  EXPECT_FALSE(grant_counts_at(g, c, kT + 1));
  g.confirmed_at = kT + 100;
  EXPECT_FALSE(grant_counts_at(g, c, kT + 99));
  EXPECT_TRUE(grant_counts_at(g, c, kT + 100));
  // A grant that does not await confirmation counts as before.
  auto plain = pending_grant();
  plain.awaits_confirmation = false;
  EXPECT_TRUE(grant_counts_at(plain, c, kT + 1));
  // Confirmed, it still needs the parties the age requires.
  plain.given_by_guardian_ids = {};
  plain.given_by_pupil = true;
  EXPECT_FALSE(grant_counts_at(plain, c, kT + 1));
}

TEST(ConsentCounting, SingleDecisionAndListingFilterAgreeOnPending) {
  auto c = a_case();
  std::vector<ConsentGrant> grants{pending_grant()};
  auto d = decide_entry_access(lead(), school_entry(), c, grants, {}, kT + 1);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, "consent_pending");
  EXPECT_EQ(d.consent_id, "grant1");
  EXPECT_FALSE(entry_filter_for(lead(), c, grants, {}, kT + 1).allows(school_entry()));
  grants[0].confirmed_at = kT + 10;
  EXPECT_TRUE(decide_entry_access(lead(), school_entry(), c, grants, {}, kT + 10).allowed);
  EXPECT_TRUE(entry_filter_for(lead(), c, grants, {}, kT + 10).allows(school_entry()));
  EXPECT_EQ(
      find_consent(grants, c, "team", Role::family_worker, EntryCategory::home, kT + 5).status,
      ConsentStatus::pending);
}

TEST(ConsentCounting, WideningIsByOrganisationOrRoleOfAnyMembership) {
  auto g = pending_grant();
  EXPECT_TRUE(grant_widens_access_of(g, {lead()}));
  EXPECT_FALSE(grant_widens_access_of(g, {coordinator()}));
  g.recipient_organisation_ids = {};
  g.recipient_roles = {Role::family_worker};
  EXPECT_TRUE(grant_widens_access_of(g, {lead()}));
  // The person's other membership counts too.
  Viewer second{"u-cc", "m-cc2", "other", "r1", Role::family_worker};
  EXPECT_TRUE(grant_widens_access_of(g, {coordinator(), second}));
}

TEST(ConsentConfirmation, ASecondProfessionalOfTheSchoolWhoIsNoRecipient) {
  auto c = a_case();
  auto g = pending_grant();
  EXPECT_TRUE(decide_grant_confirmation(coordinator(), {}, c, {c}, g, "u-lead").allowed);
  EXPECT_TRUE(decide_grant_confirmation(mentor(), {}, c, {c}, g, "u-lead").allowed);
  auto own = decide_grant_confirmation(coordinator(), {}, c, {c}, g, "u-cc");
  EXPECT_EQ(own.reason, "own_grant");
  EXPECT_EQ(decide_grant_confirmation(lead(), {}, c, {c}, g, "u-other").reason, "not_school_team");
  g.recipient_roles = {Role::care_coordinator};
  EXPECT_EQ(decide_grant_confirmation(coordinator(), {}, c, {c}, g, "u-lead").reason, "recipient");
  Viewer teacher{"u-t", "m-t", "school", "r1", Role::teacher};
  EXPECT_EQ(decide_grant_confirmation(teacher, {}, c, {c}, pending_grant(), "u-lead").reason,
            "not_school_team");
  Viewer mother{"u-mother", "m-mother", "", "r1", Role::guardian};
  EXPECT_EQ(decide_grant_confirmation(mother, {}, c, {c}, pending_grant(), "u-lead").reason,
            "not_professional");
}

TEST(ConsentConfirmation, TheFamilyConfirmsBySigningInThePortal) {
  auto c = a_case();
  auto g = pending_grant();
  LaterSignature mother{"g-mother", false, kT + 50};
  EXPECT_TRUE(check_family_signature(g, c, mother));
  auto signed_grant = signed_in_portal(g, c, mother);
  EXPECT_EQ(signed_grant.confirmed_at, kT + 50);
  EXPECT_EQ(signed_grant.given_by_guardian_ids, std::vector<std::string>{"g-mother"});
  EXPECT_TRUE(grant_counts_at(signed_grant, c, kT + 50));
  EXPECT_EQ(check_family_signature(signed_grant, c, mother).error().code, "already_signed");
  // At 13 the pupil must sign too before it counts.
  Millis at13 = noon(Date{2025, 9, 1});
  auto older = pending_grant();
  older.given_by_pupil = true;
  older.valid_from = at13;
  auto by_mother = signed_in_portal(older, c, {"g-mother", false, at13 + 1});
  EXPECT_FALSE(by_mother.confirmed_at);
  auto by_both = signed_in_portal(by_mother, c, {"", true, at13 + 2});
  EXPECT_EQ(by_both.confirmed_at, at13 + 2);
  EXPECT_TRUE(grant_counts_at(by_both, c, at13 + 2));
}

ConsentRequest a_request() {
  ConsentRequest r;
  r.id = "r1";
  r.pupil_id = "p1";
  r.recipient_organisation_ids = {"team"};
  r.categories = {EntryCategory::home};
  r.valid_from = kT;
  return r;
}

TEST(ConsentRequests, PartiesByAgeBand) {
  auto c = a_case();
  // 11: a guardian; the pupil does not answer.
  ConsentAnswer pupil{"", true, true, kT + 1};
  EXPECT_EQ(check_consent_answer(a_request(), c, pupil).error().code, "not_a_required_party");
  auto done = answered(a_request(), c, {"g-mother", false, true, kT + 1});
  EXPECT_EQ(done.status, ConsentRequestStatus::agreed);
  auto grant = grant_from_request(done, kT + 1);
  EXPECT_EQ(grant.obtained_via, ConsentSource::portal);
  EXPECT_FALSE(grant.awaits_confirmation);
  EXPECT_TRUE(grant_counts_at(grant, c, kT + 1));
  // 13: guardian and pupil.
  Millis at13 = noon(Date{2025, 9, 1});
  auto half = answered(a_request(), c, {"g-father", false, true, at13});
  EXPECT_EQ(half.status, ConsentRequestStatus::open);
  EXPECT_EQ(check_consent_answer(half, c, {"g-father", false, true, at13}).error().code,
            "already_answered");
  auto both = answered(half, c, {"", true, true, at13 + 1});
  EXPECT_EQ(both.status, ConsentRequestStatus::agreed);
  EXPECT_TRUE(grant_counts_at(grant_from_request(both, at13 + 1), c, at13 + 1));
  // 16: the pupil alone; a guardian is no party.
  Millis at16 = noon(Date{2028, 9, 1});
  EXPECT_EQ(check_consent_answer(a_request(), c, {"g-mother", false, true, at16}).error().code,
            "not_a_required_party");
  EXPECT_EQ(answered(a_request(), c, {"", true, true, at16}).status, ConsentRequestStatus::agreed);
}

TEST(ConsentRequests, ADeclineClosesAndConsentNeverCountsBeforeItWasGiven) {
  auto c = a_case();
  auto declined = answered(a_request(), c, {"g-mother", false, false, kT + 5});
  EXPECT_EQ(declined.status, ConsentRequestStatus::declined);
  EXPECT_EQ(declined.declined_by_guardian_id, "g-mother");
  EXPECT_EQ(check_consent_answer(declined, c, {"g-father", false, true, kT + 6}).error().code,
            "request_closed");
  auto agreed = answered(a_request(), c, {"g-mother", false, true, kT + 500});
  EXPECT_EQ(grant_from_request(agreed, kT + 500).valid_from, kT + 500);
}

}  // namespace
}  // namespace samen::domain
