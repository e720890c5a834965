// The three login limits and the Retry-After they give.
#include "domain/login_limit.hpp"

#include <gtest/gtest.h>

namespace samen::domain {
namespace {

constexpr Millis kNow = 1'000'000'000;
const LoginLimits kLimits{5, 10, 50, 15 * 60 * 1000};

TEST(LoginLimit, BelowEveryLimitTheAttemptGoesAhead) {
  LoginCounts c{4, 9, 49, kNow - 1000, kNow - 1000, kNow - 1000};
  EXPECT_FALSE(login_retry_after_seconds(c, kLimits, kNow));
}

TEST(LoginLimit, EachLimitStopsOnItsOwn) {
  LoginCounts pair{5, 5, 5, kNow - 60'000, kNow - 60'000, kNow - 60'000};
  EXPECT_EQ(login_retry_after_seconds(pair, kLimits, kNow), 14 * 60);
  LoginCounts account{1, 10, 10, kNow, kNow - 120'000, kNow - 120'000};
  EXPECT_EQ(login_retry_after_seconds(account, kLimits, kNow), 13 * 60);
  LoginCounts address{0, 0, 50, 0, 0, kNow - 180'000};
  EXPECT_EQ(login_retry_after_seconds(address, kLimits, kNow), 12 * 60);
}

TEST(LoginLimit, TheLongestWaitOfTheReachedLimitsCounts) {
  LoginCounts both{5, 10, 10, kNow - 600'000, kNow - 60'000, kNow - 60'000};
  EXPECT_EQ(login_retry_after_seconds(both, kLimits, kNow), 14 * 60);
}

TEST(LoginLimit, NeverLessThanOneSecond) {
  LoginCounts expiring{5, 5, 5, kNow - kLimits.window_ms, kNow, kNow};
  EXPECT_EQ(login_retry_after_seconds(expiring, kLimits, kNow), 1);
}

}  // namespace
}  // namespace samen::domain
