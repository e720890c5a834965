#include "api/record_view.hpp"

#include "api/family_facts.hpp"
#include "domain/policy_record.hpp"

namespace samen::api {

domain::Decision pupil_record_decision(store::ReadTx& tx, const domain::Viewer& viewer,
                                       const domain::Pupil& pupil, const domain::Decision& way_in) {
  if (!domain::record_view_needs_basis(viewer, way_in, pupil.school_id)) return way_in;
  auto facts = pupil_case_facts(pupil);
  std::vector<domain::CaseFacts> cases;
  std::vector<domain::SafetyDecision> safety;
  // A guardian's basis is the pupil's consent alone; a seat's may be a safety decision.
  if (viewer.role != domain::Role::guardian)
    for (const auto& c : tx.cases_of_pupil(pupil.id))
      if (c.status == "open")
        if (auto f = tx.case_facts(c.id)) {
          for (auto& sd : tx.safety_decisions_of_case(c.id)) safety.push_back(std::move(sd));
          cases.push_back(std::move(*f));
        }
  return domain::decide_record_view(viewer, way_in, facts, cases,
                                    tx.consent_grants_of_pupil(pupil.id), safety,
                                    domain::now_millis());
}

domain::Decision case_record_decision(store::ReadTx& tx, const domain::Viewer& viewer,
                                      const domain::CaseFacts& c,
                                      const std::vector<domain::ConsentGrant>& grants,
                                      const domain::Decision& way_in) {
  domain::Decision d = way_in;
  if (domain::record_view_needs_basis(viewer, way_in, c.school_id))
    d = domain::decide_record_view(viewer, way_in, c, {c}, grants,
                                   tx.safety_decisions_of_case(c.case_id), domain::now_millis());
  if (d.view != domain::PupilView::identification) d.view = domain::PupilView::full;
  return d;
}

}  // namespace samen::api
