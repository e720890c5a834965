#pragma once
// The Dutch citizen service number (BSN): nine digits passing the eleven-test
// (9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11, and not all zeros).
#include <optional>
#include <string>
#include <string_view>

namespace samen::domain {

bool is_valid_bsn(std::string_view bsn);
// The nine digits of a BSN as written by people: spaces, dots and hyphens between the
// digits are dropped, and eight digits get back the leading zero spreadsheets strip.
// nullopt when what is left is not a valid BSN. Searching by BSN matches on this form.
std::optional<std::string> normalise_bsn(std::string_view written);

}  // namespace samen::domain
