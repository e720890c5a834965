#include "api/listing_probe.hpp"

#include "domain/policy_probes.hpp"

namespace samen::api {

audit::Event empty_listing_event(store::ReadTx& tx, const Actor& actor,
                                 const http::Request& request, const std::string& resource_type,
                                 const std::string& pupil_id,
                                 const domain::Decision* first_refusal) {
  auto facts = tx.pupil_facts(pupil_id);
  auto decision =
      domain::decide_empty_listing(actor.viewer, facts ? &*facts : nullptr, first_refusal);
  // An id that names no pupil is not written into the pupil column: it names no one.
  return decision_event(actor, request, decision, decision.allowed ? "list" : "denied",
                        resource_type, "", facts ? facts->pupil_id : std::string());
}

}  // namespace samen::api
