#include "domain/password_policy.hpp"

#include <zxcvbn.h>

#include <cmath>
#include <string>

namespace samen::domain {

Status check_password_strength(std::string_view password, std::string_view email,
                               std::string_view name) {
  if (password.size() < kMinPasswordLength)
    return Error{"weak_password", "password must be at least 12 characters", "password"};
  if (password.size() > 1024)
    return Error{"weak_password", "password must be at most 1024 characters", "password"};
  std::string pw(password), mail(email), full(name);
  std::string local = mail.substr(0, mail.find('@'));
  const char* user_words[] = {mail.c_str(), local.c_str(), full.c_str(), "samen", nullptr};
  double bits = ZxcvbnMatch(pw.c_str(), user_words, nullptr);
  // 10^8 guesses = 26.6 bits.
  if (bits < 8 * std::log2(10.0))
    return Error{"weak_password", "password is too easy to guess; use a longer phrase", "password"};
  return ok_status();
}

}  // namespace samen::domain
