#include "api/handler_support.hpp"

#include <charconv>

namespace samen::api {

int query_int(const http::Request& request, const std::string& name, int fallback, int lo, int hi) {
  std::string v = request.query_value(name);
  int out = fallback;
  if (v.empty()) return fallback;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc{} || ptr != v.data() + v.size()) return -1;
  return out < lo || out > hi ? -1 : out;
}

std::optional<std::int64_t> expected_version(const http::Request& request,
                                             std::optional<std::int64_t> body_version) {
  std::string_view tag = request.header("if-match");
  if (tag.rfind("W/", 0) == 0) tag.remove_prefix(2);
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"')
    tag = tag.substr(1, tag.size() - 2);
  if (!tag.empty()) {
    std::int64_t v = 0;
    auto [ptr, ec] = std::from_chars(tag.data(), tag.data() + tag.size(), v);
    if (ec == std::errc{} && ptr == tag.data() + tag.size()) return v;
    return -1;  // present but unparseable: never matches, so the client gets 409
  }
  return body_version;
}

http::Response version_conflict() {
  return http::error_response(409, "version_conflict",
                              "this record was changed by someone else; reload it and try again",
                              "version");
}

http::Response precondition_required() {
  return http::error_response(428, "precondition_required",
                              "name the version you read (If-Match header or version field)",
                              "version");
}

}  // namespace samen::api
