#include "api/explain.hpp"

#include "api/auth.hpp"
#include "domain/policy_entries.hpp"

namespace samen::api {

Result<Explanation> explain_entry_access(store::ReadTx& tx, const std::string& entry_id,
                                         const std::string& user_id,
                                         const std::string& membership_id, domain::Millis at) {
  auto entry = tx.entry(entry_id);
  if (!entry) return Error{"not_found", "no such entry", ""};
  auto facts = tx.case_facts(entry->facts.case_id);
  if (!facts) return Error{"not_found", "no such entry", ""};
  auto user = tx.user(user_id);
  if (!user) return Error{"not_found", "no such user", "user"};
  auto grants = tx.consent_grants_of_pupil(facts->pupil_id);
  auto safety = tx.safety_decisions_of_case(facts->case_id);
  auto school = tx.organisation(facts->school_id);

  std::optional<Explanation> first;
  for (const auto& m : tx.memberships_of(user_id)) {
    if (!membership_id.empty() ? m.id != membership_id : !m.active) continue;
    Explanation e;
    e.viewer = viewer_of(*user, m);
    e.decision = domain::decide_entry_access(e.viewer, entry->facts, *facts, grants, safety, at);
    e.entry_id = entry_id;
    e.case_id = facts->case_id;
    e.pupil_id = facts->pupil_id;
    e.region_id = school ? school->region_id : "";
    e.at = at;
    if (e.decision.allowed) return e;
    if (!first) first = std::move(e);
  }
  if (!first) {
    if (!membership_id.empty())
      return Error{"validation_failed", "the user has no such membership", "membership"};
    return Error{"not_found", "the user has no active membership", "user"};
  }
  return *first;
}

boost::json::object decision_json(const domain::Decision& d) {
  boost::json::object out{{"allowed", d.allowed}, {"rule", d.rule}};
  if (d.allowed)
    out["legal_basis"] = d.legal_basis;
  else
    out["reason"] = d.reason;
  if (d.consent_id) out["consent_id"] = *d.consent_id;
  if (d.safety_decision_id) out["safety_decision_id"] = *d.safety_decision_id;
  boost::json::array reasons;
  for (const auto& r : d.reasons) reasons.emplace_back(r);
  out["reasons"] = std::move(reasons);
  return out;
}

}  // namespace samen::api
