// The draft key: 32 random bytes per user that the web UI encrypts its form drafts with
// (AES-GCM in the browser), so that a draft left in localStorage when a session expires is
// unreadable to the next person at a shared school computer. The key is made on the first
// ask, stored per user and the same for every session of that user; it is only ever in
// this answer's body (never in a URL or a log line), and, as every API answer,
// Cache-Control: no-store. docs/decisions.md "encrypted drafts".
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "security/crypto.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;

Response draft_key_response(const std::string& key) {
  return json_response(200, boost::json::object{{"draft_key", key}});
}

Reply draft_key(AppContext&, Request&, store::ReadTx& tx, const Actor& actor) {
  if (auto key = tx.draft_key(actor.user.id)) return Reply::of(draft_key_response(*key));
  // The first ask: make one on the writer. The key is no pupil data, so nothing is audited.
  return Reply::writing([user_id = actor.user.id](store::WriteTx& w, Response& out) {
    out = draft_key_response(
        w.ensure_draft_key(user_id, security::random_token(), domain::now_millis()));
    return audit::JobOutcome{true, {}};
  });
}

}  // namespace

void register_draft_key_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/me/draft-key", authenticated(ctx, draft_key));
}

}  // namespace samen::api
