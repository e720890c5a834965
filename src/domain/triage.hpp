#pragma once
// Triage of a signal (domain.md, "Cases"): the care coordinator of the pupil's school
// decides on it once — advice back to the author, or a case: the one the request names, the
// pupil's open case, or a new one. This is the workflow as one pure step: the handler reads
// what the step needs, calls it, and writes what it returns; every policy decision the step
// takes is in its result, allowed or denied, for the audit.
//   - Before the body is read, decide_triage_gate: whoever may not read the signal gets the
//     answer of a missing one, whoever may read it but not triage it 403 (both audited).
//   - Inside the write, plan_triage over the signal and the cases as they are then:
//     already triaged (409), a stale version (409), a named case that is not the pupil's
//     (400) or closed (409), and the case decision: attaching to a case — named, or the
//     pupil's open case found here — is managing it; a new case is opening one.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/case.hpp"
#include "domain/policy.hpp"
#include "domain/result.hpp"

namespace samen::domain {

// The signal as the step needs it.
struct SignalState {
  std::string id;
  std::string pupil_id;
  std::string school_id;
  std::string author_user_id;
  std::string status;  // open | advice | case
  std::int64_t version = 0;
};

// What the care coordinator asked for (the body of POST /api/signals/{id}/triage, read).
struct TriageRequest {
  bool to_case = false;  // decision "case"; else "advice"
  std::string advice;
  std::string case_id;  // the case to attach to; empty: the pupil's open case, or a new one
  int level = 2;        // of a new case
  std::int64_t version = 0;
};

// A case the triage may attach to, with its status (open | closed).
struct CaseState {
  CaseFacts facts;
  std::string status;
};

// What the write found: the case the request names (when it names one and it exists), and
// the pupil's open case (when it names none).
struct TriageFacts {
  SignalState signal;
  std::optional<CaseState> named_case;
  std::optional<CaseState> open_case;
};

struct TriageGate {
  Decision decision;         // triage of this signal
  bool sees_signal = false;  // whether a refusal may say so (403) or must be a 404
};
TriageGate decide_triage_gate(const Viewer& viewer, const SignalState& signal);

struct TriagePlan {
  enum class Outcome { refused, advice, attach, open_case };
  Outcome outcome = Outcome::refused;
  std::optional<Error> error;  // refused: the answer
  // refused by the policy: the decision to audit, against `denied_resource` ("signal", or
  // "case" with `case_id`: empty for a case that would have been opened)
  std::optional<Decision> denied;
  std::string denied_resource;
  Decision signal_decision;  // the triage of the signal (allowed, for the audit)
  Decision case_decision;    // attach: managing the case; open_case: opening one
  std::string case_id;       // attach: the case (and a refused attach)
};
TriagePlan plan_triage(const Viewer& viewer, const TriageFacts& facts,
                       const TriageRequest& request);

}  // namespace samen::domain
