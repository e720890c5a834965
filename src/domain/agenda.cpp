#include "domain/agenda.hpp"

#include <algorithm>
#include <array>

namespace samen::domain {
namespace {

constexpr std::array<std::pair<AgendaReason, std::string_view>, 6> kReasons{{
    {AgendaReason::urgent, "urgent"},
    {AgendaReason::escalation, "escalation"},
    {AgendaReason::put_forward, "put_forward"},
    {AgendaReason::review_due, "review_due"},
    {AgendaReason::overdue_actions, "overdue_actions"},
    {AgendaReason::new_signal, "new_signal"},
}};

void add_category(std::vector<EntryCategory>& to, EntryCategory c) {
  if (std::find(to.begin(), to.end(), c) == to.end()) to.push_back(c);
}

// The reasons a case is on the agenda, most pressing first (the enum's order).
std::vector<AgendaReason> case_reasons(const AgendaInputs& in, const AgendaCase& c,
                                       const std::vector<const AgendaSignal*>& signals) {
  std::vector<AgendaReason> out;
  bool urgent = std::any_of(signals.begin(), signals.end(),
                            [](const AgendaSignal* s) { return s->urgency == "urgent"; });
  if (urgent) out.push_back(AgendaReason::urgent);
  bool escalated = std::any_of(c.escalations.begin(), c.escalations.end(),
                               [&](Millis at) { return at >= in.since && at < in.meeting_at; });
  if (escalated) out.push_back(AgendaReason::escalation);
  if (c.put_forward_by_membership_id) out.push_back(AgendaReason::put_forward);
  if (c.review_date && netherlands_midnight(*c.review_date) < in.next_at)
    out.push_back(AgendaReason::review_due);
  if (c.overdue_actions > 0) out.push_back(AgendaReason::overdue_actions);
  if (!signals.empty()) out.push_back(AgendaReason::new_signal);
  return out;
}

}  // namespace

std::string_view to_string(AgendaReason reason) {
  for (const auto& [r, code] : kReasons)
    if (r == reason) return code;
  return "new_signal";
}

std::optional<AgendaReason> parse_agenda_reason(std::string_view code) {
  for (const auto& [r, c] : kReasons)
    if (c == code) return r;
  return std::nullopt;
}

std::string_view to_string(AttendeeWhy why) {
  switch (why) {
    case AttendeeWhy::lead:
      return "lead";
    case AttendeeWhy::case_team:
      return "case_team";
    case AttendeeWhy::category:
      return "category";
    case AttendeeWhy::reporter:
      return "reporter";
    case AttendeeWhy::put_forward:
      return "put_forward";
  }
  return "lead";
}

std::optional<Role> role_called_for(EntryCategory category) {
  switch (category) {
    case EntryCategory::attendance:
      return Role::attendance_officer;
    case EntryCategory::health:
      return Role::youth_health;
    case EntryCategory::home:
    case EntryCategory::safety:
      return Role::family_worker;
    case EntryCategory::learning:
      return Role::inclusion_counsellor;
    case EntryCategory::behaviour:
    case EntryCategory::wellbeing:
      return std::nullopt;
  }
  return std::nullopt;
}

std::vector<AgendaAttendee> attendees_for(const std::vector<EntryCategory>& categories,
                                          const ItemPeople& people,
                                          const std::vector<SeriesMember>& members) {
  std::vector<AgendaAttendee> out;
  auto add = [&](const std::string& id, AttendeeWhy why) {
    if (id.empty()) return;
    for (const auto& a : out)
      if (a.membership_id == id) return;
    out.push_back({id, why});
  };
  add(people.lead_membership_id, AttendeeWhy::lead);
  for (const auto& id : people.team_membership_ids) add(id, AttendeeWhy::case_team);
  add(people.put_forward_membership_id, AttendeeWhy::put_forward);
  add(people.reporter_membership_id, AttendeeWhy::reporter);
  for (EntryCategory c : categories) {
    auto role = role_called_for(c);
    if (!role) continue;
    for (const auto& m : members)
      if (m.role == *role) add(m.membership_id, AttendeeWhy::category);
  }
  return out;
}

std::vector<ProposedItem> propose_agenda(const AgendaInputs& in) {
  std::vector<ProposedItem> items;
  std::vector<bool> signal_on_case(in.open_signals.size(), false);
  for (const auto& c : in.open_cases) {
    // A new signal about a pupil with an open case is discussed with that case.
    std::vector<const AgendaSignal*> signals;
    for (std::size_t i = 0; i < in.open_signals.size(); ++i) {
      const auto& s = in.open_signals[i];
      if (s.pupil_id == c.pupil_id && s.created_at < in.meeting_at) {
        signals.push_back(&s);
        signal_on_case[i] = true;
      }
    }
    auto reasons = case_reasons(in, c, signals);
    if (reasons.empty()) continue;
    ProposedItem item{reasons.front(), reasons, c.case_id, {}, c.pupil_id, c.categories};
    for (const auto* s : signals)
      for (EntryCategory cat : s->categories) add_category(item.categories, cat);
    items.push_back(std::move(item));
  }
  for (std::size_t i = 0; i < in.open_signals.size(); ++i) {
    const auto& s = in.open_signals[i];
    if (signal_on_case[i] || s.created_at >= in.meeting_at) continue;
    std::vector<AgendaReason> reasons;
    if (s.urgency == "urgent") reasons.push_back(AgendaReason::urgent);
    reasons.push_back(AgendaReason::new_signal);
    items.push_back({reasons.front(), reasons, {}, s.signal_id, s.pupil_id, s.categories});
  }
  std::stable_sort(items.begin(), items.end(), [](const ProposedItem& a, const ProposedItem& b) {
    if (a.reason != b.reason) return a.reason < b.reason;
    bool a_case = !a.case_id.empty(), b_case = !b.case_id.empty();
    if (a_case != b_case) return a_case;
    const auto& ka = a_case ? a.case_id : a.signal_id;
    const auto& kb = b_case ? b.case_id : b.signal_id;
    if (ka.size() != kb.size()) return ka.size() < kb.size();  // ids are decimal
    return ka < kb;
  });
  return items;
}

}  // namespace samen::domain
