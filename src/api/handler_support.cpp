#include "api/handler_support.hpp"

#include <charconv>

#include "api/json_body.hpp"

namespace samen::api {

Result<std::int64_t> query_integer(const http::Request& request, const std::string& name,
                                   std::int64_t fallback, std::int64_t lo, std::int64_t hi) {
  std::string v = request.query_value(name);
  if (v.empty()) return fallback;
  std::int64_t out = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc{} || ptr != v.data() + v.size() || out < lo || out > hi)
    return Error{
        "validation_failed",
        name + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi),
        name};
  return out;
}

Result<bool> query_boolean(const http::Request& request, const std::string& name) {
  std::string v = request.query_value(name);
  if (v.empty() || v == "false" || v == "0") return false;
  if (v == "true" || v == "1") return true;
  return Error{"validation_failed", name + " must be true or false", name};
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
  return http::error_response("version_conflict",
                              "this record was changed by someone else; reload it and try again",
                              "version");
}

http::Response precondition_required() {
  return http::error_response("precondition_required",
                              "name the version you read (If-Match header or version field)",
                              "version");
}

Status check_is_school(store::ReadTx& tx, const std::string& organisation_id,
                       const std::string& field) {
  auto organisation = tx.organisation(organisation_id);
  if (!organisation || organisation->type != domain::OrgType::school)
    return Error{"validation_failed", field + " is not a school", field};
  return ok_status();
}

Result<std::int64_t> read_version(const http::Request& req, JsonReader& in) {
  std::optional<std::int64_t> body_version;
  if (in.has("version")) {
    auto v = in.integer("version", false, -1);
    if (!in.ok()) return in.error();
    if (v >= 0) body_version = v;
  }
  auto version = expected_version(req, body_version);
  if (!version)
    return Error{"precondition_required",
                 "name the version you read (If-Match header or version field)", "version"};
  return *version;
}

Result<std::int64_t> read_version_body(const http::Request& req) {
  auto body = parse_json_object(req);
  if (!body) return body.error();
  JsonReader in(*body);
  in.allow_only({"version"});
  return read_version(req, in);
}

http::Reply fail_version(const Error& e) {
  if (e.code == "precondition_required") return http::Reply::of(precondition_required());
  return fail(e);
}

}  // namespace samen::api
