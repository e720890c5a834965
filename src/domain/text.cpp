#include "domain/text.hpp"

#include <cstdint>
#include <cstdio>

namespace samen::domain {

std::string_view trim(std::string_view t) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!t.empty() && is_space(t.front())) t.remove_prefix(1);
  while (!t.empty() && is_space(t.back())) t.remove_suffix(1);
  return t;
}

std::optional<std::string> control_character_in(std::string_view text, bool multiline) {
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != 0x7f) continue;
    if (multiline && (c == '\t' || c == '\n' || c == '\r')) continue;
    const char* name = c == 0      ? " (NUL)"
                       : c == '\n' ? " (line feed)"
                       : c == '\r' ? " (carriage return)"
                       : c == '\t' ? " (tab)"
                                   : "";
    char code[8];
    std::snprintf(code, sizeof code, "U+%04X", c);
    return std::string(code) + name;
  }
  return std::nullopt;
}

std::string to_lower_ascii(std::string_view t) {
  std::string out(t);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_valid_utf8(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size()) {
    auto c = static_cast<std::uint8_t>(t[i]);
    std::size_t extra;
    std::uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else
      return false;
    if (i + extra >= t.size()) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      auto cc = static_cast<std::uint8_t>(t[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += extra + 1;
  }
  return true;
}

bool looks_like_email(std::string_view t) {
  if (t.size() > 254 || t.size() < 3) return false;
  auto at = t.find('@');
  if (at == std::string_view::npos || at == 0 || t.find('@', at + 1) != std::string_view::npos)
    return false;
  auto domain = t.substr(at + 1);
  auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  for (char c : t)
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '<' || c == '>' || c == ',')
      return false;
  return true;
}

}  // namespace samen::domain
