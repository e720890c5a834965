#pragma once
// What the consent, invitation and family handlers load for the policy about one pupil:
// P's facts as a case-less CaseFacts (school, date of birth, login, guardians with their
// logins and parental authority) and the facts of each of P's cases.
#include <optional>
#include <string>
#include <vector>

#include "domain/case.hpp"
#include "domain/pupil.hpp"
#include "store/store.hpp"

namespace samen::api {

domain::CaseFacts pupil_case_facts(const domain::Pupil& pupil);

struct PupilPolicyFacts {
  domain::Pupil pupil;
  domain::CaseFacts facts;
  std::vector<domain::CaseFacts> cases;
};

std::optional<PupilPolicyFacts> load_pupil_policy_facts(store::ReadTx& tx,
                                                        const std::string& pupil_id);

}  // namespace samen::api
