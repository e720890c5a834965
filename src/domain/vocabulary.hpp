#pragma once
// The short lists the API accepts and the web UI offers, each in the order it is shown:
// one source for both (GET /api/meta serves them; the handlers validate against them).
// Codes are stable: they are stored, sent over the API and written to the audit log.
// Categories, audiences and roles are enums of their own (case.hpp, roles.hpp).
#include <string_view>
#include <vector>

#include "domain/roles.hpp"

namespace samen::domain {

// What a professional writes in the chronology; signal, triage, level and team entries
// come from their own routes, the family's view from the family's.
const std::vector<std::string_view>& professional_entry_kinds();
// How a case ends (POST /api/cases/{id}/close).
const std::vector<std::string_view>& case_outcomes();
// How soon a signal needs an answer.
const std::vector<std::string_view>& signal_urgencies();
// How a professional obtained the family's consent (the family's own is `portal`).
const std::vector<std::string_view>& professional_consent_sources();

// The support levels of a case, 1 (light) to 5 (heaviest).
inline constexpr int kLowestLevel = 1;
inline constexpr int kHighestLevel = 5;

bool is_one_of(const std::vector<std::string_view>& list, std::string_view code);
// "a, b or c", for an error message.
std::string words_of(const std::vector<std::string_view>& list);

// Roles a membership of an organisation may have (every role but the family's, whose
// memberships come with an invitation), and roles that work on cases (works_on_cases).
std::vector<Role> staff_roles();
std::vector<Role> case_roles();
const std::vector<OrgType>& all_org_types();
const std::vector<SchoolType>& all_school_types();

}  // namespace samen::domain
