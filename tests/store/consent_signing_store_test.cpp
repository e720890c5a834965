// Co-signing consent grants (migration 6), on every backend: later signatures are stored
// with the moment they count from, round-trip exactly, bump the version, and are refused on
// a stale version or a withdrawn grant; the policy then decides on what was stored.
#include <gtest/gtest.h>

#include "domain/consent.hpp"
#include "store/backends.hpp"

namespace samen::testing {
namespace {

constexpr domain::Millis kT0 = 1'780'000'000'000;  // 2026-05-28
constexpr domain::Millis kDay = 86'400'000;

class ConsentSigningStore : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store = GetParam().open();
    auto tx = store->begin_write();
    auto f = insert_school_with_pupil(*tx, {{"", "Moeder", "moeder", "", "", true, "", "", {}, {}},
                                            {"", "Vader", "vader", "", "", true, "", "", {}, {}}});
    coordinator = f.coordinator;
    pupil = f.pupil;
    mother = f.guardian_ids[0];
    father = f.guardian_ids[1];
    store::ConsentGrantRecord g;
    g.grant.pupil_id = pupil;
    g.grant.given_by_guardian_ids = {mother};  // awaiting the pupil
    g.grant.recipient_roles = {domain::Role::family_worker};
    g.grant.categories = {domain::EntryCategory::home};
    g.grant.valid_from = kT0;
    g.text = "Wij geven toestemming ...";
    g.recorded_by_user_id = coordinator;
    g.recorded_at = kT0;
    grant = tx->insert_consent_grant(g);
    tx->commit();
  }

  std::shared_ptr<store::Store> store;
  std::string coordinator, pupil, mother, father, grant;
};

TEST_P(ConsentSigningStore, LaterSignaturesRoundTripAndBumpTheVersion) {
  auto tx = store->begin_write();
  auto before = tx->consent_grant(grant);
  ASSERT_TRUE(before);
  EXPECT_TRUE(before->grant.later_signatures.empty());
  EXPECT_EQ(before->version, 1);
  auto by_pupil = domain::cosigned(before->grant, {"", true, kT0 + kDay});
  EXPECT_FALSE(tx->set_grant_parties(by_pupil, 2)) << "stale version";
  EXPECT_TRUE(tx->set_grant_parties(by_pupil, 1));
  auto by_father = domain::cosigned(by_pupil, {father, false, kT0 + 2 * kDay});
  EXPECT_TRUE(tx->set_grant_parties(by_father, 2));
  tx->commit();

  auto after = store->begin_read()->consent_grant(grant);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->version, 3);
  EXPECT_TRUE(after->grant.given_by_pupil);
  EXPECT_EQ(after->grant.given_by_guardian_ids, (std::vector<std::string>{mother, father}));
  ASSERT_EQ(after->grant.later_signatures.size(), 2u);
  EXPECT_TRUE(after->grant.later_signatures[0].pupil);
  EXPECT_EQ(after->grant.later_signatures[0].at, kT0 + kDay);
  EXPECT_EQ(after->grant.later_signatures[1].guardian_id, father);
  EXPECT_FALSE(after->grant.later_signatures[1].pupil);
  EXPECT_EQ(after->grant.later_signatures[1].at, kT0 + 2 * kDay);
  EXPECT_EQ(after->text, "Wij geven toestemming ...");

  // What the policy reads back: complete from the pupil's signature on, not before.
  std::vector<domain::GuardianFacts> guardians = {{mother, "", true}, {father, "", true}};
  auto band = domain::ConsentBand::guardian_and_pupil;
  EXPECT_FALSE(domain::grant_has_parties_for(after->grant, band, guardians, kT0 + kDay - 1));
  EXPECT_TRUE(domain::grant_has_parties_for(after->grant, band, guardians, kT0 + kDay));
}

TEST_P(ConsentSigningStore, AWithdrawnGrantTakesNoSignature) {
  auto tx = store->begin_write();
  EXPECT_TRUE(tx->withdraw_consent_grant(grant, {mother, false, coordinator, kT0 + kDay}));
  auto withdrawn = tx->consent_grant(grant);
  EXPECT_FALSE(tx->set_grant_parties(domain::cosigned(withdrawn->grant, {"", true, kT0 + 2 * kDay}),
                                     withdrawn->version));
  EXPECT_FALSE(tx->consent_grant(grant)->grant.given_by_pupil);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsentSigningStore, ::testing::ValuesIn(store_backends()),
                         backend_name);

}  // namespace
}  // namespace samen::testing
