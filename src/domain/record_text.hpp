#pragma once
// The texts Samen itself writes into a case's chronology (team changes, a new lead, level
// changes, closing, safety decisions, triage). The chronology is the case's record, read by
// Dutch professionals, the family and, later, a court or an inspector: these texts are
// Dutch, like everything people write there (docs/decisions.md, "Texts in the record").
// Pure functions, no I/O.
#include <optional>
#include <string>
#include <vector>

#include "domain/dates.hpp"
#include "domain/roles.hpp"

namespace samen::domain {

// "zorgcoördinator", "jeugdverpleegkundige / jeugdarts", ...: the UI's Dutch role names.
const char* dutch_role(Role role);

// "Ellen Zorgcoördinator (zorgcoördinator, Het Baken College)".
std::string person_in_record(const std::string& name, Role role, const std::string& organisation);

std::string joined_table_text(const std::string& person, const std::string& reason);
std::string left_table_text(const std::string& person);
std::string new_lead_text(const std::string& person);
// A handover when a role ends: `what` is "de regie" or "de plaats aan tafel".
std::string handover_text(const std::string& from, const std::string& to, const std::string& what);
std::string level_change_text(int from_level, int to_level, const std::string& reason);
// `outcome` is the API's code (goals_met, ...); `note` may be empty.
std::string closure_text(const std::string& outcome, const std::string& note);
std::string safety_decision_text(const std::string& reason, const std::string& steps);
std::string triage_text(const std::string& signal_id, bool opened_case);
// "8 december 2026".
std::string dutch_date(Date date);
// The minutes of one agenda item as their chronology entry: which meeting and when, who
// was there, the summary, the decisions and the actions made (each already in words).
std::string minutes_text(const std::string& meeting_title, Date date,
                         const std::vector<std::string>& present, const std::string& summary,
                         const std::string& decisions, const std::vector<std::string>& actions);

}  // namespace samen::domain
