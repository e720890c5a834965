#include "domain/record_text.hpp"

#include <map>

namespace samen::domain {

const char* dutch_role(Role role) {
  switch (role) {
    case Role::mentor:
      return "mentor";
    case Role::teacher:
      return "docent";
    case Role::care_coordinator:
      return "zorgcoördinator";
    case Role::school_care_worker:
      return "hulpverlener in school";
    case Role::attendance_officer:
      return "leerplichtambtenaar";
    case Role::youth_health:
      return "jeugdverpleegkundige / jeugdarts";
    case Role::family_worker:
      return "gezinswerker";
    case Role::inclusion_counsellor:
      return "begeleider passend onderwijs";
    case Role::school_leader:
      return "schoolleider";
    case Role::policy_officer:
      return "beleidsmedewerker";
    case Role::researcher:
      return "onderzoeker";
    case Role::admin:
      return "beheerder";
    case Role::privacy_officer:
      return "functionaris gegevensbescherming";
    case Role::guardian:
      return "ouder / verzorger";
    case Role::pupil:
      return "leerling";
  }
  return "onbekende rol";
}

std::string person_in_record(const std::string& name, Role role, const std::string& organisation) {
  return name + " (" + dutch_role(role) + ", " + organisation + ")";
}

std::string joined_table_text(const std::string& person, const std::string& reason) {
  return person + " zit nu aan tafel: " + reason;
}

std::string left_table_text(const std::string& person) {
  return person + " zit niet meer aan tafel";
}

std::string new_lead_text(const std::string& person) { return "Regievoerder is nu " + person; }

std::string handover_text(const std::string& from, const std::string& to, const std::string& what) {
  return "Overgedragen door het beheer: " + to + " neemt " + what + " over van " + from +
         ", wiens rol is beëindigd";
}

std::string level_change_text(int from_level, int to_level, const std::string& reason) {
  std::string way = to_level > from_level ? " (opgeschaald)" : " (afgeschaald)";
  return "Ondersteuningsniveau " + std::to_string(from_level) + " naar " +
         std::to_string(to_level) + way + ": " + reason;
}

std::string closure_text(const std::string& outcome, const std::string& note) {
  static const std::map<std::string, std::string> words = {
      {"goals_met", "doelen behaald"},
      {"referred_on", "doorverwezen"},
      {"moved_school", "naar een andere school"},
      {"dropped_out", "voortijdig gestopt"},
      {"other", "anders"},
  };
  auto found = words.find(outcome);
  std::string text = "Dossier gesloten: " + (found == words.end() ? outcome : found->second);
  return note.empty() ? text : text + ". " + note;
}

std::string safety_decision_text(const std::string& reason, const std::string& steps) {
  return "Veiligheidsbesluit (meldcode): " + reason + " Stappen: " + steps;
}

std::string triage_text(const std::string& signal_id, bool opened_case) {
  return "Signaal " + signal_id + " beoordeeld: " +
         (opened_case ? "er is een nieuw dossier geopend" : "toegevoegd aan dit dossier");
}

std::string dutch_date(Date date) {
  static const char* const months[] = {"januari",   "februari", "maart",    "april",
                                       "mei",       "juni",     "juli",     "augustus",
                                       "september", "oktober",  "november", "december"};
  if (date.month < 1 || date.month > 12) return to_iso(date);
  return std::to_string(date.day) + " " + months[date.month - 1] + " " + std::to_string(date.year);
}

std::string minutes_text(const std::string& meeting_title, Date date,
                         const std::vector<std::string>& present, const std::string& summary,
                         const std::string& decisions, const std::vector<std::string>& actions) {
  std::string out = "Besproken in " + meeting_title + " op " + dutch_date(date) + ".";
  if (!present.empty()) {
    out += "\nAanwezig: ";
    for (std::size_t i = 0; i < present.size(); ++i) out += (i ? "; " : "") + present[i];
    out += ".";
  }
  if (!summary.empty()) out += "\n\n" + summary;
  if (!decisions.empty()) out += "\n\nBesluiten:\n" + decisions;
  if (!actions.empty()) {
    out += "\n\nActies:";
    for (const auto& a : actions) out += "\n- " + a;
  }
  return out;
}

}  // namespace samen::domain
