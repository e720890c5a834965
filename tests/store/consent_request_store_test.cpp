// Consent from the family (migration 8), on every backend: a grant says how it was obtained
// and whether it awaits confirmation, a second professional's confirmation and the family's
// portal signatures round-trip and are refused when stale, confirmed or withdrawn; consent
// requests round-trip and change only while open, at the version read.
#include <gtest/gtest.h>

#include "domain/consent.hpp"
#include "domain/consent_request.hpp"
#include "store/backends.hpp"

namespace samen::testing {
namespace {

constexpr domain::Millis kT0 = 1'780'000'000'000;  // 2026-05-28
constexpr domain::Millis kDay = 86'400'000;

class ConsentRequestStore : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store = GetParam().open();
    auto tx = store->begin_write();
    auto f = insert_school_with_pupil(
        *tx, {{"", "Moeder", "moeder", "", "", true, "", "", std::nullopt, std::nullopt}});
    coordinator = f.coordinator;
    pupil = f.pupil;
    mother = f.guardian_ids[0];
    membership = tx->insert_membership(
        store::Membership{"", coordinator, f.school, domain::Role::care_coordinator, true, "", ""});
    tx->commit();
  }

  std::string pending_grant(store::WriteTx& tx) {
    store::ConsentGrantRecord g;
    g.grant.pupil_id = pupil;
    g.grant.given_by_guardian_ids = {mother};
    g.grant.recipient_roles = {domain::Role::family_worker};
    g.grant.categories = {domain::EntryCategory::home};
    g.grant.valid_from = kT0;
    g.grant.obtained_via = domain::ConsentSource::phone;
    g.grant.awaits_confirmation = true;
    g.text = "Moeder belde ...";
    g.recorded_by_user_id = coordinator;
    g.recorded_by_membership_id = membership;
    g.recorded_at = kT0;
    return tx.insert_consent_grant(g);
  }

  std::shared_ptr<store::Store> store;
  std::string coordinator, pupil, mother, membership;
};

TEST_P(ConsentRequestStore, AGrantAwaitingConfirmationIsConfirmedOnce) {
  auto tx = store->begin_write();
  auto id = pending_grant(*tx);
  auto stored = tx->consent_grant(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->grant.obtained_via, domain::ConsentSource::phone);
  EXPECT_TRUE(stored->grant.awaits_confirmation);
  EXPECT_FALSE(stored->grant.confirmed_at);
  EXPECT_EQ(stored->recorded_by_membership_id, membership);
  store::GrantConfirmation c{coordinator, membership, kT0 + kDay};
  EXPECT_FALSE(tx->confirm_consent_grant(id, c, 2)) << "stale version";
  EXPECT_TRUE(tx->confirm_consent_grant(id, c, 1));
  EXPECT_FALSE(tx->confirm_consent_grant(id, c, 2)) << "confirmed already";
  tx->commit();
  auto after = store->begin_read()->consent_grant(id);
  EXPECT_EQ(after->grant.confirmed_at, kT0 + kDay);
  EXPECT_EQ(after->confirmed_by_user_id, coordinator);
  EXPECT_EQ(after->confirmed_by_membership_id, membership);
  EXPECT_EQ(after->version, 2);
}

TEST_P(ConsentRequestStore, TheFamilysPortalSignaturesRoundTrip) {
  auto tx = store->begin_write();
  auto id = pending_grant(*tx);
  auto g = tx->consent_grant(id)->grant;
  g.family_confirmations = {{mother, false, kT0 + kDay}};
  g.confirmed_at = kT0 + kDay;
  EXPECT_TRUE(tx->set_grant_parties(g, 1));
  store::ConsentWithdrawal withdrawal{mother, false, coordinator, kT0 + 2 * kDay};
  tx->withdraw_consent_grant(id, withdrawal);
  EXPECT_FALSE(tx->confirm_consent_grant(id, {coordinator, membership, kT0 + 3 * kDay}, 3));
  tx->commit();
  auto after = store->begin_read()->consent_grant(id);
  ASSERT_EQ(after->grant.family_confirmations.size(), 1u);
  EXPECT_EQ(after->grant.family_confirmations[0].guardian_id, mother);
  EXPECT_EQ(after->grant.family_confirmations[0].at, kT0 + kDay);
  EXPECT_EQ(after->grant.confirmed_at, kT0 + kDay);
  EXPECT_TRUE(after->confirmed_by_user_id.empty());
}

TEST_P(ConsentRequestStore, RequestsRoundTripAndChangeOnlyWhileOpen) {
  auto tx = store->begin_write();
  store::ConsentRequestRecord r;
  r.request.pupil_id = pupil;
  r.request.recipient_roles = {domain::Role::family_worker, domain::Role::youth_health};
  r.request.categories = {domain::EntryCategory::home, domain::EntryCategory::health};
  r.request.valid_from = kT0;
  r.request.valid_until = kT0 + 90 * kDay;
  r.request.sent_by_user_id = coordinator;
  r.request.sent_by_membership_id = membership;
  r.request.sent_at = kT0;
  r.text = "Mag de gezinswerker meekijken?";
  auto id = tx->insert_consent_request(r);
  auto stored = tx->consent_request(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->request.status, domain::ConsentRequestStatus::open);
  EXPECT_EQ(stored->request.recipient_roles, r.request.recipient_roles);
  EXPECT_EQ(stored->request.categories, r.request.categories);
  EXPECT_EQ(stored->request.valid_until, kT0 + 90 * kDay);
  EXPECT_EQ(stored->request.sent_by_membership_id, membership);
  EXPECT_EQ(stored->text, r.text);
  EXPECT_EQ(stored->version, 1);

  auto next = stored->request;
  next.agreements = {{mother, false, kT0 + kDay}};
  EXPECT_FALSE(tx->update_consent_request(next, 2)) << "stale version";
  EXPECT_TRUE(tx->update_consent_request(next, 1));
  next.status = domain::ConsentRequestStatus::declined;
  next.closed_at = kT0 + 2 * kDay;
  next.declined_by_pupil = true;
  EXPECT_TRUE(tx->update_consent_request(next, 2));
  EXPECT_FALSE(tx->update_consent_request(next, 3)) << "closed requests do not change";
  tx->commit();
  auto read = store->begin_read();
  auto after = read->consent_request(id);
  EXPECT_EQ(after->request.status, domain::ConsentRequestStatus::declined);
  EXPECT_TRUE(after->request.declined_by_pupil);
  EXPECT_EQ(after->request.closed_at, kT0 + 2 * kDay);
  ASSERT_EQ(after->request.agreements.size(), 1u);
  EXPECT_EQ(after->request.agreements[0].guardian_id, mother);
  EXPECT_EQ(after->version, 3);
  EXPECT_EQ(read->consent_requests_of_pupil(pupil).size(), 1u);
  EXPECT_TRUE(read->consent_requests_of_pupil("999999").empty());
  EXPECT_FALSE(read->consent_request("999999"));
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsentRequestStore, ::testing::ValuesIn(store_backends()),
                         backend_name);

}  // namespace
}  // namespace samen::testing
