#include "api/body_limits.hpp"

#include "api/auth.hpp"

namespace samen::api {

std::size_t request_body_limit(AppContext& ctx, const BodyLimits& limits,
                               const http::Request& head) {
  auto tx = ctx.store.begin_read();
  auto actor = authenticate(ctx, head, *tx);
  if (!actor) return limits.anonymous;
  if (head.method != "POST" || head.path != kPupilImportPath) return limits.signed_in;
  std::string school_id = head.query_value("school_id");
  if (school_id.empty()) school_id = actor->membership.organisation_id;
  // The handler asks the same question again with the body; this only sizes the read.
  return domain::decide_pupil_import(actor->viewer, school_id).allowed ? limits.import
                                                                       : limits.anonymous;
}

}  // namespace samen::api
