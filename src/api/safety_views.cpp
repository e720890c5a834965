#include "api/safety_views.hpp"

#include <boost/json.hpp>

#include "api/name_book.hpp"
#include "domain/dates.hpp"
#include "domain/policy_cases.hpp"

namespace samen::api {
namespace json = boost::json;

namespace {

const char* status_at(const domain::SafetyDecision& d, domain::Millis now) {
  if (now < d.valid_from) return "upcoming";
  return domain::safety_decision_valid_at(d, now) ? "active" : "expired";
}

json::object decided_by_json(store::ReadTx& tx, NameBook& names,
                             const store::SafetyDecisionRecord& r) {
  json::object out{{"user_id", r.decided_by_user_id}, {"name", names.user(r.decided_by_user_id)}};
  auto m =
      r.decided_by_membership_id.empty() ? std::nullopt : tx.membership(r.decided_by_membership_id);
  out["membership_id"] = m ? json::value(m->id) : json::value(nullptr);
  out["role"] = m ? json::value(domain::to_string(m->role)) : json::value(nullptr);
  out["organisation_id"] = m ? json::value(m->organisation_id) : json::value(nullptr);
  out["organisation_name"] = m ? json::value(m->organisation_name) : json::value(nullptr);
  return out;
}

}  // namespace

json::object safety_decision_json(store::ReadTx& tx, const store::SafetyDecisionRecord& r,
                                  const domain::Viewer& viewer, const domain::CaseFacts& c,
                                  domain::Millis now) {
  NameBook names(tx);
  json::array ids, organisations;
  for (const auto& id : r.decision.organisation_ids) {
    ids.emplace_back(id);
    organisations.push_back(json::object{{"id", id}, {"name", names.organisation(id)}});
  }
  bool reason = domain::may_read_safety_reason(viewer, c, r.decision, r.decided_by_user_id);
  return {{"id", r.decision.id},
          {"case_id", r.decision.case_id},
          {"organisation_ids", std::move(ids)},
          {"organisations", std::move(organisations)},
          {"reason", reason ? json::value(r.reason) : json::value(nullptr)},
          {"steps", reason ? json::value(r.steps) : json::value(nullptr)},
          {"valid_from", domain::format_instant(r.decision.valid_from)},
          {"valid_until", domain::format_instant(r.decision.valid_until)},
          {"status", status_at(r.decision, now)},
          {"decided_by_user_id", r.decided_by_user_id},
          {"decided_by", decided_by_json(tx, names, r)},
          {"recorded_at", domain::format_instant(r.recorded_at)}};
}

json::value relied_on_safety_decision(store::ReadTx& tx, const domain::Decision& d,
                                      const std::vector<store::SafetyDecisionRecord>& records,
                                      const domain::Viewer& viewer, const domain::CaseFacts& c,
                                      domain::Millis now) {
  if (!d.safety_decision_id) return nullptr;
  for (const auto& r : records)
    if (r.decision.id == *d.safety_decision_id) return safety_decision_json(tx, r, viewer, c, now);
  return nullptr;
}

}  // namespace samen::api
