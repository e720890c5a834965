// The store of one-time password links (migration 12), on every backend: a link found by its
// token hash, used once, and using one ends the user's other open links.
#include <gtest/gtest.h>

#include "store/backends.hpp"

namespace samen::testing {
namespace {

constexpr domain::Millis kT0 = 1'780'000'000'000;
constexpr domain::Millis kDays3 = 3LL * 86'400'000;

class PasswordSetupStore : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store = GetParam().open();
    auto tx = store->begin_write();
    auto f = insert_school_with_pupil(*tx);
    user = f.coordinator;
    other = tx->insert_user(store::User{"", "ander@x", "Ander", "", true, 1});
    tx->commit();
  }

  store::PasswordSetupRecord link(const std::string& user_id, const std::string& hash) {
    return store::PasswordSetupRecord{"", user_id, hash, kT0, kT0 + kDays3, std::nullopt};
  }

  std::shared_ptr<store::Store> store;
  std::string user, other;
};

TEST_P(PasswordSetupStore, FoundByTokenHashAndUsedOnce) {
  auto tx = store->begin_write();
  auto id = tx->insert_password_setup(link(user, "hash-a"));
  EXPECT_FALSE(tx->password_setup_by_token_hash("hash-x"));
  auto read = tx->password_setup_by_token_hash("hash-a");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->id, id);
  EXPECT_EQ(read->user_id, user);
  EXPECT_EQ(read->created_at, kT0);
  EXPECT_EQ(read->expires_at, kT0 + kDays3);
  EXPECT_FALSE(read->used_at);
  EXPECT_TRUE(tx->use_password_setup(id, kT0 + 5));
  EXPECT_FALSE(tx->use_password_setup(id, kT0 + 6));
  EXPECT_EQ(tx->password_setup_by_token_hash("hash-a")->used_at, kT0 + 5);
}

TEST_P(PasswordSetupStore, UsingOneEndsTheUsersOtherLinksOnly) {
  auto tx = store->begin_write();
  auto older = tx->insert_password_setup(link(user, "hash-old"));
  auto newer = tx->insert_password_setup(link(user, "hash-new"));
  auto others = tx->insert_password_setup(link(other, "hash-other"));
  EXPECT_TRUE(tx->use_password_setup(newer, kT0 + 7));
  EXPECT_EQ(tx->password_setup_by_token_hash("hash-old")->used_at, kT0 + 7);
  EXPECT_FALSE(tx->use_password_setup(older, kT0 + 8));
  EXPECT_FALSE(tx->password_setup_by_token_hash("hash-other")->used_at);
  EXPECT_TRUE(tx->use_password_setup(others, kT0 + 9));
}

TEST_P(PasswordSetupStore, TokenHashesAreUnique) {
  auto tx = store->begin_write();
  tx->insert_password_setup(link(user, "same"));
  EXPECT_THROW(tx->insert_password_setup(link(other, "same")), store::StoreError);
}

INSTANTIATE_TEST_SUITE_P(Backends, PasswordSetupStore, ::testing::ValuesIn(store_backends()),
                         backend_name);

}  // namespace
}  // namespace samen::testing
