#include "domain/vocabulary.hpp"

#include <algorithm>
#include <string>

#include "domain/policy_workspace.hpp"

namespace samen::domain {

const std::vector<std::string_view>& professional_entry_kinds() {
  static const std::vector<std::string_view> kinds{"observation", "conversation", "note",
                                                   "decision"};
  return kinds;
}

const std::vector<std::string_view>& case_outcomes() {
  static const std::vector<std::string_view> outcomes{"goals_met", "referred_on", "moved_school",
                                                      "dropped_out", "other"};
  return outcomes;
}

const std::vector<std::string_view>& signal_urgencies() {
  static const std::vector<std::string_view> urgencies{"normal", "soon", "urgent"};
  return urgencies;
}

const std::vector<std::string_view>& professional_consent_sources() {
  static const std::vector<std::string_view> sources{"paper", "conversation", "phone"};
  return sources;
}

bool is_one_of(const std::vector<std::string_view>& list, std::string_view code) {
  return std::find(list.begin(), list.end(), code) != list.end();
}

std::string words_of(const std::vector<std::string_view>& list) {
  std::string out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0) out += i + 1 == list.size() ? " or " : ", ";
    out += list[i];
  }
  return out;
}

std::vector<Role> staff_roles() {
  std::vector<Role> out;
  for (Role r : all_roles())
    if (!is_family_role(r)) out.push_back(r);
  return out;
}

std::vector<Role> case_roles() {
  std::vector<Role> out;
  for (Role r : all_roles())
    if (works_on_cases(r)) out.push_back(r);
  return out;
}

const std::vector<OrgType>& all_org_types() {
  static const std::vector<OrgType> types{OrgType::school,         OrgType::municipality,
                                          OrgType::care_provider,  OrgType::partnership,
                                          OrgType::health_service, OrgType::neighbourhood_team};
  return types;
}

const std::vector<SchoolType>& all_school_types() {
  static const std::vector<SchoolType> types{SchoolType::primary, SchoolType::secondary,
                                             SchoolType::special, SchoolType::practical,
                                             SchoolType::cluster4};
  return types;
}

}  // namespace samen::domain
