// Triage as one domain step (domain/triage.hpp): table-driven over who triages, what the
// request asks, and what the write finds (the signal's state, a named case, the pupil's
// open case), checking the outcome, the error code and the decision audited.
#include "domain/triage.hpp"

#include <gtest/gtest.h>

namespace samen::domain {
namespace {

constexpr const char* kSchool = "10";
constexpr const char* kOtherSchool = "11";

using Outcome = TriagePlan::Outcome;

Viewer viewer(Role role, const std::string& org, const std::string& membership = "m-viewer") {
  return Viewer{"u-viewer", membership, org, "r1", role};
}

SignalState open_signal() { return {"s1", "p1", kSchool, "u-mentor", "open", 3}; }

CaseState a_case(const std::string& id, const std::string& status, const std::string& pupil = "p1",
                 const std::string& lead = "m-lead") {
  CaseState c;
  c.facts.case_id = id;
  c.facts.pupil_id = pupil;
  c.facts.school_id = kSchool;
  c.facts.lead_membership_id = lead;
  c.status = status;
  return c;
}

TriageRequest to_case(const std::string& case_id = {}) {
  TriageRequest r;
  r.to_case = true;
  r.case_id = case_id;
  r.version = 3;
  return r;
}

TriageRequest advice() {
  TriageRequest r;
  r.advice = "Praat met de ouders";
  r.version = 3;
  return r;
}

struct Row {
  const char* name;
  Viewer viewer;
  TriageFacts facts;
  TriageRequest request;
  Outcome outcome;
  const char* error;        // expected error code, "" when allowed
  const char* denied_rule;  // the audited denial, "" for none
  const char* case_rule;    // the case decision of an allowed case triage
};

TEST(Triage, PlansEveryCombination) {
  auto cc = viewer(Role::care_coordinator, kSchool);
  auto triaged = open_signal();
  triaged.status = "advice";
  std::vector<Row> rows = {
      {"advice", cc, {open_signal(), {}, {}}, advice(), Outcome::advice, "", "", ""},
      {"new case",
       cc,
       {open_signal(), {}, {}},
       to_case(),
       Outcome::open_case,
       "",
       "",
       "case_action.open"},
      {"open case found is managed",
       cc,
       {open_signal(), {}, a_case("c9", "open")},
       to_case(),
       Outcome::attach,
       "",
       "",
       "case_action.manage"},
      {"closed case found: a new one",
       cc,
       {open_signal(), {}, a_case("c9", "closed")},
       to_case(),
       Outcome::open_case,
       "",
       "",
       "case_action.open"},
      {"named case",
       cc,
       {open_signal(), a_case("c7", "open"), {}},
       to_case("c7"),
       Outcome::attach,
       "",
       "",
       "case_action.manage"},
      {"named case missing",
       cc,
       {open_signal(), {}, {}},
       to_case("c7"),
       Outcome::refused,
       "validation_failed",
       "",
       ""},
      {"named case of another pupil",
       cc,
       {open_signal(), a_case("c7", "open", "p2"), {}},
       to_case("c7"),
       Outcome::refused,
       "validation_failed",
       "",
       ""},
      {"named case closed",
       cc,
       {open_signal(), a_case("c7", "closed"), {}},
       to_case("c7"),
       Outcome::refused,
       "case_closed",
       "",
       ""},
      {"already triaged",
       cc,
       {triaged, {}, {}},
       advice(),
       Outcome::refused,
       "already_triaged",
       "",
       ""},
      {"stale version",
       cc,
       {open_signal(), {}, {}},
       [] {
         auto r = advice();
         r.version = 2;
         return r;
       }(),
       Outcome::refused,
       "version_conflict",
       "",
       ""},
      {"mentor",
       viewer(Role::mentor, kSchool),
       {open_signal(), {}, {}},
       advice(),
       Outcome::refused,
       "forbidden",
       "case_action.signal_triage",
       ""},
      {"coordinator of another school",
       viewer(Role::care_coordinator, kOtherSchool),
       {open_signal(), {}, {}},
       to_case(),
       Outcome::refused,
       "forbidden",
       "case_action.signal_triage",
       ""},
  };
  for (const auto& row : rows) {
    auto plan = plan_triage(row.viewer, row.facts, row.request);
    SCOPED_TRACE(row.name);
    EXPECT_EQ(plan.outcome, row.outcome);
    EXPECT_EQ(plan.error ? plan.error->code : "", row.error);
    EXPECT_EQ(plan.denied ? plan.denied->rule : "", row.denied_rule);
    if (!plan.error) {
      EXPECT_TRUE(plan.signal_decision.allowed);
      if (row.request.to_case) {
        EXPECT_EQ(plan.case_decision.rule, row.case_rule);
      }
    }
  }
}

TEST(Triage, TheOpenCaseFoundIsManagedNotOpened) {
  // Led by someone else: the care coordinator manages it on the school's basis.
  auto cc = viewer(Role::care_coordinator, kSchool);
  auto plan =
      plan_triage(cc, {open_signal(), {}, a_case("c9", "open", "p1", "m-other")}, to_case());
  ASSERT_EQ(plan.outcome, Outcome::attach);
  EXPECT_EQ(plan.case_id, "c9");
  EXPECT_EQ(plan.case_decision.legal_basis, "school_care");
}

TEST(Triage, GateSaysWhetherTheRefusalMayAdmitTheSignal) {
  auto signal = open_signal();
  auto author = Viewer{"u-mentor", "m-mentor", kSchool, "r1", Role::mentor};
  auto gate = decide_triage_gate(author, signal);
  EXPECT_FALSE(gate.decision.allowed);
  EXPECT_TRUE(gate.sees_signal);  // the author reads it: 403
  gate = decide_triage_gate(viewer(Role::teacher, kSchool), signal);
  EXPECT_FALSE(gate.decision.allowed);
  EXPECT_FALSE(gate.sees_signal);  // a colleague does not: 404
  gate = decide_triage_gate(viewer(Role::care_coordinator, kSchool), signal);
  EXPECT_TRUE(gate.decision.allowed);
}

}  // namespace
}  // namespace samen::domain
