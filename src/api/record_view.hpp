#pragma once
// Loading what domain::decide_record_view needs (policy_record.hpp) and asking it: for a
// pupil's record (GET /api/pupils/{id}, the family's listings) and for a case (its plan).
// Grants, cases and safety decisions are read only when the way in can be narrowed.
#include <vector>

#include "domain/case.hpp"
#include "domain/policy.hpp"
#include "domain/pupil.hpp"
#include "store/store.hpp"

namespace samen::api {

// `way_in`: decide_pupil_access(read) for `pupil`. With all of P's cases.
domain::Decision pupil_record_decision(store::ReadTx& tx, const domain::Viewer& viewer,
                                       const domain::Pupil& pupil, const domain::Decision& way_in);

// `way_in`: decide_case_access for case `c`, on `grants` (P's). Only this case's safety
// decisions count. The view is `full` or `identification`.
domain::Decision case_record_decision(store::ReadTx& tx, const domain::Viewer& viewer,
                                      const domain::CaseFacts& c,
                                      const std::vector<domain::ConsentGrant>& grants,
                                      const domain::Decision& way_in);

}  // namespace samen::api
