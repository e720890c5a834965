#pragma once
// The audit event of a listing scoped to one pupil that showed nothing
// (domain/policy_probes.hpp): without it, probing pupil ids through
// GET /api/cases?pupil_id= would leave no trace.
#include <string>

#include "api/auth.hpp"

namespace samen::api {

audit::Event empty_listing_event(store::ReadTx& tx, const Actor& actor,
                                 const http::Request& request, const std::string& resource_type,
                                 const std::string& pupil_id,
                                 const domain::Decision* first_refusal);

}  // namespace samen::api
