#pragma once
// Explaining access to an entry: for a user (in one of their memberships) and a moment,
// the policy's decision with its rule, legal basis and reasons. Shared by the API
// (GET /api/entries/{id}/explain) and the CLI (`samen access explain`), so both give the
// same answer from the same facts.
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "domain/policy.hpp"
#include "domain/result.hpp"
#include "store/store.hpp"

namespace samen::api {

struct Explanation {
  domain::Decision decision;
  domain::Viewer viewer;  // the membership the decision is for
  std::string entry_id;
  std::string case_id;
  std::string pupil_id;
  std::string region_id;  // of the pupil's school
  domain::Millis at = 0;
};

// The entry's decision for `user_id` at `at`. Without `membership_id`, each active
// membership of the user is tried and the first that is allowed is reported (else the
// first one): a person is asked about, and a person may see what any of their roles may.
// Errors: not_found (entry or user), validation_failed (membership not the user's).
Result<Explanation> explain_entry_access(store::ReadTx& tx, const std::string& entry_id,
                                         const std::string& user_id,
                                         const std::string& membership_id, domain::Millis at);

// {allowed, rule, legal_basis?, reason?, consent_id?, safety_decision_id?, reasons}
boost::json::object decision_json(const domain::Decision& d);

}  // namespace samen::api
