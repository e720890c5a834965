#include "domain/consent.hpp"

#include <gtest/gtest.h>

namespace samen::domain {
namespace {

constexpr Millis kDay = 86'400'000;
const Date kBorn{2012, 3, 10};  // 12th birthday 2024-03-10, 16th 2028-03-10 (both in CET)

Millis midnight(Date d) { return netherlands_midnight(d); }
Millis noon(Date d) { return netherlands_midnight(d) + kDay / 2; }

CaseFacts a_case() {
  CaseFacts c;
  c.case_id = "c1";
  c.pupil_id = "p1";
  c.school_id = "school";
  c.pupil_date_of_birth = kBorn;
  c.pupil_user_id = "u-pupil";
  c.guardians = {{"g-mother", "u-mother", true}, {"g-stepfather", "u-stepfather", false}};
  return c;
}

ConsentGrant grant(std::vector<std::string> guardians, bool pupil) {
  ConsentGrant g;
  g.id = "grant1";
  g.pupil_id = "p1";
  g.given_by_guardian_ids = std::move(guardians);
  g.given_by_pupil = pupil;
  g.recipient_organisation_ids = {"provider"};
  g.recipient_roles = {Role::family_worker};
  g.categories = {EntryCategory::home, EntryCategory::wellbeing};
  g.valid_from = noon(Date{2020, 1, 1});
  return g;
}

TEST(ConsentAge, WholeYearsOnTheDutchCivilDate) {
  EXPECT_EQ(age_at(kBorn, noon(Date{2023, 9, 1})), 11);
  EXPECT_EQ(age_at(kBorn, midnight(Date{2024, 3, 10}) - 1), 11);
  EXPECT_EQ(age_at(kBorn, midnight(Date{2024, 3, 10})), 12);
  // 23:00 UTC on 9 March is already the birthday in Amsterdam.
  EXPECT_EQ(age_at(kBorn, *parse_instant("2024-03-09T23:00:00Z")), 12);
  EXPECT_EQ(age_at(kBorn, *parse_instant("2024-03-09T22:59:59.999Z")), 11);
  EXPECT_EQ(age_at(kBorn, midnight(Date{2028, 3, 10}) - 1), 15);
  EXPECT_EQ(age_at(kBorn, midnight(Date{2028, 3, 10})), 16);
  // A birthday in summer time: midnight is 22:00 UTC the day before.
  Date summer_born{2010, 7, 1};
  EXPECT_EQ(age_at(summer_born, *parse_instant("2026-06-30T21:59:59.999Z")), 15);
  EXPECT_EQ(age_at(summer_born, *parse_instant("2026-06-30T22:00:00Z")), 16);
}

TEST(ConsentAge, Bands) {
  EXPECT_EQ(consent_band_for_age(0), ConsentBand::guardian);
  EXPECT_EQ(consent_band_for_age(11), ConsentBand::guardian);
  EXPECT_EQ(consent_band_for_age(12), ConsentBand::guardian_and_pupil);
  EXPECT_EQ(consent_band_for_age(15), ConsentBand::guardian_and_pupil);
  EXPECT_EQ(consent_band_for_age(16), ConsentBand::pupil);
  EXPECT_EQ(consent_band_for_age(19), ConsentBand::pupil);
  EXPECT_EQ(consent_band_at(kBorn, midnight(Date{2024, 3, 10}) - 1), ConsentBand::guardian);
  EXPECT_EQ(consent_band_at(kBorn, midnight(Date{2024, 3, 10})), ConsentBand::guardian_and_pupil);
  EXPECT_EQ(consent_band_at(kBorn, midnight(Date{2028, 3, 10}) - 1),
            ConsentBand::guardian_and_pupil);
  EXPECT_EQ(consent_band_at(kBorn, midnight(Date{2028, 3, 10})), ConsentBand::pupil);
}

TEST(ConsentValidity, FromInclusiveUntilExclusiveWithdrawalAtOnce) {
  ConsentGrant g = grant({"g-mother"}, false);
  Millis from = g.valid_from;
  EXPECT_FALSE(grant_valid_at(g, from - 1)) << "a future grant is not yet valid";
  EXPECT_TRUE(grant_valid_at(g, from));
  EXPECT_TRUE(grant_valid_at(g, from + 1000 * kDay)) << "no end: valid until withdrawn";
  g.valid_until = from + kDay;
  EXPECT_TRUE(grant_valid_at(g, from + kDay - 1));
  EXPECT_FALSE(grant_valid_at(g, from + kDay)) << "expired at valid_until";
  g.valid_until.reset();
  g.withdrawn_at = from + 5 * kDay;
  EXPECT_TRUE(grant_valid_at(g, from + 5 * kDay - 1));
  EXPECT_FALSE(grant_valid_at(g, from + 5 * kDay)) << "withdrawal takes effect at that instant";
  EXPECT_FALSE(grant_valid_at(g, from + 6 * kDay));
}

TEST(ConsentCoverage, OrganisationOrRoleAndCategory) {
  ConsentGrant g = grant({"g-mother"}, false);
  EXPECT_TRUE(grant_covers(g, "provider", Role::youth_health, EntryCategory::home));
  EXPECT_TRUE(grant_covers(g, "elsewhere", Role::family_worker, EntryCategory::wellbeing));
  EXPECT_FALSE(grant_covers(g, "elsewhere", Role::youth_health, EntryCategory::home));
  EXPECT_FALSE(grant_covers(g, "provider", Role::family_worker, EntryCategory::health));
  EXPECT_FALSE(grant_covers(g, "", Role::youth_health, EntryCategory::home));
  EXPECT_FALSE(grant_covers_guardians(g, EntryCategory::home));
  g.recipient_guardians = true;
  EXPECT_TRUE(grant_covers_guardians(g, EntryCategory::home));
  EXPECT_FALSE(grant_covers_guardians(g, EntryCategory::health));
}

TEST(ConsentParties, WhatEachBandRequires) {
  auto guardians = a_case().guardians;
  ConsentGrant mother = grant({"g-mother"}, false);
  ConsentGrant stepfather = grant({"g-stepfather"}, false);  // no parental authority
  ConsentGrant pupil = grant({}, true);
  ConsentGrant both = grant({"g-mother"}, true);
  ConsentGrant stranger = grant({"g-unknown"}, true);
  EXPECT_TRUE(grant_has_parties_for(mother, ConsentBand::guardian, guardians));
  EXPECT_FALSE(grant_has_parties_for(stepfather, ConsentBand::guardian, guardians));
  EXPECT_FALSE(grant_has_parties_for(pupil, ConsentBand::guardian, guardians));
  EXPECT_TRUE(grant_has_parties_for(both, ConsentBand::guardian, guardians));
  EXPECT_FALSE(grant_has_parties_for(mother, ConsentBand::guardian_and_pupil, guardians));
  EXPECT_FALSE(grant_has_parties_for(pupil, ConsentBand::guardian_and_pupil, guardians));
  EXPECT_TRUE(grant_has_parties_for(both, ConsentBand::guardian_and_pupil, guardians));
  EXPECT_FALSE(grant_has_parties_for(stranger, ConsentBand::guardian_and_pupil, guardians));
  EXPECT_FALSE(grant_has_parties_for(mother, ConsentBand::pupil, guardians));
  EXPECT_TRUE(grant_has_parties_for(pupil, ConsentBand::pupil, guardians)) << "16+: pupil alone";
  EXPECT_TRUE(grant_has_parties_for(both, ConsentBand::pupil, guardians));
}

// Co-signing: a party who signs after recording counts from their signature on, so a
// decision (or an explanation) for an earlier moment still sees the grant incomplete.
TEST(ConsentParties, ALaterSignatureCountsFromItsMoment) {
  auto c = a_case();  // 12 to 15 from 2024-03-10: a guardian and the pupil
  auto guardians = c.guardians;
  auto band = ConsentBand::guardian_and_pupil;
  Millis signed_at = noon(Date{2025, 2, 1});
  ConsentGrant parents = grant({"g-mother"}, false);
  auto both = cosigned(parents, {"", true, signed_at});
  EXPECT_TRUE(both.given_by_pupil);
  ASSERT_EQ(both.later_signatures.size(), 1u);
  EXPECT_FALSE(grant_has_parties_for(both, band, guardians, signed_at - 1));
  EXPECT_TRUE(grant_has_parties_for(both, band, guardians, signed_at));
  EXPECT_TRUE(grant_has_parties_for(both, band, guardians)) << "by default every signature counts";
  auto missing = missing_parties(both, band, guardians, signed_at - 1);
  EXPECT_TRUE(missing.pupil);
  EXPECT_FALSE(missing.guardian);

  auto before =
      find_consent({both}, c, "provider", Role::mentor, EntryCategory::home, signed_at - 1);
  EXPECT_EQ(before.status, ConsentStatus::incomplete_for_age);
  EXPECT_NE(before.explanation.find("the pupil did not give it"), std::string::npos)
      << before.explanation;
  auto after = find_consent({both}, c, "provider", Role::mentor, EntryCategory::home, signed_at);
  EXPECT_EQ(after.status, ConsentStatus::valid);
  EXPECT_EQ(after.grant_id, "grant1");

  // The guardian signing later works alike; a guardian without authority never counts.
  auto pupil_first = cosigned(grant({}, true), {"g-mother", false, signed_at});
  EXPECT_EQ(pupil_first.given_by_guardian_ids, std::vector<std::string>{"g-mother"});
  EXPECT_TRUE(missing_parties(pupil_first, band, guardians, signed_at - 1).guardian);
  EXPECT_TRUE(grant_has_parties_for(pupil_first, band, guardians, signed_at));
  auto stepfather = cosigned(grant({}, true), {"g-stepfather", false, signed_at});
  EXPECT_FALSE(grant_has_parties_for(stepfather, band, guardians, signed_at));
  // A co-signer is a party: they may withdraw.
  EXPECT_TRUE(may_withdraw(both, "", true));
}

TEST(ConsentWithdrawal, AnyPartyToTheGrant) {
  ConsentGrant g = grant({"g-mother"}, true);
  EXPECT_TRUE(may_withdraw(g, "g-mother", false));
  EXPECT_TRUE(may_withdraw(g, "", true));
  EXPECT_FALSE(may_withdraw(g, "g-stepfather", false));
  EXPECT_FALSE(may_withdraw(g, "", false));
  EXPECT_FALSE(may_withdraw(grant({"g-mother"}, false), "", true)) << "the pupil is no party";
}

TEST(ConsentFinding, NoGrantIncompleteOrValid) {
  CaseFacts c = a_case();
  Millis at11 = noon(Date{2023, 9, 1});
  Millis at12 = noon(Date{2024, 9, 1});
  auto find = [&](const std::vector<ConsentGrant>& grants, Millis t) {
    return find_consent(grants, c, "provider", Role::youth_health, EntryCategory::home, t);
  };
  EXPECT_EQ(find({}, at11).status, ConsentStatus::none);
  ConsentGrant mother = grant({"g-mother"}, false);
  EXPECT_EQ(find({mother}, at11).status, ConsentStatus::valid);
  EXPECT_EQ(find({mother}, at11).grant_id, "grant1");
  auto incomplete = find({mother}, at12);
  EXPECT_EQ(incomplete.status, ConsentStatus::incomplete_for_age);
  EXPECT_EQ(incomplete.grant_id, "grant1");
  EXPECT_NE(incomplete.explanation.find("the pupil did not give it"), std::string::npos)
      << incomplete.explanation;
  // A complete grant beside the incomplete one wins.
  ConsentGrant both = grant({"g-mother"}, true);
  both.id = "grant2";
  auto found = find({mother, both}, at12);
  EXPECT_EQ(found.status, ConsentStatus::valid);
  EXPECT_EQ(found.grant_id, "grant2");
  // An incomplete grant that is not in force, or covers something else, is no grant at all.
  ConsentGrant expired = mother;
  expired.valid_until = at12;
  EXPECT_EQ(find({expired}, at12).status, ConsentStatus::none);
  ConsentGrant other_category = mother;
  other_category.categories = {EntryCategory::health};
  EXPECT_EQ(find({other_category}, at12).status, ConsentStatus::none);
  // Grants of another pupil never count.
  ConsentGrant other_pupil = both;
  other_pupil.pupil_id = "p2";
  EXPECT_EQ(find({other_pupil}, at12).status, ConsentStatus::none);
}

TEST(ConsentFinding, GuardiansOfAPupilOfSixteenNeedThePupil) {
  CaseFacts c = a_case();
  Millis at16 = midnight(Date{2028, 3, 10});
  ConsentGrant by_pupil = grant({}, true);
  by_pupil.recipient_guardians = true;
  EXPECT_EQ(find_guardian_consent({by_pupil}, c, EntryCategory::home, at16).status,
            ConsentStatus::valid);
  EXPECT_EQ(find_guardian_consent({by_pupil}, c, EntryCategory::health, at16).status,
            ConsentStatus::none);
  ConsentGrant by_mother = grant({"g-mother"}, false);
  by_mother.recipient_guardians = true;
  EXPECT_EQ(find_guardian_consent({by_mother}, c, EntryCategory::home, at16).status,
            ConsentStatus::incomplete_for_age);
  EXPECT_EQ(find_guardian_consent({grant({}, true)}, c, EntryCategory::home, at16).status,
            ConsentStatus::none)
      << "a grant to organisations is no consent for the guardians";
}

}  // namespace
}  // namespace samen::domain
