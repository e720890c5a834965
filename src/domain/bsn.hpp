#pragma once
// The Dutch citizen service number (BSN): nine digits passing the eleven-test
// (9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11, and not all zeros).
#include <string_view>

namespace samen::domain {

bool is_valid_bsn(std::string_view bsn);

}  // namespace samen::domain
