#pragma once
// Who is calling: the session cookie names a session (stored only as a hash), the session
// names the user and the membership they act in. State-changing requests must also carry
// the session's CSRF token in X-CSRF-Token. Sessions expire after 30 minutes idle or 12
// hours in all; both are checked here on every request.
#include <string>
#include <vector>

#include "api/context.hpp"
#include "audit/audit_entry.hpp"
#include "domain/policy.hpp"
#include "domain/result.hpp"
#include "http/message.hpp"
#include "store/records.hpp"

namespace samen::api {

// The __Host- prefix makes the browser refuse the cookie unless it is Secure, has Path=/
// and no Domain: no subdomain and no plain-HTTP page can set or overwrite it (session
// fixation). Browsers treat http://localhost and 127.0.0.1 as secure, so the e2e flows
// and the integration tests keep working over plain HTTP on loopback.
inline constexpr const char* kSessionCookie = "__Host-samen_session";

struct Actor {
  store::User user;
  store::Membership membership;
  domain::Viewer viewer;
  std::string token_hash;
  std::string csrf_token;
};

Result<Actor> authenticate(AppContext& ctx, const http::Request& request, store::ReadTx& tx);

std::string session_token_hash(const std::string& token);
std::string csrf_token_for(const std::string& token);
std::string session_cookie(const std::string& token, const Settings& settings);
std::string expired_session_cookie(const Settings& settings);
domain::Viewer viewer_of(const store::User& user, const store::Membership& membership);

// An audit event attributed to the actor, within this request.
audit::Event actor_event(const Actor& actor, const http::Request& request, std::string action,
                         std::string resource_type, std::string resource_id,
                         std::string pupil_id = {});
// Records a policy decision (allow or deny) on the event.
audit::Event decision_event(const Actor& actor, const http::Request& request,
                            const domain::Decision& decision, std::string action,
                            std::string resource_type, std::string resource_id,
                            std::string pupil_id = {});

}  // namespace samen::api
