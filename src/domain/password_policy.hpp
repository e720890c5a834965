#pragma once
// What makes a password acceptable: at least 12 characters and hard to guess as measured
// by zxcvbn (≥ 10^8 guesses, its "safely unguessable" band), counting the user's own
// e-mail address and name as known words.
#include <string_view>

#include "domain/result.hpp"

namespace samen::domain {

inline constexpr std::size_t kMinPasswordLength = 12;

Status check_password_strength(std::string_view password, std::string_view email,
                               std::string_view name);

}  // namespace samen::domain
