// The store of family invitations (migrations 4 and 5), on every backend: an invitation
// found by its token hash (or by id, or listed per pupil), used once or revoked once — never
// both — and a family login linked to its guardian or pupil.
#include <gtest/gtest.h>

#include "store/backends.hpp"

namespace samen::testing {
namespace {

constexpr domain::Millis kT0 = 1'780'000'000'000;
constexpr domain::Millis kWeek = 7LL * 86'400'000;

class InvitationStore : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store = GetParam().open();
    auto tx = store->begin_write();
    auto f =
        insert_school_with_pupil(*tx, {{"", "Moeder", "moeder", "", "", true, "", "", {}, {}}});
    school = f.school;
    coordinator = f.coordinator;
    pupil = f.pupil;
    mother = f.guardian_ids[0];
    tx->commit();
  }

  store::InvitationRecord invitation(const std::string& hash, bool for_pupil) {
    store::InvitationRecord i;
    i.pupil_id = pupil;
    i.guardian_id = for_pupil ? "" : mother;
    i.for_pupil = for_pupil;
    i.email = for_pupil ? "sanne@x" : "moeder@x";
    i.token_hash = hash;
    i.created_by_user_id = coordinator;
    i.created_at = kT0;
    i.expires_at = kT0 + kWeek;
    return i;
  }

  std::shared_ptr<store::Store> store;
  std::string school, coordinator, pupil, mother;
};

TEST_P(InvitationStore, FoundByTokenHashAndUsedOnce) {
  auto tx = store->begin_write();
  auto id = tx->insert_invitation(invitation("hash-g", false));
  auto pupil_invitation = tx->insert_invitation(invitation("hash-p", true));
  EXPECT_NE(id, pupil_invitation);
  EXPECT_FALSE(tx->invitation_by_token_hash("hash-x"));
  auto read = tx->invitation_by_token_hash("hash-g");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->id, id);
  EXPECT_EQ(read->pupil_id, pupil);
  EXPECT_EQ(read->guardian_id, mother);
  EXPECT_FALSE(read->for_pupil);
  EXPECT_EQ(read->email, "moeder@x");
  EXPECT_EQ(read->created_by_user_id, coordinator);
  EXPECT_EQ(read->created_at, kT0);
  EXPECT_EQ(read->expires_at, kT0 + kWeek);
  EXPECT_FALSE(read->accepted_at);
  auto p = tx->invitation_by_token_hash("hash-p");
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->for_pupil);
  EXPECT_EQ(p->guardian_id, "");

  auto user = tx->insert_user({"", "moeder@x", "Moeder", "hash", true, 1});
  EXPECT_TRUE(tx->accept_invitation(id, user, kT0 + 5));
  EXPECT_FALSE(tx->accept_invitation(id, user, kT0 + 6));  // used once
  tx->link_guardian_user(mother, user);
  tx->commit();

  auto r = store->begin_read();
  read = r->invitation_by_token_hash("hash-g");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->accepted_at, kT0 + 5);
  EXPECT_EQ(read->accepted_user_id, user);
  auto facts = r->pupil_facts(pupil);
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->guardian_user_ids, std::vector<std::string>{user});
}

TEST_P(InvitationStore, RevokedOnceAndThenNeverUsed) {
  auto tx = store->begin_write();
  auto id = tx->insert_invitation(invitation("hash-g", false));
  auto user = tx->insert_user({"", "moeder@x", "Moeder", "hash", true, 1});
  EXPECT_FALSE(tx->revoke_invitation("999999", coordinator, kT0 + 1));
  EXPECT_TRUE(tx->revoke_invitation(id, coordinator, kT0 + 2));
  EXPECT_FALSE(tx->revoke_invitation(id, coordinator, kT0 + 3));  // the first revocation stands
  EXPECT_FALSE(tx->accept_invitation(id, user, kT0 + 4));
  tx->commit();

  auto r = store->begin_read();
  auto read = r->invitation(id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->revoked_at, kT0 + 2);
  EXPECT_EQ(read->revoked_by_user_id, coordinator);
  EXPECT_FALSE(read->accepted_at);
  EXPECT_EQ(read->accepted_user_id, "");
  EXPECT_EQ(r->invitation_by_token_hash("hash-g")->revoked_at, kT0 + 2);
  EXPECT_FALSE(r->invitation("999999"));
}

TEST_P(InvitationStore, AUsedInvitationIsNotRevoked) {
  auto tx = store->begin_write();
  auto id = tx->insert_invitation(invitation("hash-p", true));
  auto user = tx->insert_user({"", "sanne@x", "Sanne", "hash", true, 1});
  EXPECT_TRUE(tx->accept_invitation(id, user, kT0 + 1));
  EXPECT_FALSE(tx->revoke_invitation(id, coordinator, kT0 + 2));
  auto read = tx->invitation(id);
  ASSERT_TRUE(read);
  EXPECT_FALSE(read->revoked_at);
  EXPECT_EQ(read->revoked_by_user_id, "");
  EXPECT_EQ(read->accepted_at, kT0 + 1);
}

TEST_P(InvitationStore, ListedPerPupilOldestFirst) {
  auto tx = store->begin_write();
  auto first = tx->insert_invitation(invitation("h1", false));
  auto second = tx->insert_invitation(invitation("h2", true));
  auto other_id = insert_pupil(*tx, school, "2");
  auto theirs = invitation("h3", true);
  theirs.pupil_id = other_id;
  tx->insert_invitation(theirs);
  tx->revoke_invitation(first, coordinator, kT0 + 1);
  tx->commit();

  auto listed = store->begin_read()->invitations_of_pupil(pupil);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, first);
  EXPECT_EQ(listed[0].revoked_at, kT0 + 1);
  EXPECT_EQ(listed[1].id, second);
  EXPECT_TRUE(listed[1].for_pupil);
  EXPECT_FALSE(listed[1].revoked_at);
  EXPECT_TRUE(store->begin_read()->invitations_of_pupil("999999").empty());
}

TEST_P(InvitationStore, TokenHashesAreUnique) {
  auto tx = store->begin_write();
  tx->insert_invitation(invitation("same", false));
  EXPECT_THROW(tx->insert_invitation(invitation("same", true)), store::StoreError);
}

INSTANTIATE_TEST_SUITE_P(Backends, InvitationStore, ::testing::ValuesIn(store_backends()),
                         backend_name);

}  // namespace
}  // namespace samen::testing
