#pragma once
// How large a request body may be, decided after routing and authentication but before the
// body is read: an anonymous request gets a small limit on every path (a login form, an
// invitation answer), a signed-in one the JSON limit, and only a user the policy lets
// import gets the import limit, and only on the import route. The Content-Type plays no
// part: it is the sender's to choose.
#include <cstddef>

#include "api/context.hpp"
#include "http/message.hpp"

namespace samen::api {

// The route import_api.cpp registers (registrations stay literal for the OpenAPI parity test).
inline constexpr const char* kPupilImportPath = "/api/pupils/import";

struct BodyLimits {
  std::size_t anonymous = 64u << 10;
  std::size_t signed_in = 1u << 20;
  std::size_t import = 20u << 20;
};

// `head` has method, path, query and headers; no body yet.
std::size_t request_body_limit(AppContext& ctx, const BodyLimits& limits,
                               const http::Request& head);

}  // namespace samen::api
