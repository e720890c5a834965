#include "domain/triage.hpp"

#include "domain/policy_cases.hpp"

namespace samen::domain {
namespace {

TriagePlan refused(std::string code, std::string message, std::string field = {}) {
  TriagePlan plan;
  plan.error = Error{std::move(code), std::move(message), std::move(field)};
  return plan;
}

TriagePlan refused_by_policy(const Decision& decision, std::string resource,
                             std::string case_id = {}) {
  auto plan =
      refused("forbidden", decision.reasons.empty() ? "not permitted" : decision.reasons.front());
  plan.denied = decision;
  plan.denied_resource = std::move(resource);
  plan.case_id = std::move(case_id);
  return plan;
}

}  // namespace

TriageGate decide_triage_gate(const Viewer& v, const SignalState& s) {
  TriageGate gate;
  gate.decision = decide_signal_action(v, s.school_id, s.author_user_id, SignalAction::triage);
  gate.sees_signal =
      gate.decision.allowed ||
      decide_signal_action(v, s.school_id, s.author_user_id, SignalAction::read).allowed;
  return gate;
}

TriagePlan plan_triage(const Viewer& v, const TriageFacts& f, const TriageRequest& r) {
  const auto& s = f.signal;
  auto gate = decide_triage_gate(v, s);
  if (!gate.decision.allowed) return refused_by_policy(gate.decision, "signal");
  if (s.status != "open")
    return refused("already_triaged", "this signal has already been triaged", "status");
  if (s.version != r.version)
    return refused("version_conflict",
                   "this record was changed by someone else; reload it and try again", "version");
  TriagePlan plan;
  plan.signal_decision = gate.decision;
  if (!r.to_case) {
    plan.outcome = TriagePlan::Outcome::advice;
    return plan;
  }
  const CaseState* target = nullptr;
  if (!r.case_id.empty()) {
    if (!f.named_case || f.named_case->facts.pupil_id != s.pupil_id)
      return refused("validation_failed", "case_id is not a case of this signal's pupil",
                     "case_id");
    target = &*f.named_case;
  } else if (f.open_case && f.open_case->status == "open") {
    // Attached to the pupil's open case found here: that is managing it, as if named.
    target = &*f.open_case;
  }
  if (target) {
    if (target->status != "open")
      return refused("case_closed", "this case is closed; it can no longer change", "status");
    plan.case_decision = decide_case_action(v, target->facts, CaseAction::manage);
    if (!plan.case_decision.allowed)
      return refused_by_policy(plan.case_decision, "case", target->facts.case_id);
    plan.outcome = TriagePlan::Outcome::attach;
    plan.case_id = target->facts.case_id;
    return plan;
  }
  CaseFacts fresh;
  fresh.pupil_id = s.pupil_id;
  fresh.school_id = s.school_id;
  plan.case_decision = decide_case_action(v, fresh, CaseAction::open);
  if (!plan.case_decision.allowed) return refused_by_policy(plan.case_decision, "case");
  plan.outcome = TriagePlan::Outcome::open_case;
  return plan;
}

}  // namespace samen::domain
