#pragma once
// The login limit (docs/operations.md, "Login limits"): failed logins within a window are
// counted per account, per (account, client address) and per client address, each with its
// own limit. The pair limit is the lowest, so one address that hammers an account is stopped
// early without locking the account for its owner elsewhere; the account limit stops
// guessing spread over many addresses; the address limit is the highest, so a school's
// network address (many staff behind one NAT) is not locked because a few mistype.
// Counts include attempts reserved but not yet checked (the login handler writes the
// reservation before hashing), so parallel attempts cannot all slip under a limit.
#include <optional>

#include "domain/dates.hpp"

namespace samen::domain {

struct LoginLimits {
  int per_account_address = 5;
  int per_account = 10;
  int per_address = 50;
  Millis window_ms = 15LL * 60 * 1000;
};

struct LoginCounts {
  int by_account_address = 0;
  int by_account = 0;
  int by_address = 0;
  Millis oldest_by_account_address = 0;  // 0 when none
  Millis oldest_by_account = 0;
  Millis oldest_by_address = 0;
};

// Whole seconds (at least 1) until the limits that are reached let one more attempt in, or
// nullopt when no limit is reached and the attempt may go ahead. Approximated by the oldest
// failure counted under each reached limit leaving the window.
std::optional<std::int64_t> login_retry_after_seconds(const LoginCounts& counts,
                                                      const LoginLimits& limits, Millis now);

}  // namespace samen::domain
