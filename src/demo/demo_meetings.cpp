#include "demo/demo_meetings.hpp"

#include <algorithm>

#include "api/meeting_support.hpp"

namespace samen::demo {
namespace {

store::SeriesMemberRecord member(const DemoPeople::Person& p) {
  return {p.membership_id, p.user_id, p.organisation_id};
}

int add_this_mornings_meeting(store::WriteTx& tx, const DemoPeople& w,
                              const store::MeetingSeriesRecord& series,
                              std::vector<store::MeetingItemRecord> items, domain::Millis now) {
  constexpr domain::Millis kQuarter = 15 * 60'000LL;
  domain::Millis began = (now - 2 * 60 * 60'000LL) / kQuarter * kQuarter;
  auto m = api::plan_meeting_of(tx, *tx.meeting_series(series.id), began, now);
  for (auto& i : items) {
    i.reason = "added";
    i.reasons = {"added"};
    i.starts_at.reset();
  }
  m.items = std::move(items);
  m.created_at = now - 7 * 24 * 60 * 60'000LL;
  auto id = tx.insert_meeting(m);
  auto stored = tx.meeting(id);
  if (stored->items.empty()) return 1;
  store::MeetingMinutesRecord noted;
  noted.meeting_id = id;
  noted.item_id = stored->items.front().id;
  noted.present = {w.attendance_officer.membership_id};
  if (auto c = tx.case_record(stored->items.front().case_id); c && !c->lead_membership_id.empty())
    noted.present.insert(noted.present.begin(), c->lead_membership_id);
  noted.summary =
      "Het verzuim is na het gesprek met moeder afgenomen; de mentor ziet hem weer vaker in de "
      "les. De leerplichtambtenaar houdt de meldingen bij.";
  noted.decisions = "Geen melding bij DUO zolang het verzuim onder de grens blijft.";
  if (!stored->items.front().categories.empty())
    noted.category = stored->items.front().categories.front();
  noted.updated_by_user_id = w.care_coordinator.user_id;
  noted.updated_at = began + 20 * 60'000LL;
  tx.save_item_minutes(noted, 0);
  return 1;
}

// The mentor puts forward a case for the coming consultation, with a question: preferably
// one that nothing else brings there, at whose table the mentor sits (else the care
// coordinator does; in a small region every open case may be on the agenda already).
void put_forward_a_quiet_case(store::WriteTx& tx, const DemoPeople& w,
                              const store::MeetingSeriesRecord& weekly, domain::Millis now) {
  auto proposed = api::plan_meeting_of(tx, *tx.meeting_series(weekly.id), std::nullopt, now);
  auto on_agenda = [&](const std::string& case_id) {
    for (const auto& i : proposed.items)
      if (i.case_id == case_id) return true;
    return false;
  };
  std::optional<store::PutForwardRecord> chosen;
  int best = -1;
  for (const auto& summary : tx.cases_of_school(weekly.school_id, true)) {
    auto c = tx.case_record(summary.id);
    if (!c) continue;
    bool mentor_sits = c->lead_membership_id == w.mentor.membership_id;
    for (const auto& seat : c->team)
      mentor_sits =
          mentor_sits || (!seat.removed_at && seat.membership_id == w.mentor.membership_id);
    int score = (on_agenda(c->id) ? 0 : 2) + (mentor_sits ? 1 : 0);
    if (score <= best) continue;
    best = score;
    const auto& by = mentor_sits ? w.mentor : w.care_coordinator;
    chosen = store::PutForwardRecord{
        "",
        c->id,
        c->school_id,
        by.membership_id,
        by.user_id,
        "Sinds de herfstvakantie vaak te laat en stil in de klas: is een huisbezoek door het "
        "buurtteam nodig, of eerst een gesprek met de jeugdverpleegkundige?",
        now - 26 * 60 * 60'000LL,
        {},
        "",
        "",
        ""};
  }
  if (chosen) tx.insert_put_forward(*chosen);
}

}  // namespace

int add_demo_meetings(store::WriteTx& tx, const DemoPeople& w, const std::string& school_id,
                      domain::Millis now) {
  const std::vector<store::SeriesMemberRecord> partners{
      member(w.attendance_officer), member(w.youth_nurse), member(w.family_worker),
      member(w.inclusion_counsellor), member(w.school_care_worker)};
  store::MeetingSeriesRecord weekly;
  weekly.school_id = school_id;
  weekly.kind = "case_consultation";
  weekly.title = "Zorgoverleg Het Baken";
  weekly.chair_membership_id = w.care_coordinator.membership_id;
  weekly.weekday = 2;
  weekly.start_minute = 8 * 60 + 30;
  weekly.duration_minutes = 90;
  weekly.interval_weeks = 1;
  weekly.place = "Lokaal 1.12";
  weekly.video_link = "https://video.lindeveld.example/zorgoverleg-hetbaken";
  weekly.skipped_weeks = {{2026, 12, 21}, {2026, 12, 28}, {2027, 2, 15}};
  weekly.members = partners;
  weekly.created_by_user_id = w.care_coordinator.user_id;
  weekly.created_at = now;
  weekly.id = tx.insert_meeting_series(weekly);

  store::MeetingSeriesRecord core = weekly;
  core.kind = "core_partner_meeting";
  core.title = "Kernpartneroverleg Het Baken";
  core.weekday = 4;
  core.start_minute = 15 * 60;
  core.duration_minutes = 120;
  core.interval_weeks = 5;
  core.place = "Vergaderkamer directie";
  core.video_link = "";
  core.id = tx.insert_meeting_series(core);
  put_forward_a_quiet_case(tx, w, weekly, now);

  // The care advisory team met this morning on two of the consultation's cases; the chair
  // noted the first item and has not closed the minutes yet.
  store::MeetingSeriesRecord advisory = weekly;
  advisory.kind = "care_meeting";
  advisory.title = "Zorgadviesteam Het Baken";
  advisory.interval_weeks = 4;
  advisory.duration_minutes = 60;
  advisory.place = "Lokaal 1.12";
  advisory.video_link = "";
  advisory.members = {member(w.attendance_officer), member(w.youth_nurse)};
  advisory.id = tx.insert_meeting_series(advisory);

  int planned = 0;
  std::vector<store::MeetingItemRecord> cases_discussed;
  for (const auto* series : {&weekly, &core}) {
    auto stored = tx.meeting_series(series->id);
    auto m = api::plan_meeting_of(tx, *stored, std::nullopt, now);
    m.created_at = now;
    for (const auto& item : m.items)
      if (!item.case_id.empty()) cases_discussed.push_back(item);
    auto id = tx.insert_meeting(m);
    ++planned;
    // The partners' invitation to the coming meeting waits in their notifications.
    for (const auto& p : partners)
      tx.insert_notification({"", p.user_id, "meeting_invited", "/overleg/" + id, now, {}, false});
  }
  // Two of the consultation's cases, an attendance case first: the noted minutes of the
  // first item are about absence, with the attendance officer present.
  std::stable_partition(cases_discussed.begin(), cases_discussed.end(), [](const auto& item) {
    const auto& c = item.categories;
    return std::find(c.begin(), c.end(), domain::EntryCategory::attendance) != c.end();
  });
  if (cases_discussed.size() > 2) cases_discussed.resize(2);
  return planned + add_this_mornings_meeting(tx, w, advisory, cases_discussed, now);
}

}  // namespace samen::demo
