#include "demo/demo_meetings.hpp"

#include "api/meeting_support.hpp"

namespace samen::demo {
namespace {

store::SeriesMemberRecord member(const DemoPeople::Person& p) {
  return {p.membership_id, p.user_id, p.organisation_id};
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

  int planned = 0;
  for (const auto* series : {&weekly, &core}) {
    auto stored = tx.meeting_series(series->id);
    auto m = api::plan_meeting_of(tx, *stored, std::nullopt, now);
    m.created_at = now;
    auto id = tx.insert_meeting(m);
    ++planned;
    // The partners' invitation to the coming meeting waits in their notifications.
    for (const auto& p : partners)
      tx.insert_notification({"", p.user_id, "meeting_invited", "/overleg/" + id, now, {}, false});
  }
  return planned;
}

}  // namespace samen::demo
