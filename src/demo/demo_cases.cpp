#include "demo/demo_cases.hpp"

#include "demo/demo_story.hpp"

namespace samen::demo {
namespace {

using namespace story;

// The seeds' central story: absence becomes a case around the table.
void attendance_story(store::WriteTx& tx, const DemoPeople& w, const domain::Pupil& p) {
  auto sig = signal(
      tx, p, w.mentor, Role::mentor, {EntryCategory::attendance, EntryCategory::wellbeing}, "soon",
      "Mist de laatste drie weken vaak het eerste uur, oogt moe en trekt zich terug in "
      "de klas.",
      at(9, 8, 10));
  Story s(tx, p);
  s.open(w.care_coordinator, w.school_care_worker,
         {EntryCategory::attendance, EntryCategory::wellbeing, EntryCategory::home}, 2,
         at(9, 10, 14), {2026, 12, 3}, "Signaal van de mentor: verzuim en vermoeidheid");
  triage(tx, sig, w.care_coordinator, "case", "", s.id(), at(9, 10, 14));
  s.entry(w.mentor, Role::mentor, "signal", EntryCategory::attendance, Audience::school, false,
          at(9, 10, 14), "Signaal: mist vaak het eerste uur, oogt moe.");
  s.seat(w.attendance_officer, w.care_coordinator,
         "Verzuim nadert de meldgrens: leerplicht schuift aan (wettelijke taak)", at(9, 10, 15));
  s.seat(w.family_worker, w.care_coordinator,
         "Thuissituatie speelt mee: gezinswerker, met toestemming van ouders en leerling",
         at(9, 22, 9));
  s.seat(w.youth_nurse, w.care_coordinator, "Vermoeidheid en slaap: jeugdverpleegkundige",
         at(9, 22, 9));
  auto buurtteam = w.family_worker.organisation_id;
  s.consent(w.care_coordinator, {buurtteam}, {Role::youth_health}, false,
            {EntryCategory::home, EntryCategory::wellbeing, EntryCategory::attendance},
            at(9, 20, 11),
            "Wij geven toestemming dat de school informatie over aanwezigheid, welzijn en de "
            "thuissituatie deelt met de gezinswerker van het buurtteam en de jeugdverpleegkundige, "
            "tot het einde van dit schooljaar.");
  auto obs = s.entry(w.mentor, Role::mentor, "observation", EntryCategory::attendance,
                     Audience::school, false, at(9, 12, 12),
                     "Afwezig op maandag- en dinsdagochtend, steeds het eerste uur.");
  s.entry(w.mentor, Role::mentor, "observation", EntryCategory::attendance, Audience::school, false,
          at(9, 15, 8), "Correctie: het ging om maandag- en donderdagochtend.", obs);
  s.entry(w.attendance_officer, Role::attendance_officer, "conversation", EntryCategory::attendance,
          Audience::case_team, true, at(9, 24, 10),
          "Verzuimgesprek met ouders en leerling. Afspraak: bij ziekte belt moeder voor 8:15 uur; "
          "we kijken over vier weken samen terug.");
  s.entry(w.youth_nurse, Role::youth_health, "note", EntryCategory::health, Audience::discipline,
          false, at(9, 29, 13),
          "Consult: slaapproblemen en piekeren besproken. Medische gegevens blijven bij de JGZ.");
  s.entry(w.family_worker, Role::family_worker, "conversation", EntryCategory::home,
          Audience::case_team, false, at(10, 6, 16),
          "Huisbezoek: moeder werkt in ploegendienst, ochtenden zijn lastig. Samen een "
          "ochtendritme afgesproken; opa helpt op maandag.");
  s.level(w.school_care_worker, 3, "Begeleiding door de hulpverlener in school nodig",
          at(10, 1, 11));
  s.entry(w.school_care_worker, Role::school_care_worker, "decision", EntryCategory::wellbeing,
          Audience::case_team, true, at(10, 1, 11),
          "Plan: wekelijks gesprek met de hulpverlener in school; mentor meldt afwezigheid "
          "dezelfde dag; evaluatie in het zorgoverleg van 3 december.");
  s.goal(w.school_care_worker, "Elke ochtend op tijd op school", at(10, 1, 11));
  s.goal(w.school_care_worker, "Leerling en ouders weten waar ze terechtkunnen bij slaapproblemen",
         at(10, 1, 11));
  s.action(w.school_care_worker, w.attendance_officer, "Verzuimgesprek met ouders en leerling",
           {2026, 9, 25}, at(9, 24, 11), at(9, 22, 9));
  s.action(w.school_care_worker, w.family_worker, "Huisbezoek", {2026, 10, 15}, at(10, 6, 17),
           at(9, 22, 9));
  s.action(w.school_care_worker, w.school_care_worker,
           "Evaluatie voorbereiden voor het zorgoverleg", {2026, 12, 3}, std::nullopt,
           at(10, 1, 11));
  // The lead noted on the phone that her own organisation may see the learning entries:
  // that would widen her own access, so it waits for the family or a colleague.
  s.consent(w.school_care_worker, {w.school_care_worker.organisation_id}, {}, false,
            {EntryCategory::learning}, at(11, 20, 15),
            "Moeder vindt het goed dat De Brug ook meekijkt naar hoe het gaat met leren.",
            domain::ConsentSource::phone);
  s.request(w.care_coordinator, {w.inclusion_counsellor.organisation_id},
            {EntryCategory::learning, EntryCategory::wellbeing}, at(11, 24, 9),
            "Wij willen graag de begeleider passend onderwijs laten meedenken over extra hulp "
            "op school. Mag de begeleider daarvoor zien hoe het gaat met leren en welzijn? U "
            "kunt dit altijd weer intrekken.");
}

// Meldcode: a safety decision opens the case to the neighbourhood team without consent.
void safety_story(store::WriteTx& tx, const DemoPeople& w, const domain::Pupil& p) {
  Story s(tx, p);
  s.open(w.care_coordinator, w.care_coordinator, {EntryCategory::safety, EntryCategory::home}, 4,
         at(10, 19, 9), {2026, 12, 1}, "Zorgen over de veiligheid thuis");
  s.seat(w.family_worker, w.care_coordinator,
         "Veiligheid thuis: buurtteam, op grond van de Meldcode", at(10, 20, 10));
  store::SafetyDecisionRecord d;
  d.decision.case_id = s.id();
  d.decision.organisation_ids = {w.family_worker.organisation_id};
  d.decision.valid_from = at(10, 20, 10);
  d.decision.valid_until = domain::netherlands_midnight(domain::Date{2027, 1, 20});
  d.decided_by_user_id = w.care_coordinator.user_id;
  d.decided_by_membership_id = w.care_coordinator.membership_id;
  d.reason = "Vermoeden van huiselijk geweld; delen zonder toestemming is nodig voor de veiligheid";
  d.steps =
      "Stap 1-3 van de Meldcode doorlopen: signalen in kaart, collegiale consultatie, "
      "overleg met Veilig Thuis";
  d.recorded_at = at(10, 20, 10);
  tx.insert_safety_decision(d);
  s.entry(w.care_coordinator, Role::care_coordinator, "decision", EntryCategory::safety,
          Audience::case_team, false, at(10, 20, 10),
          "Besluit volgens de Meldcode: het buurtteam wordt betrokken zonder toestemming, voor "
          "drie maanden. Ouders zijn geïnformeerd.");
  s.entry(w.family_worker, Role::family_worker, "observation", EntryCategory::home,
          Audience::case_team, false, at(10, 27, 15),
          "Eerste gesprek met moeder; zij staat open voor hulp.");
}

// A pupil of 16 or over consents alone, and lets the parents see the plan.
void sixteen_story(store::WriteTx& tx, const DemoPeople& w, const domain::Pupil& p) {
  Story s(tx, p);
  s.open(w.care_coordinator, w.care_coordinator,
         {EntryCategory::learning, EntryCategory::wellbeing}, 2, at(9, 29, 10), {2026, 12, 10},
         "Vastgelopen bij het profielwerkstuk, stress");
  s.seat(w.inclusion_counsellor, w.care_coordinator, "Arrangement voor extra begeleiding",
         at(9, 30, 10));
  s.consent(w.care_coordinator, {w.inclusion_counsellor.organisation_id}, {}, true,
            {EntryCategory::learning, EntryCategory::wellbeing}, at(9, 30, 9),
            "Ik geef toestemming dat de begeleider passend onderwijs mijn gegevens over leren en "
            "welzijn ziet, en dat mijn ouders mijn plan kunnen zien.");
  s.entry(w.care_coordinator, Role::care_coordinator, "decision", EntryCategory::learning,
          Audience::case_team, true, at(10, 2, 14),
          "Plan: twee uur per week begeleiding bij plannen; het profielwerkstuk krijgt een "
          "nieuwe deadline.");
  s.goal(w.care_coordinator, "Profielwerkstuk af voor de kerstvakantie", at(10, 2, 14));
}

// Primary school: under 12 a guardian consents.
void primary_story(store::WriteTx& tx, const DemoPeople& w, const domain::Pupil& p) {
  Story s(tx, p);
  s.open(w.primary_care_coordinator, w.primary_care_coordinator, {EntryCategory::learning}, 2,
         at(9, 17, 13), {2026, 12, 15}, "Leesachterstand, onderzoek naar dyslexie");
  s.seat(w.inclusion_counsellor, w.primary_care_coordinator, "Advies over een arrangement",
         at(9, 18, 9));
  s.consent(w.primary_care_coordinator, {}, {Role::inclusion_counsellor}, false,
            {EntryCategory::learning}, at(9, 18, 8),
            "Wij geven toestemming dat de begeleider passend onderwijs de gegevens over het leren "
            "van ons kind ziet.");
  s.entry(w.primary_care_coordinator, Role::care_coordinator, "observation",
          EntryCategory::learning, Audience::case_team, true, at(9, 18, 10),
          "Leest op AVI-niveau E4, twee niveaus onder de groep. Ouders herkennen het.");
}

// Consent given, then withdrawn by a parent: the family worker's access ends at once.
void withdrawn_story(store::WriteTx& tx, const DemoPeople& w, const domain::Pupil& p) {
  Story s(tx, p);
  s.open(w.care_coordinator, w.care_coordinator, {EntryCategory::behaviour, EntryCategory::home}, 2,
         at(9, 14, 11), {2026, 11, 30}, "Conflicten in de klas, spanningen thuis");
  s.seat(w.family_worker, w.care_coordinator, "Spanningen thuis: gezinswerker", at(9, 15, 9));
  auto grant = s.consent(w.care_coordinator, {w.family_worker.organisation_id}, {}, false,
                         {EntryCategory::behaviour, EntryCategory::home}, at(9, 15, 8),
                         "Wij geven toestemming dat de gezinswerker informatie over gedrag en "
                         "thuissituatie ziet.");
  auto record = tx.consent_grant(grant);
  const auto& g = record->grant;
  store::ConsentWithdrawal withdrawal;
  if (!g.given_by_guardian_ids.empty())
    withdrawal.by_guardian_id = g.given_by_guardian_ids.front();
  else
    withdrawal.by_pupil = true;
  withdrawal.by_user_id = w.care_coordinator.user_id;
  withdrawal.at = at(11, 10, 16);
  tx.withdraw_consent_grant(grant, withdrawal);
  s.entry(w.care_coordinator, Role::care_coordinator, "note", EntryCategory::home,
          Audience::case_team, false, at(11, 10, 16),
          "Ouders trekken hun toestemming in; de gezinswerker ziet het dossier niet meer.");
}

// Closed with the goals met, after an escalation and a step back.
void closed_story(store::WriteTx& tx, const DemoPeople& w, const domain::Pupil& p) {
  Story s(tx, p);
  s.open(w.care_coordinator, w.care_coordinator, {EntryCategory::behaviour}, 1, at(9, 2, 10),
         {2026, 10, 28}, "Onrustig gedrag na de zomervakantie");
  s.level(w.care_coordinator, 2, "Extra begeleiding door de school", at(9, 16, 10));
  s.level(w.care_coordinator, 1, "Gaat weer goed in de klas", at(10, 28, 10));
  s.entry(w.care_coordinator, Role::care_coordinator, "decision", EntryCategory::behaviour,
          Audience::school, true, at(10, 28, 10), "Doelen behaald; de zorg wordt afgesloten.");
  auto c = tx.case_record(s.id());
  tx.close_case(s.id(), "goals_met", "Rustig in de klas, goed contact met de mentor",
                at(10, 30, 12), c->version);
}

// A guardian who left the record (issue 11): the father's parental authority ended and a
// guardian appointed by the court took his place. The pupil page shows both in the history.
bool guardian_history_story(store::WriteTx& tx, const domain::Pupil& stored) {
  auto record = tx.pupil(stored.id);
  if (!record || record->pupil.guardians.size() < 2) return false;
  domain::Pupil changed = record->pupil;
  changed.guardians.resize(1);
  domain::Guardian guardian;
  guardian.name = "Marleen Vos";
  guardian.relation = "voogd";
  guardian.email = "m.vos@jeugdbescherming.example";
  guardian.phone = "030-2345678";
  changed.guardians.push_back(std::move(guardian));
  return tx.update_pupil(changed, record->pupil.version, at(10, 12, 9));
}

}  // namespace

int add_demo_cases(store::WriteTx& tx, const DemoPeople& w, const DemoCasePupils& pupils) {
  int cases = 0;
  if (pupils.guardian_child) {
    attendance_story(tx, w, *pupils.guardian_child);
    ++cases;
  }
  if (pupils.pupil_login) {
    sixteen_story(tx, w, *pupils.pupil_login);
    ++cases;
  }
  const auto& more = pupils.secondary;
  if (more.size() > 0) {
    signal(tx, more[0], w.teacher, Role::teacher, {EntryCategory::behaviour}, "urgent",
           "Heftige ruzie op het schoolplein; leerling dreigde een klasgenoot.", at(11, 23, 13));
  }
  if (more.size() > 1) {
    auto s = signal(tx, more[1], w.mentor, Role::mentor, {EntryCategory::learning}, "normal",
                    "Cijfers voor wiskunde zakken snel weg.", at(10, 5, 9));
    triage(tx, s, w.care_coordinator, "advice",
           "Maak met de leerling een planning per week en vraag bijles bij de sectie aan.", "",
           at(10, 7, 15));
  }
  if (more.size() > 2) {
    safety_story(tx, w, more[2]);
    ++cases;
  }
  if (more.size() > 3) {
    withdrawn_story(tx, w, more[3]);
    ++cases;
  }
  if (more.size() > 4) {
    closed_story(tx, w, more[4]);
    ++cases;
  }
  for (std::size_t i = 5; i < more.size(); ++i)
    if (guardian_history_story(tx, more[i])) break;
  if (!pupils.primary.empty()) {
    primary_story(tx, w, pupils.primary.front());
    ++cases;
  }
  return cases;
}

}  // namespace samen::demo
