#include "api/handler.hpp"

#include "api/handler_support.hpp"

namespace samen::api {

http::Handler authenticated(AppContext& ctx, AuthenticatedHandler handler) {
  return [&ctx, handler = std::move(handler)](http::Request& req) {
    auto tx = ctx.store.begin_read();
    auto actor = authenticate(ctx, req, *tx);
    if (!actor) return fail(actor.error());
    return handler(ctx, req, *tx, *actor);
  };
}

http::Reply refuse(const Actor& actor, const http::Request& req, const domain::Decision& decision,
                   const Subject& subject, const Refusal& how) {
  std::string why = !how.message.empty()       ? how.message
                    : decision.reasons.empty() ? "not permitted"
                                               : decision.reasons.front();
  http::Reply reply = how.as_not_found ? fail("not_found", how.message, how.field)
                      : decision.reason == "self_grant_forbidden"
                          ? fail(decision.reason, why, how.field)
                          : fail("forbidden", why, how.field);
  reply.audit.push_back(
      decision_event(actor, req, decision, "denied", subject.type, subject.id, subject.pupil_id));
  return reply;
}

}  // namespace samen::api
