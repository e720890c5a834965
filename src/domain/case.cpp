#include "domain/case.hpp"

#include <array>
#include <utility>

namespace samen::domain {
namespace {

constexpr std::array<std::pair<Audience, std::string_view>, 4> kAudiences{{
    {Audience::private_, "private"},
    {Audience::discipline, "discipline"},
    {Audience::school, "school"},
    {Audience::case_team, "case_team"},
}};

constexpr std::array<std::pair<EntryCategory, std::string_view>, 7> kCategories{{
    {EntryCategory::attendance, "attendance"},
    {EntryCategory::behaviour, "behaviour"},
    {EntryCategory::learning, "learning"},
    {EntryCategory::wellbeing, "wellbeing"},
    {EntryCategory::home, "home"},
    {EntryCategory::health, "health"},
    {EntryCategory::safety, "safety"},
}};

constexpr std::array<std::pair<ConsentSource, std::string_view>, 5> kConsentSources{{
    {ConsentSource::unknown, "unknown"},
    {ConsentSource::portal, "portal"},
    {ConsentSource::paper, "paper"},
    {ConsentSource::conversation, "conversation"},
    {ConsentSource::phone, "phone"},
}};

template <typename Table, typename E>
std::string_view name_of(const Table& table, E value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "unknown";
}

template <typename Table>
auto value_of(const Table& table, std::string_view code)
    -> std::optional<typename Table::value_type::first_type> {
  for (const auto& [v, name] : table)
    if (name == code) return v;
  return std::nullopt;
}

template <typename Table>
auto values_of(const Table& table) {
  std::vector<typename Table::value_type::first_type> out;
  for (const auto& entry : table) out.push_back(entry.first);
  return out;
}

}  // namespace

std::string_view to_string(Audience audience) { return name_of(kAudiences, audience); }
std::string_view to_string(EntryCategory category) { return name_of(kCategories, category); }
std::optional<Audience> parse_audience(std::string_view code) { return value_of(kAudiences, code); }
std::optional<EntryCategory> parse_entry_category(std::string_view code) {
  return value_of(kCategories, code);
}

std::string_view to_string(ConsentSource source) { return name_of(kConsentSources, source); }
std::optional<ConsentSource> parse_consent_source(std::string_view code) {
  return value_of(kConsentSources, code);
}

const std::vector<Audience>& all_audiences() {
  static const std::vector<Audience> values = values_of(kAudiences);
  return values;
}

const std::vector<EntryCategory>& all_entry_categories() {
  static const std::vector<EntryCategory> values = values_of(kCategories);
  return values;
}

std::vector<std::string> guardian_user_ids_with_authority(const CaseFacts& c) {
  std::vector<std::string> ids;
  for (const auto& g : c.guardians)
    if (g.parental_authority && !g.user_id.empty()) ids.push_back(g.user_id);
  return ids;
}

bool safety_decision_valid_at(const SafetyDecision& decision, Millis t) {
  return decision.valid_from <= t && t < decision.valid_until;
}

}  // namespace samen::domain
