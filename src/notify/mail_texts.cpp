#include "notify/mail_texts.hpp"

#include <map>

namespace samen::notify {

using K = domain::NotificationKind;

std::string kind_line_nl(K kind) {
  switch (kind) {
    case K::team_added:
      return "Je bent toegevoegd aan het team van een dossier";
    case K::signal_triaged:
      return "Een signaal dat je meldde is beoordeeld";
    case K::action_assigned:
      return "Er is een actie aan je toegewezen";
    case K::action_overdue:
      return "Een actie van jou is over de datum";
    case K::meeting_invited:
      return "Je bent uitgenodigd voor een overleg";
    case K::meeting_changed:
      return "Een overleg waarvoor je bent uitgenodigd is gewijzigd";
    case K::meeting_cancelled:
      return "Een overleg waarvoor je was uitgenodigd is afgelast";
    case K::consent_withdrawn:
      return "Bij een dossier waaraan je werkt is toestemming ingetrokken";
    case K::review_due:
      return "De evaluatie van een dossier dat je regisseert komt eraan";
  }
  return "Er is nieuws in Samen";
}

std::string kind_line_en(K kind) {
  switch (kind) {
    case K::team_added:
      return "You were added to the team of a case";
    case K::signal_triaged:
      return "A signal you reported was triaged";
    case K::action_assigned:
      return "An action was assigned to you";
    case K::action_overdue:
      return "An action of yours is overdue";
    case K::meeting_invited:
      return "You are invited to a meeting";
    case K::meeting_changed:
      return "A meeting you are invited to has changed";
    case K::meeting_cancelled:
      return "A meeting you were invited to was cancelled";
    case K::consent_withdrawn:
      return "Consent was withdrawn on a case you work on";
    case K::review_due:
      return "The review of a case you lead is coming up";
  }
  return "There is news in Samen";
}

namespace {

const char* kFooterNl =
    "\n\nDeze e-mail noemt bewust geen namen of details: die lees je alleen in Samen, na "
    "inloggen.\nJe kiest in Samen onder \"Meldingen\" of je e-mail direct, als dagelijks "
    "overzicht of niet ontvangt.";
const char* kFooterEn =
    "\n\nThis e-mail deliberately names no one: you read the details only in Samen, after "
    "logging in.\nUnder \"Meldingen\" you choose e-mail at once, as a daily digest, or none.";

}  // namespace

MailText notification_mail(K kind, const std::string& link) {
  return {"Samen: " + kind_line_nl(kind), kind_line_nl(kind) + ".\nBekijk het in Samen: " + link +
                                              kFooterNl + "\n\n-- \n" + kind_line_en(kind) +
                                              ".\nSee it in Samen: " + link + kFooterEn + "\n"};
}

MailText digest_mail(const std::vector<K>& kinds, const std::string& link) {
  std::map<K, int> counts;
  for (auto k : kinds) ++counts[k];
  std::string nl = "Je dagelijkse overzicht van Samen: " + std::to_string(kinds.size()) +
                   (kinds.size() == 1 ? " melding" : " meldingen") + ".\n\n";
  std::string en = "Your daily digest from Samen: " + std::to_string(kinds.size()) +
                   (kinds.size() == 1 ? " notification" : " notifications") + ".\n\n";
  for (const auto& [k, n] : counts) {
    nl += "- " + kind_line_nl(k) + (n > 1 ? " (" + std::to_string(n) + " keer)" : "") + "\n";
    en += "- " + kind_line_en(k) + (n > 1 ? " (" + std::to_string(n) + " times)" : "") + "\n";
  }
  return {"Samen: je dagelijkse overzicht (" + std::to_string(kinds.size()) + ")",
          nl + "\nBekijk ze in Samen: " + link + kFooterNl + "\n\n-- \n" + en +
              "\nSee them in Samen: " + link + kFooterEn + "\n"};
}

MailText invitation_mail(const std::string& link, int valid_days) {
  std::string days = std::to_string(valid_days);
  return {"Uitnodiging voor Samen / Invitation to Samen",
          "De school nodigt u uit voor Samen, waar u meekijkt en meepraat over de zorg rond uw "
          "kind.\nMaak uw inlog aan met deze link (" +
              days + " dagen geldig, één keer te gebruiken):\n" + link +
              "\n\nKreeg u deze e-mail onverwacht? Dan kunt u hem negeren.\n\n-- \n"
              "The school invites you to Samen, where you follow and have your say in the care "
              "around your child.\nSet up your login with this link (valid for " +
              days + " days, to be used once):\n" + link +
              "\n\nDid you not expect this e-mail? Then you can ignore it.\n"};
}

}  // namespace samen::notify
