// The `may` flags (domain/policy_may.hpp) are the decisions the API takes when the action is
// tried: table-driven over roles × seats × case state × legal basis, each flag checked
// against the decision function it stands for.
#include "domain/policy_may.hpp"

#include <gtest/gtest.h>

#include "domain/chronology.hpp"
#include "domain/policy_cases.hpp"
#include "domain/policy_entries.hpp"
#include "domain/policy_family.hpp"

namespace samen::domain {
namespace {

constexpr const char* kSchool = "10";

Viewer viewer(Role role, const std::string& org, const std::string& membership) {
  return Viewer{"u-" + membership, membership, org, "r1", role};
}

CaseFacts a_case() {
  CaseFacts c;
  c.case_id = "c1";
  c.pupil_id = "p1";
  c.school_id = kSchool;
  c.lead_membership_id = "m-lead";
  c.team_membership_ids = {"m-team"};
  c.pupil_date_of_birth = {2012, 6, 1};
  c.pupil_user_id = "u-m-pupil";
  c.guardians = {{"g1", "u-m-mother", true}};
  return c;
}

TEST(CaseMay, ManagingFlagsNeedTheLeadOrCoordinatorAndAnOpenCase) {
  struct Row {
    Viewer v;
    bool manages, writes;
  };
  std::vector<Row> rows = {
      {viewer(Role::mentor, kSchool, "m-lead"), true, true},
      {viewer(Role::care_coordinator, kSchool, "m-cc"), true, true},
      {viewer(Role::family_worker, "20", "m-team"), false, true},
      {viewer(Role::teacher, kSchool, "m-x"), false, false},
      {viewer(Role::admin, kSchool, "m-lead"), false, false},
      {viewer(Role::pupil, kSchool, "m-pupil"), false, false},
  };
  auto c = a_case();
  for (const auto& row : rows)
    for (bool open : {true, false})
      for (bool plan : {true, false}) {
        auto may = decide_case_may(row.v, c, open, plan, EntryCategory::wellbeing, {}, 0, false);
        SCOPED_TRACE(std::string(to_string(row.v.role)) + (open ? " open" : " closed") +
                     (plan ? " plan" : " no plan"));
        EXPECT_EQ(decide_case_action(row.v, c, CaseAction::manage).allowed, row.manages);
        for (bool flag : {may.edit, may.close, may.change_level, may.add_member, may.remove_member})
          EXPECT_EQ(flag, row.manages && open);
        EXPECT_EQ(may.add_goal, row.manages && open && plan);
        EXPECT_EQ(may.add_action, row.manages && open && plan);
        EXPECT_EQ(may.write_entry, row.writes);
        EXPECT_EQ(may.read_safety_decisions, row.manages);
        EXPECT_EQ(may.record_safety_decision, row.manages && open);
        // Putting forward is for the table, like writing an entry.
        EXPECT_EQ(may.put_forward, row.writes && open);
        EXPECT_FALSE(decide_case_may(row.v, c, open, plan, EntryCategory::wellbeing, {}, 0, true)
                         .put_forward)
            << "not while the case is put forward already";
        EXPECT_FALSE(may.add_family_view && !is_family_role(row.v.role));
      }
}

TEST(CaseMay, APutForwardIsWithdrawnByWhoeverPutItForwardOrWhoManages) {
  auto c = a_case();
  struct Row {
    Viewer v;
    bool withdraws;
  };
  const Row rows[] = {
      {viewer(Role::family_worker, "20", "m-team"), true},  // put it forward
      {viewer(Role::mentor, kSchool, "m-lead"), true},      // manages
      {viewer(Role::care_coordinator, kSchool, "m-cc"), true},
      {viewer(Role::teacher, kSchool, "m-x"), false},
      {viewer(Role::guardian, kSchool, "m-team"), false},
  };
  for (const auto& row : rows)
    EXPECT_EQ(decide_put_forward_withdrawal(row.v, c, "m-team").allowed, row.withdraws)
        << row.v.membership_id << " " << to_string(row.v.role);
  EXPECT_TRUE(may_see_put_forward(viewer(Role::family_worker, "20", "m-team")));
  EXPECT_FALSE(may_see_put_forward(viewer(Role::guardian, kSchool, "m-mother")));
  EXPECT_FALSE(may_see_put_forward(viewer(Role::pupil, kSchool, "m-pupil")));
  EXPECT_FALSE(may_see_put_forward(viewer(Role::researcher, kSchool, "m-r")));
  // Off the table since, they no longer withdraw it; whoever manages the case does.
  c.team_membership_ids.clear();
  EXPECT_FALSE(
      decide_put_forward_withdrawal(viewer(Role::family_worker, "20", "m-team"), c, "m-team")
          .allowed);
}

TEST(CaseMay, TheFamilyAddsItsViewAsDecideFamilyViewSays) {
  auto c = a_case();
  for (const auto& v :
       {viewer(Role::pupil, kSchool, "m-pupil"), viewer(Role::guardian, kSchool, "m-mother"),
        viewer(Role::guardian, kSchool, "m-stranger")}) {
    auto may = decide_case_may(v, c, true, false, EntryCategory::home, {}, 0, false);
    EXPECT_EQ(may.add_family_view, decide_family_view(v, c, EntryCategory::home, {}, 0).allowed)
        << v.membership_id;
  }
}

TEST(PupilMay, EachFlagIsItsDecision) {
  PupilFacts p{"p1", kSchool, "u-m-mentor", "", {}, {}};
  for (Role role : all_roles())
    for (const char* org : {kSchool, "11"}) {
      auto v = viewer(role, org, "m-mentor");
      auto may = decide_pupil_may(v, p);
      CaseFacts fresh;
      fresh.pupil_id = "p1";
      fresh.school_id = kSchool;
      EXPECT_EQ(may.edit, decide_pupil_access(v, p, PupilAction::update).allowed);
      EXPECT_EQ(may.record_signal,
                decide_signal_action(v, kSchool, "", SignalAction::record).allowed);
      EXPECT_EQ(may.open_case, decide_case_action(v, fresh, CaseAction::open).allowed);
      EXPECT_EQ(may.invite_family, (role == Role::care_coordinator || role == Role::admin) &&
                                       std::string(org) == kSchool)
          << to_string(role);
    }
}

TEST(SignalMay, TriageOnlyWhileOpen) {
  auto cc = viewer(Role::care_coordinator, kSchool, "m-cc");
  EXPECT_TRUE(decide_signal_may(cc, kSchool, "u-x", "open").triage);
  EXPECT_FALSE(decide_signal_may(cc, kSchool, "u-x", "advice").triage);
  EXPECT_FALSE(
      decide_signal_may(viewer(Role::mentor, kSchool, "m-x"), kSchool, "u-m-x", "open").triage);
}

TEST(Chronology, OnePolicyStepDecidesRowsLinksAndAudit) {
  auto c = a_case();
  std::vector<ConsentGrant> grants;
  std::vector<SafetyDecision> safety;
  auto entry = [&](const std::string& id, Audience audience, const std::string& author) {
    ChronologyRow row;
    row.facts = EntryFacts{id,
                           "c1",
                           "p1",
                           "u-" + author,
                           author,
                           kSchool,
                           Role::mentor,
                           audience,
                           EntryCategory::wellbeing,
                           false};
    row.kind = "note";
    return row;
  };
  auto team = viewer(Role::care_coordinator, kSchool, "m-cc");  // same organisation as the author
  std::vector<ChronologyRow> rows = {entry("e1", Audience::case_team, "m-lead"),
                                     entry("e2", Audience::private_, "m-lead"),
                                     entry("e3", Audience::case_team, "m-lead")};
  rows[0].corrected_by = {"e9"};
  std::vector<EntryFacts> linked = {entry("e9", Audience::private_, "m-lead").facts};
  auto page = decide_chronology_page({team, &c, &grants, &safety, 0}, rows, linked);
  // The same decisions as one call per row.
  std::vector<std::string> shown;
  for (const auto& s : page.shown) {
    shown.push_back(rows[s.row].facts.entry_id);
    EXPECT_EQ(s.decision.rule,
              decide_entry_access(team, rows[s.row].facts, c, grants, safety, 0).rule);
    EXPECT_TRUE(s.may.correct);  // at the table: writes, so corrects what it sees
  }
  EXPECT_EQ(shown, (std::vector<std::string>{"e1", "e3"}));
  EXPECT_FALSE(page.visible.count("e2"));
  EXPECT_FALSE(page.visible.count("e9"));  // a private correction is not named
  ASSERT_EQ(page.audit.size(), 1u);        // one rule, one basis: one event
  EXPECT_EQ(page.audit.front().ids, (std::vector<std::string>{"e1", "e3"}));
  // A page that shows nothing still leaves one event.
  auto stranger = viewer(Role::family_worker, "20", "m-nobody");
  auto empty = decide_chronology_page({stranger, &c, &grants, &safety, 0}, rows, linked);
  ASSERT_EQ(empty.audit.size(), 1u);
  EXPECT_EQ(empty.audit.front().decision.rule, "listing.empty");
}

}  // namespace
}  // namespace samen::domain
