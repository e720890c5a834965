#pragma once
// The vocabulary of who someone is in Samen: the role codes of a membership and the types
// of organisation in a region (domain.md, "Organisations and people"). Codes are stable:
// they are stored, sent over the API and written to the audit log.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samen::domain {

enum class Role {
  mentor,
  teacher,
  care_coordinator,
  school_care_worker,
  attendance_officer,
  youth_health,
  family_worker,
  inclusion_counsellor,
  school_leader,
  policy_officer,
  researcher,
  admin,
  privacy_officer,
  guardian,
  pupil,
};

enum class OrgType {
  school,
  municipality,
  care_provider,
  partnership,
  health_service,
  neighbourhood_team
};

enum class SchoolType { primary, secondary, special, practical, cluster4 };

std::string_view to_string(Role role);
std::string_view to_string(OrgType type);
std::string_view to_string(SchoolType type);
std::optional<Role> parse_role(std::string_view code);
std::optional<OrgType> parse_org_type(std::string_view code);
std::optional<SchoolType> parse_school_type(std::string_view code);
const std::vector<Role>& all_roles();

// Family roles act for themselves or their child, never for an organisation's caseload.
bool is_family_role(Role role);

}  // namespace samen::domain
