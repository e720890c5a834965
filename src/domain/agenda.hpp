#pragma once
// The weekly case consultation's agenda, proposed from what happened since the last one
// (domain.md, "Meetings"; issue 14): new signals, cases whose review date falls before the
// next meeting, escalations, urgent items, overdue actions, and cases a lead or mentor put
// forward with a question. One item per case (a case with several reasons is discussed
// once) and one per new signal that has no case yet. Each item names who must be there and
// why: the lead, the case team, and the standing members the item's categories call for
// (attendance: the attendance officer; health: youth health; home and safety: the family
// worker; learning: the counsellor for appropriate education). Pure: no I/O, no policy —
// whether an attendee sees the pupil's name is decided per attendee by
// decide_agenda_item_named (policy_meetings.hpp).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/case.hpp"
#include "domain/dates.hpp"
#include "domain/roles.hpp"

namespace samen::domain {

// Why an item is on the agenda, most pressing first (the order of the proposal).
enum class AgendaReason {
  urgent,
  escalation,
  put_forward,
  review_due,
  overdue_actions,
  new_signal
};
std::string_view to_string(AgendaReason reason);
std::optional<AgendaReason> parse_agenda_reason(std::string_view code);

// Why someone must be there for an item.
enum class AttendeeWhy { lead, case_team, category, reporter, put_forward };
std::string_view to_string(AttendeeWhy why);

// A standing member of the meeting's series (or its chair).
struct SeriesMember {
  std::string membership_id;
  Role role = Role::teacher;
};

struct AgendaSignal {
  std::string signal_id;
  std::string pupil_id;
  std::string reporter_membership_id;
  std::vector<EntryCategory> categories;
  std::string urgency;  // normal | soon | urgent
  Millis created_at = 0;
};

struct AgendaCase {
  std::string case_id;
  std::string pupil_id;
  std::string lead_membership_id;
  std::vector<std::string> team_membership_ids;  // open seats
  std::vector<EntryCategory> categories;
  std::optional<Date> review_date;
  std::vector<Millis> escalations;  // when the level went up
  int overdue_actions = 0;          // open actions whose due date has passed
  // Put forward for discussion ("to discuss", with a question), not yet discussed.
  std::optional<std::string> put_forward_by_membership_id;
};

struct AgendaInputs {
  Millis since = 0;       // the last meeting of the series (or a week before this one)
  Millis meeting_at = 0;  // this meeting
  Millis next_at = 0;     // the one after: a review date before it is due now
  std::vector<AgendaSignal> open_signals;  // untriaged signals of the school
  std::vector<AgendaCase> open_cases;
  std::vector<SeriesMember> members;  // standing members, the chair included
};

struct AgendaAttendee {
  std::string membership_id;
  AttendeeWhy why = AttendeeWhy::lead;
  bool operator==(const AgendaAttendee&) const = default;
};

struct ProposedItem {
  AgendaReason reason = AgendaReason::new_signal;  // the most pressing
  std::vector<AgendaReason> reasons;               // all that apply, most pressing first
  std::string case_id;                             // or
  std::string signal_id;
  std::string pupil_id;
  std::vector<EntryCategory> categories;
};

// The proposal, most pressing first; within a reason, cases before signals, then by id.
std::vector<ProposedItem> propose_agenda(const AgendaInputs& in);

// The people an item is about, besides the standing members: a case's lead and open seats
// and whoever put it forward, or a signal's reporter.
struct ItemPeople {
  std::string lead_membership_id;
  std::vector<std::string> team_membership_ids;
  std::string put_forward_membership_id;
  std::string reporter_membership_id;
};

// Who must be there for an item: the lead, the open seats, whoever put the case forward
// (they asked the question), the reporter of a signal, and the standing members whose role
// its categories call for; each membership once, with the first reason that applies, in
// that order.
std::vector<AgendaAttendee> attendees_for(const std::vector<EntryCategory>& categories,
                                          const ItemPeople& people,
                                          const std::vector<SeriesMember>& members);

// The role a category calls to the table, if any.
std::optional<Role> role_called_for(EntryCategory category);

}  // namespace samen::domain
