#pragma once
// How a Meldcode safety decision is shown: in its own list on the case page, and beside
// every decision that rests on it (explain, the audience preview behind the team's basis).
// Who decided (name, role, organisation), the organisations it names, the period and
// whether it is in force are the basis itself; the reason and the steps taken only where
// domain::may_read_safety_reason lets the viewer read them (else null). The family never
// gets here: the list refuses them and no family decision rests on a safety decision.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <vector>

#include "domain/case.hpp"
#include "domain/policy.hpp"
#include "store/store.hpp"

namespace samen::api {

// `viewer` is whoever reads the answer; `c` the case the decision lies on.
boost::json::object safety_decision_json(store::ReadTx& tx, const store::SafetyDecisionRecord& r,
                                         const domain::Viewer& viewer, const domain::CaseFacts& c,
                                         domain::Millis now);

// The decision `d` rests on, as `viewer` may see it, or null when it rests on none.
// `records` are the case's safety decisions (read once per request).
boost::json::value relied_on_safety_decision(
    store::ReadTx& tx, const domain::Decision& d,
    const std::vector<store::SafetyDecisionRecord>& records, const domain::Viewer& viewer,
    const domain::CaseFacts& c, domain::Millis now);

}  // namespace samen::api
