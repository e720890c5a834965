#include "domain/login_limit.hpp"

#include <algorithm>

namespace samen::domain {

std::optional<std::int64_t> login_retry_after_seconds(const LoginCounts& c,
                                                      const LoginLimits& limits, Millis now) {
  std::optional<Millis> free_at;
  auto consider = [&](int count, int limit, Millis oldest) {
    if (count < limit) return;
    Millis at = oldest + limits.window_ms;
    free_at = free_at ? std::max(*free_at, at) : at;
  };
  consider(c.by_account_address, limits.per_account_address, c.oldest_by_account_address);
  consider(c.by_account, limits.per_account, c.oldest_by_account);
  consider(c.by_address, limits.per_address, c.oldest_by_address);
  if (!free_at) return std::nullopt;
  return std::max<std::int64_t>(1, (*free_at - now + 999) / 1000);
}

}  // namespace samen::domain
