#include "domain/bsn.hpp"

namespace samen::domain {

bool is_valid_bsn(std::string_view bsn) {
  if (bsn.size() != 9) return false;
  int sum = 0;
  bool all_zero = true;
  for (std::size_t i = 0; i < 9; ++i) {
    char c = bsn[i];
    if (c < '0' || c > '9') return false;
    int digit = c - '0';
    if (digit != 0) all_zero = false;
    int weight = i < 8 ? static_cast<int>(9 - i) : -1;
    sum += weight * digit;
  }
  return !all_zero && sum % 11 == 0;
}

std::optional<std::string> normalise_bsn(std::string_view written) {
  std::string digits;
  for (char c : written) {
    if (c >= '0' && c <= '9')
      digits += c;
    else if (c != ' ' && c != '.' && c != '-' && c != '\t')
      return std::nullopt;
  }
  if (digits.size() == 8) digits.insert(digits.begin(), '0');
  if (!is_valid_bsn(digits)) return std::nullopt;
  return digits;
}

}  // namespace samen::domain
