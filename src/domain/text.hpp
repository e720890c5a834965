#pragma once
// Small text rules shared by validation and parsing.
#include <string>
#include <string_view>

namespace samen::domain {

std::string_view trim(std::string_view text);
std::string to_lower_ascii(std::string_view text);
bool is_valid_utf8(std::string_view text);
// Deliberately loose (one @, a dot in the domain, no spaces): the mail server is the judge.
bool looks_like_email(std::string_view text);

}  // namespace samen::domain
