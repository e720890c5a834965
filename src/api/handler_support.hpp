#pragma once
// Small helpers every resource handler uses: answering with an Error, reading the version a
// client names (If-Match header or a "version" field), and the standard 409.
#include <optional>
#include <string>

#include "domain/result.hpp"
#include "http/errors.hpp"
#include "http/reply.hpp"

namespace samen::api {

inline http::Reply fail(const Error& error) { return http::Reply::of(http::error_response(error)); }

inline http::Reply fail(int status, const std::string& code, const std::string& message,
                        const std::string& field = {}) {
  return http::Reply::of(http::error_response(status, code, message, field));
}

// The version the client read: If-Match ("3" or W/"3") wins over a body field.
std::optional<std::int64_t> expected_version(const http::Request& request,
                                             std::optional<std::int64_t> body_version);

// A whole-number query parameter in [lo, hi]: `fallback` when absent, -1 when malformed or
// out of range.
int query_int(const http::Request& request, const std::string& name, int fallback, int lo, int hi);

http::Response version_conflict();
http::Response precondition_required();

}  // namespace samen::api
