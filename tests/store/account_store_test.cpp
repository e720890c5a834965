// Accounts and logins in the store (migration 10), on every backend: login attempts counted
// per account, per address and per (account, address), a reservation removed again, and the
// access changes of a region read from the audit log, newest first.
#include <gtest/gtest.h>

#include "store/backends.hpp"

namespace samen::testing {
namespace {

class AccountStore : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { store = GetParam().open(); }
  std::shared_ptr<store::Store> store;
};

TEST_P(AccountStore, LoginFailuresAreCountedThreeWaysAndAReservationCanBeCleared) {
  std::string reservation;
  {
    auto tx = store->begin_write();
    tx->record_login_failure("acct", "1.1.1.1", 100);
    tx->record_login_failure("acct", "1.1.1.1", 110);
    tx->record_login_failure("acct", "2.2.2.2", 105);
    tx->record_login_failure("other", "1.1.1.1", 90);
    reservation = tx->record_login_failure("acct", "1.1.1.1", 120);
    EXPECT_FALSE(reservation.empty());
    tx->commit();
  }
  {
    auto tx = store->begin_read();
    auto c = tx->login_failures("acct", "1.1.1.1", 95);
    EXPECT_EQ(c.by_account, 4);
    EXPECT_EQ(c.oldest_by_account, 100);
    EXPECT_EQ(c.by_address, 3) << "the failure of 'other' at 90 is outside the window";
    EXPECT_EQ(c.oldest_by_address, 100);
    EXPECT_EQ(c.by_account_address, 3);
    EXPECT_EQ(c.oldest_by_account_address, 100);
    auto none = tx->login_failures("nobody", "9.9.9.9", 0);
    EXPECT_EQ(none.by_account_address, 0);
    EXPECT_EQ(none.oldest_by_account_address, 0);
  }
  {
    auto tx = store->begin_write();
    tx->clear_login_failure(reservation);
    tx->clear_login_failure("999999");  // unknown: nothing happens
    tx->commit();
  }
  auto tx = store->begin_read();
  auto c = tx->login_failures("acct", "1.1.1.1", 95);
  EXPECT_EQ(c.by_account_address, 2);
  EXPECT_EQ(c.by_account, 3);
}

store::AuditRow row(std::int64_t seq, const std::string& region, const std::string& action,
                    const std::string& type, const std::string& decision) {
  store::AuditRow r;
  r.seq = seq;
  r.at = "2026-12-01T09:00:0" + std::to_string(seq) + ".000Z";
  r.actor_user_id = "7";
  r.region_id = region;
  r.action = action;
  r.resource_type = type;
  r.resource_id = std::to_string(100 + seq);
  r.decision = decision;
  r.prev_hash = std::string(64, '0');
  r.hash = std::string(64, static_cast<char>('a' + seq));
  return r;
}

TEST_P(AccountStore, MembershipChangesAreTheAllowedChangesOfAccessInTheRegion) {
  {
    auto tx = store->begin_write();
    tx->append_audit(row(1, "1", "create", "membership", "allow"));
    tx->append_audit(row(2, "1", "denied", "membership", "deny"));
    tx->append_audit(row(3, "2", "create", "membership", "allow"));
    tx->append_audit(row(4, "1", "read", "pupil", "allow"));
    tx->append_audit(row(5, "1", "deactivate", "user", "allow"));
    tx->append_audit(row(6, "1", "activate", "membership", "allow"));
    tx->append_audit(row(7, "1", "update", "membership", "allow"));
    tx->commit();
  }
  auto tx = store->begin_read();
  auto seqs = [&](std::int64_t before, int limit) {
    std::vector<std::int64_t> out;
    for (const auto& r : tx->membership_changes("1", before, limit)) out.push_back(r.seq);
    return out;
  };
  EXPECT_EQ(seqs(0, 10), (std::vector<std::int64_t>{6, 5, 1}));
  EXPECT_EQ(seqs(0, 2), (std::vector<std::int64_t>{6, 5}));
  EXPECT_EQ(seqs(5, 10), (std::vector<std::int64_t>{1}));
  EXPECT_EQ(tx->membership_changes("1", 0, 10).front().resource_id, "106");
  EXPECT_TRUE(tx->membership_changes("3", 0, 10).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountStore, ::testing::ValuesIn(store_backends()),
                         backend_name);

}  // namespace
}  // namespace samen::testing
