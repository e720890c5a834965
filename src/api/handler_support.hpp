#pragma once
// Small helpers every resource handler uses: answering with an error code (its status comes
// from the one table, http/errors.cpp), reading the version a client names (If-Match header
// or a "version" field), the standard 409 and 428, and reading query parameters strictly.
#include <optional>
#include <string>

#include "domain/result.hpp"
#include "http/errors.hpp"
#include "http/reply.hpp"
#include "store/store.hpp"

namespace samen::api {

inline http::Reply fail(const Error& error) { return http::Reply::of(http::error_response(error)); }

inline http::Reply fail(const std::string& code, const std::string& message,
                        const std::string& field = {}) {
  return http::Reply::of(http::error_response(code, message, field));
}

// The version the client read: If-Match ("3" or W/"3") wins over a body field.
std::optional<std::int64_t> expected_version(const http::Request& request,
                                             std::optional<std::int64_t> body_version);

// A whole-number query parameter in [lo, hi]: `fallback` when absent or empty. Anything
// else — `12abc`, `+3`, ` 7`, a number out of range — is 400 validation_failed naming the
// parameter: a typo must not quietly become another page.
Result<std::int64_t> query_integer(const http::Request& request, const std::string& name,
                                   std::int64_t fallback, std::int64_t lo, std::int64_t hi);

// A yes/no query parameter: `true`/`1` or `false`/`0`; false when absent or empty.
Result<bool> query_boolean(const http::Request& request, const std::string& name);
// The largest sequence number a `before_seq` may name.
inline constexpr std::int64_t kMaxSeq = 9'000'000'000'000'000'000;

// Pupils belong to a school: a membership's own organisation may be a municipality, in
// which the policy's "own organisation" rules would otherwise let pupils be created.
Status check_is_school(store::ReadTx& tx, const std::string& organisation_id,
                       const std::string& field);

class JsonReader;
// The version named by If-Match or the body's "version" field; 428 precondition_required
// (through fail_version) when neither names one.
Result<std::int64_t> read_version(const http::Request& request, JsonReader& in);
// A body that names the version only ({"version"}, or the If-Match header), for steps
// that take nothing else (cancelling, closing).
Result<std::int64_t> read_version_body(const http::Request& request);
http::Reply fail_version(const Error& error);

http::Response version_conflict();
http::Response precondition_required();

}  // namespace samen::api
