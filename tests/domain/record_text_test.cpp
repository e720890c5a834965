#include "domain/record_text.hpp"

#include <gtest/gtest.h>

#include <set>

namespace samen::domain {

TEST(RecordText, EveryRoleHasItsOwnDutchName) {
  std::set<std::string> seen;
  for (int r = 0; r <= static_cast<int>(Role::pupil); ++r) {
    std::string name = dutch_role(static_cast<Role>(r));
    EXPECT_NE(name, "onbekende rol") << r;
    EXPECT_TRUE(seen.insert(name).second) << name;
  }
  EXPECT_STREQ(dutch_role(Role::care_coordinator), "zorgcoördinator");
  EXPECT_STREQ(dutch_role(Role::youth_health), "jeugdverpleegkundige / jeugdarts");
}

TEST(RecordText, TheChronologysOwnEntriesAreDutch) {
  auto who = person_in_record("Sevda Jeugdverpleegkundige", Role::youth_health, "GGD Lindeveld");
  EXPECT_EQ(who, "Sevda Jeugdverpleegkundige (jeugdverpleegkundige / jeugdarts, GGD Lindeveld)");
  EXPECT_EQ(joined_table_text("X", "slaap"), "X zit nu aan tafel: slaap");
  EXPECT_EQ(left_table_text("X"), "X zit niet meer aan tafel");
  EXPECT_EQ(new_lead_text("X"), "Regievoerder is nu X");
  EXPECT_EQ(handover_text("A", "B", "de regie"),
            "Overgedragen door het beheer: B neemt de regie over van A, wiens rol is beëindigd");
  EXPECT_EQ(level_change_text(2, 3, "zorgen"),
            "Ondersteuningsniveau 2 naar 3 (opgeschaald): zorgen");
  EXPECT_EQ(level_change_text(4, 3, "beter"), "Ondersteuningsniveau 4 naar 3 (afgeschaald): beter");
  EXPECT_EQ(closure_text("goals_met", ""), "Dossier gesloten: doelen behaald");
  EXPECT_EQ(closure_text("other", "verhuisd"), "Dossier gesloten: anders. verhuisd");
  EXPECT_EQ(safety_decision_text("Zorgen thuis.", "Overleg."),
            "Veiligheidsbesluit (meldcode): Zorgen thuis. Stappen: Overleg.");
  EXPECT_EQ(triage_text("7", true), "Signaal 7 beoordeeld: er is een nieuw dossier geopend");
  EXPECT_EQ(triage_text("7", false), "Signaal 7 beoordeeld: toegevoegd aan dit dossier");
}

TEST(RecordText, MinutesSayWhereWhenWhoWhatAndTheActions) {
  EXPECT_EQ(dutch_date(Date{2026, 12, 8}), "8 december 2026");
  EXPECT_EQ(dutch_date(Date{2027, 1, 31}), "31 januari 2027");
  EXPECT_EQ(minutes_text("Zorgoverleg", Date{2026, 12, 8},
                         {"A (mentor, X)", "B (zorgcoördinator, X)"}, "Gaat beter.",
                         "Door met begeleiding.", {"Ouders bellen (A, vóór 1 januari 2027)"}),
            "Besproken in Zorgoverleg op 8 december 2026.\n"
            "Aanwezig: A (mentor, X); B (zorgcoördinator, X).\n\n"
            "Gaat beter.\n\nBesluiten:\nDoor met begeleiding.\n\n"
            "Acties:\n- Ouders bellen (A, vóór 1 januari 2027)");
  // Only what was noted: attendance alone is one line.
  EXPECT_EQ(minutes_text("Zorgoverleg", Date{2026, 12, 8}, {}, "", "", {}),
            "Besproken in Zorgoverleg op 8 december 2026.");
}

}  // namespace samen::domain
