#pragma once
// The care team's meetings (issue 14) as the store reads and writes them: a school's
// series (the weekly case consultation, the core-partner meeting every five weeks, other
// care meetings), their standing members, the meetings planned from them and each
// meeting's agenda items. Codes are the stored ones:
//   series kind     case_consultation | core_partner_meeting | care_meeting
//   meeting status  planned | cancelled (minutes closed: minutes_closed_at is set)
//   item reason     domain::AgendaReason (urgent, escalation, put_forward, review_due,
//                   overdue_actions, new_signal) or `added` (by the chair)
// Who attends an item is not stored: it follows from the case's table and the series'
// members when the agenda is read (domain/agenda.hpp), so a seat taken away is gone at once.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/case.hpp"
#include "domain/dates.hpp"
#include "domain/roles.hpp"

namespace samen::store {

struct SeriesMemberRecord {
  std::string membership_id;
  // Joined from the membership; not written.
  std::string user_id;
  std::string organisation_id;
  domain::Role role = domain::Role::teacher;
};

struct MeetingSeriesRecord {
  std::string id;
  std::string school_id;
  std::string kind;
  std::string title;
  std::string chair_membership_id;
  int weekday = 1;       // ISO: 1 Monday .. 7 Sunday
  int start_minute = 0;  // minutes after local midnight (Europe/Amsterdam)
  int duration_minutes = 60;
  int interval_weeks = 1;
  std::string place;
  std::string video_link;
  std::vector<domain::Date> skipped_weeks;  // the Mondays of holiday weeks without a meeting
  std::string created_by_user_id;
  domain::Millis created_at = 0;
  std::int64_t version = 1;
  std::vector<SeriesMemberRecord> members;  // current standing members
};

struct MeetingItemRecord {
  std::string id;
  std::string meeting_id;
  int position = 0;
  std::string case_id;  // or
  std::string signal_id;
  std::string pupil_id;
  std::string reason;
  std::vector<std::string> reasons;
  std::vector<domain::EntryCategory> categories;
  std::optional<domain::Millis> starts_at;  // the item's time slot, when the chair set one
};

struct MeetingRecord {
  std::string id;
  std::string series_id;
  std::string school_id;
  std::string kind;
  domain::Millis starts_at = 0;
  int duration_minutes = 60;
  std::string place;
  std::string video_link;
  std::string status = "planned";
  domain::Millis created_at = 0;
  std::int64_t version = 1;
  // Once the chair closes the minutes the meeting no longer changes; what was said is then
  // in the cases' chronologies, where a change is a correction.
  std::optional<domain::Millis> minutes_closed_at;
  std::string minutes_closed_by_user_id;
  std::vector<MeetingItemRecord> items;  // by position; loaded by meeting() only
};

// The minutes of one item, typed by the chair during the meeting: who was there, and, for
// an item on a case, the discussion summary and decisions (sealed at rest: they are about
// the pupil) with the audience the chronology entry will have. Actions made in the minutes
// go into the case's plan at once; their ids are kept here. When the chair closes the
// minutes, summary and decisions become one chronology entry (`entry_id`) and are emptied
// here, so what was said about a pupil lives in one place under the chronology's rules.
struct MeetingMinutesRecord {
  std::string id;
  std::string meeting_id;
  std::string item_id;
  std::vector<std::string> present;  // membership ids
  std::string summary;
  std::string decisions;
  domain::EntryCategory category = domain::EntryCategory::wellbeing;
  domain::Audience audience = domain::Audience::case_team;
  bool family_visible = false;
  std::vector<std::string> action_ids;
  std::string entry_id;
  std::string updated_by_user_id;
  domain::Millis updated_at = 0;
  std::int64_t version = 0;  // 0: no minutes for the item yet
};

// A case put forward for the next case consultation ("to discuss"), with the question its
// lead or someone at its table wants answered there. Open until the minutes of a meeting
// that discussed the case are closed (`discussed`, with that meeting) or it is withdrawn.
struct PutForwardRecord {
  std::string id;
  std::string case_id;
  std::string school_id;
  std::string membership_id;  // who put it forward
  std::string user_id;
  std::string question;  // sealed at rest: it is about the pupil
  domain::Millis created_at = 0;
  std::optional<domain::Millis> settled_at;
  std::string settled_how;  // discussed | withdrawn, when settled
  std::string settled_meeting_id;
  std::string settled_by_user_id;
};

}  // namespace samen::store
