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

}  // namespace samen::domain
