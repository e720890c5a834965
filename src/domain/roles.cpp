#include "domain/roles.hpp"

#include <array>
#include <utility>

namespace samen::domain {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 15> kRoles{{
    {Role::mentor, "mentor"},
    {Role::teacher, "teacher"},
    {Role::care_coordinator, "care_coordinator"},
    {Role::school_care_worker, "school_care_worker"},
    {Role::attendance_officer, "attendance_officer"},
    {Role::youth_health, "youth_health"},
    {Role::family_worker, "family_worker"},
    {Role::inclusion_counsellor, "inclusion_counsellor"},
    {Role::school_leader, "school_leader"},
    {Role::policy_officer, "policy_officer"},
    {Role::researcher, "researcher"},
    {Role::admin, "admin"},
    {Role::privacy_officer, "privacy_officer"},
    {Role::guardian, "guardian"},
    {Role::pupil, "pupil"},
}};

constexpr std::array<std::pair<OrgType, std::string_view>, 6> kOrgTypes{{
    {OrgType::school, "school"},
    {OrgType::municipality, "municipality"},
    {OrgType::care_provider, "care_provider"},
    {OrgType::partnership, "partnership"},
    {OrgType::health_service, "health_service"},
    {OrgType::neighbourhood_team, "neighbourhood_team"},
}};

constexpr std::array<std::pair<SchoolType, std::string_view>, 5> kSchoolTypes{{
    {SchoolType::primary, "primary"},
    {SchoolType::secondary, "secondary"},
    {SchoolType::special, "special"},
    {SchoolType::practical, "practical"},
    {SchoolType::cluster4, "cluster4"},
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

}  // namespace

std::string_view to_string(Role role) { return name_of(kRoles, role); }
std::string_view to_string(OrgType type) { return name_of(kOrgTypes, type); }
std::string_view to_string(SchoolType type) { return name_of(kSchoolTypes, type); }
std::optional<Role> parse_role(std::string_view code) { return value_of(kRoles, code); }
std::optional<OrgType> parse_org_type(std::string_view code) { return value_of(kOrgTypes, code); }
std::optional<SchoolType> parse_school_type(std::string_view code) {
  return value_of(kSchoolTypes, code);
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = [] {
    std::vector<Role> out;
    for (const auto& entry : kRoles) out.push_back(entry.first);
    return out;
  }();
  return roles;
}

bool is_family_role(Role role) { return role == Role::guardian || role == Role::pupil; }

}  // namespace samen::domain
