#include "domain/policy_probes.hpp"

namespace samen::domain {

Decision decide_empty_listing(const Viewer& viewer, const PupilFacts* pupil,
                              const Decision* first_refusal) {
  if (!pupil) {
    Decision d;
    d.rule = "listing.empty";
    d.reason = "no_such_pupil";
    d.reasons = {"no pupil has this id"};
    return d;
  }
  if (first_refusal && !first_refusal->allowed) return *first_refusal;
  auto read = decide_pupil_access(viewer, *pupil, PupilAction::read);
  if (!read.allowed) return read;
  Decision d;
  d.allowed = true;
  d.rule = "listing.empty";
  d.legal_basis = read.legal_basis;
  d.reasons = {"the viewer may see the pupil; there was nothing to list"};
  return d;
}

}  // namespace samen::domain
