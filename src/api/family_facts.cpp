#include "api/family_facts.hpp"

namespace samen::api {

domain::CaseFacts pupil_case_facts(const domain::Pupil& p) {
  domain::CaseFacts c;
  c.pupil_id = p.id;
  c.school_id = p.school_id;
  c.pupil_date_of_birth = p.date_of_birth;
  c.pupil_user_id = p.user_id;
  for (const auto& g : p.guardians) c.guardians.push_back({g.id, g.user_id, g.parental_authority});
  return c;
}

std::optional<PupilPolicyFacts> load_pupil_policy_facts(store::ReadTx& tx,
                                                        const std::string& pupil_id) {
  auto record = tx.pupil(pupil_id);
  if (!record) return std::nullopt;
  PupilPolicyFacts out;
  out.pupil = std::move(record->pupil);
  out.facts = pupil_case_facts(out.pupil);
  for (const auto& c : tx.cases_of_pupil(pupil_id))
    if (auto f = tx.case_facts(c.id)) out.cases.push_back(std::move(*f));
  return out;
}

}  // namespace samen::api
