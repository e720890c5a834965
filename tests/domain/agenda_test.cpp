// The case consultation's proposed agenda (domain/agenda.hpp) as tables: each source of
// items, one item per case whatever the number of reasons, a signal about a pupil with a
// case discussed with that case, the order, and who must be there by category.
#include "domain/agenda.hpp"

#include <gtest/gtest.h>

namespace samen::domain {
namespace {

constexpr Millis kDay = 24LL * 3600 * 1000;
const Millis kMeeting = netherlands_midnight({2026, 12, 7}) + 9 * 3600 * 1000;  // Monday 09:00

AgendaInputs inputs() {
  AgendaInputs in;
  in.since = kMeeting - 7 * kDay;
  in.meeting_at = kMeeting;
  in.next_at = kMeeting + 7 * kDay;
  in.members = {{"m-chair", Role::care_coordinator},
                {"m-lpa", Role::attendance_officer},
                {"m-jgz", Role::youth_health},
                {"m-gezin", Role::family_worker},
                {"m-pao", Role::inclusion_counsellor}};
  return in;
}

AgendaCase quiet_case(const std::string& id, const std::string& pupil) {
  return {id, pupil, "m-lead",    {"m-seat"}, {EntryCategory::wellbeing}, Date{2027, 3, 1},
          {}, 0,     std::nullopt};
}

AgendaSignal signal(const std::string& id, const std::string& pupil,
                    std::string urgency = "normal") {
  return {
      id, pupil, "m-mentor", {EntryCategory::attendance}, std::move(urgency), kMeeting - 2 * kDay};
}

std::vector<std::string> keys(const std::vector<ProposedItem>& items) {
  std::vector<std::string> out;
  for (const auto& i : items)
    out.push_back((i.case_id.empty() ? "s" + i.signal_id : "c" + i.case_id) + ":" +
                  std::string(to_string(i.reason)));
  return out;
}

TEST(Agenda, EachSourceOfItems) {
  struct Row {
    const char* name;
    void (*change)(AgendaCase&);
    const char* expected;  // the reason, or "" for no item
  };
  const Row rows[] = {
      {"nothing to discuss", [](AgendaCase&) {}, ""},
      {"review before the next meeting",
       [](AgendaCase& c) {
         c.review_date = Date{2026, 12, 10};
       },
       "review_due"},
      {"review on the day of the next meeting is not due yet",
       [](AgendaCase& c) {
         c.review_date = Date{2026, 12, 15};
       },
       ""},
      {"escalated since the last meeting",
       [](AgendaCase& c) { c.escalations = {kMeeting - 3 * kDay}; }, "escalation"},
      {"escalated before the last meeting",
       [](AgendaCase& c) { c.escalations = {kMeeting - 9 * kDay}; }, ""},
      {"overdue actions", [](AgendaCase& c) { c.overdue_actions = 2; }, "overdue_actions"},
      {"put forward", [](AgendaCase& c) { c.put_forward_by_membership_id = "m-lead"; },
       "put_forward"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.name);
    auto in = inputs();
    in.open_cases.push_back(quiet_case("1", "p1"));
    row.change(in.open_cases.back());
    auto items = propose_agenda(in);
    if (std::string(row.expected).empty()) {
      EXPECT_TRUE(items.empty());
    } else {
      ASSERT_EQ(items.size(), 1u);
      EXPECT_EQ(to_string(items[0].reason), row.expected);
    }
  }
}

TEST(Agenda, OneItemPerCaseWithEveryReasonMostPressingFirst) {
  auto in = inputs();
  auto c = quiet_case("1", "p1");
  c.review_date = Date{2026, 12, 8};
  c.overdue_actions = 1;
  c.escalations = {kMeeting - kDay};
  in.open_cases.push_back(c);
  auto items = propose_agenda(in);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].reason, AgendaReason::escalation);
  EXPECT_EQ(items[0].reasons,
            (std::vector<AgendaReason>{AgendaReason::escalation, AgendaReason::review_due,
                                       AgendaReason::overdue_actions}));
}

TEST(Agenda, ASignalAboutAPupilWithACaseGoesWithTheCase) {
  auto in = inputs();
  in.open_cases.push_back(quiet_case("1", "p1"));
  in.open_signals.push_back(signal("7", "p1", "urgent"));
  in.open_signals.push_back(signal("8", "p2"));
  auto items = propose_agenda(in);
  EXPECT_EQ(keys(items), (std::vector<std::string>{"c1:urgent", "s8:new_signal"}));
  // The case's item takes the signal's category: the attendance officer is called.
  EXPECT_EQ(items[0].categories,
            (std::vector<EntryCategory>{EntryCategory::wellbeing, EntryCategory::attendance}));
}

TEST(Agenda, SignalsAfterTheMeetingWaitForTheNextOne) {
  auto in = inputs();
  auto late = signal("9", "p3");
  late.created_at = kMeeting + 1;
  in.open_signals.push_back(late);
  EXPECT_TRUE(propose_agenda(in).empty());
}

TEST(Agenda, OrderIsMostPressingFirstThenCasesThenIds) {
  auto in = inputs();
  auto review = quiet_case("10", "p10");
  review.review_date = Date{2026, 12, 9};
  auto escalated = quiet_case("2", "p2");
  escalated.escalations = {kMeeting - kDay};
  auto review2 = quiet_case("9", "p9");
  review2.review_date = Date{2026, 12, 9};
  in.open_cases = {review, escalated, review2};
  in.open_signals = {signal("5", "p5", "urgent"), signal("4", "p4")};
  EXPECT_EQ(keys(propose_agenda(in)),
            (std::vector<std::string>{"s5:urgent", "c2:escalation", "c9:review_due",
                                      "c10:review_due", "s4:new_signal"}));
}

TEST(Agenda, AttendeesByTableAndCategory) {
  auto members = inputs().members;
  struct Row {
    std::vector<EntryCategory> categories;
    std::vector<std::string> called;  // besides lead and seat
  };
  const Row rows[] = {
      {{EntryCategory::attendance}, {"m-lpa"}},
      {{EntryCategory::health}, {"m-jgz"}},
      {{EntryCategory::home}, {"m-gezin"}},
      {{EntryCategory::safety}, {"m-gezin"}},
      {{EntryCategory::learning}, {"m-pao"}},
      {{EntryCategory::behaviour, EntryCategory::wellbeing}, {}},
      {{EntryCategory::attendance, EntryCategory::health}, {"m-lpa", "m-jgz"}},
  };
  for (const auto& row : rows) {
    auto who = attendees_for(row.categories, {"m-lead", {"m-seat"}, "", ""}, members);
    std::vector<AgendaAttendee> expected{{"m-lead", AttendeeWhy::lead},
                                         {"m-seat", AttendeeWhy::case_team}};
    for (const auto& id : row.called) expected.push_back({id, AttendeeWhy::category});
    EXPECT_EQ(who, expected);
  }
}

TEST(Agenda, EachAttendeeOnceWithTheFirstReason) {
  // The attendance officer sits at the table already: invited as case team, not twice.
  auto who = attendees_for({EntryCategory::attendance}, {"m-lead", {"m-lpa"}, "", "m-lead"},
                           inputs().members);
  EXPECT_EQ(who, (std::vector<AgendaAttendee>{{"m-lead", AttendeeWhy::lead},
                                              {"m-lpa", AttendeeWhy::case_team}}));
  auto for_signal =
      attendees_for({EntryCategory::wellbeing}, {"", {}, "", "m-mentor"}, inputs().members);
  EXPECT_EQ(for_signal, (std::vector<AgendaAttendee>{{"m-mentor", AttendeeWhy::reporter}}));
}

TEST(Agenda, WhoeverPutACaseForwardIsThereForIt) {
  // The mentor asked the question: invited for the item, after the lead and the table.
  auto who = attendees_for({EntryCategory::attendance}, {"m-lead", {"m-seat"}, "m-mentor", ""},
                           inputs().members);
  EXPECT_EQ(who, (std::vector<AgendaAttendee>{{"m-lead", AttendeeWhy::lead},
                                              {"m-seat", AttendeeWhy::case_team},
                                              {"m-mentor", AttendeeWhy::put_forward},
                                              {"m-lpa", AttendeeWhy::category}}));
  // The lead who put their own case forward is there as the lead, once.
  auto own =
      attendees_for({EntryCategory::wellbeing}, {"m-lead", {}, "m-lead", ""}, inputs().members);
  EXPECT_EQ(own, (std::vector<AgendaAttendee>{{"m-lead", AttendeeWhy::lead}}));
}

}  // namespace
}  // namespace samen::domain
