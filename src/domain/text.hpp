#pragma once
// Small text rules shared by validation and parsing.
#include <optional>
#include <string>
#include <string_view>

namespace samen::domain {

std::string_view trim(std::string_view text);
std::string to_lower_ascii(std::string_view text);
bool is_valid_utf8(std::string_view text);
// Control characters have no place in what people type: in a name a CR or LF forges lines
// in logs, exports and e-mail headers, and a NUL cuts the text short in C libraries. A
// single line (names, e-mail, ids, codes) refuses every C0 control and DEL; multi-line
// text (entry bodies, reasons, notes) keeps TAB, LF and CR and refuses the rest. Returns a
// description of the first offending character ("U+000A (line feed)"), or nullopt.
std::optional<std::string> control_character_in(std::string_view text, bool multiline);

// Deliberately loose (one @, a dot in the domain, no spaces): the mail server is the judge.
bool looks_like_email(std::string_view text);

}  // namespace samen::domain
