#include "domain/retention.hpp"

#include <array>
#include <utility>

namespace samen::domain {
namespace {

constexpr std::array<std::pair<RetentionClass, std::string_view>, 9> kNames = {{
    {RetentionClass::pupil_record, "pupil_record"},
    {RetentionClass::closed_case, "closed_case"},
    {RetentionClass::answered_signal, "answered_signal"},
    {RetentionClass::consent, "consent"},
    {RetentionClass::minutes, "minutes"},
    {RetentionClass::account, "account"},
    {RetentionClass::short_lived, "short_lived"},
    {RetentionClass::audit, "audit"},
    {RetentionClass::reference, "reference"},
}};

}  // namespace

std::string_view retention_class_name(RetentionClass c) {
  for (const auto& [value, name] : kNames)
    if (value == c) return name;
  return "unknown";
}

std::optional<RetentionClass> parse_retention_class(std::string_view name) {
  for (const auto& [value, text] : kNames)
    if (text == name) return value;
  return std::nullopt;
}

}  // namespace samen::domain
