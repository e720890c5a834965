#pragma once
// The one shape of a handler that needs a caller (docs/architecture.md, "One request, end
// to end"). `authenticated` opens the request's read transaction, authenticates the session
// on it (401, or 403 csrf_failed, before the handler runs), and calls the handler with both;
// the read ends when the handler returns, before any write it asks for runs.
//
// Every refusal by the policy goes through `refuse`, which answers *and* audits: a record
// the viewer may not see answers exactly as a missing id (`Refusal::as_missing`), one they
// see but may not act on answers 403 with the decision's reason (`Refusal::forbidden`).
#include <functional>
#include <string>

#include "api/auth.hpp"
#include "api/context.hpp"
#include "http/reply.hpp"
#include "http/router.hpp"

namespace samen::api {

using AuthenticatedHandler =
    std::function<http::Reply(AppContext&, http::Request&, store::ReadTx&, const Actor&)>;

http::Handler authenticated(AppContext& ctx, AuthenticatedHandler handler);

// What a denied audit event is about: the resource type, its id (empty for one not made)
// and the pupil whose data it is.
struct Subject {
  std::string type;
  std::string id;
  std::string pupil_id;
};

// How a refusal answers.
struct Refusal {
  bool as_not_found = false;
  std::string message;  // as_not_found: "no such pupil"; forbidden: empty for the decision's
  std::string field;    // the input at fault, when there is one

  // As for a record that does not exist: what the viewer may not see.
  static Refusal as_missing(std::string message, std::string field = {}) {
    return {true, std::move(message), std::move(field)};
  }
  // 403 with the decision's reason (`self_grant_forbidden` keeps its own code).
  static Refusal forbidden(std::string field = {}, std::string message = {}) {
    return {false, std::move(message), std::move(field)};
  }
};

// The answer to a refusal with its `denied` audit event (the decision's rule and reason).
http::Reply refuse(const Actor& actor, const http::Request& req, const domain::Decision& decision,
                   const Subject& subject, const Refusal& how);

// The usual pair: 403 for whoever may see the record (`sees`), else the 404 of a missing id.
inline http::Reply refuse(const Actor& actor, const http::Request& req,
                          const domain::Decision& decision, const Subject& subject, bool sees,
                          const std::string& missing, const std::string& field = {}) {
  return refuse(actor, req, decision, subject,
                sees ? Refusal::forbidden() : Refusal::as_missing(missing, field));
}

}  // namespace samen::api
