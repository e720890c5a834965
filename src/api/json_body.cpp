#include "api/json_body.hpp"

#include <boost/json.hpp>

#include "domain/text.hpp"

namespace samen::api {

Result<boost::json::object> parse_json_object(const http::Request& request) {
  auto type = domain::to_lower_ascii(request.header("content-type"));
  if (type.rfind("application/json", 0) != 0)
    return Error{"unsupported_media_type", "send the body as application/json", ""};
  boost::system::error_code ec;
  auto value = boost::json::parse(request.body, ec);
  if (ec) return Error{"malformed_json", "the body is not valid JSON: " + ec.message(), ""};
  if (!value.is_object()) return Error{"malformed_json", "the body must be a JSON object", ""};
  return std::move(value.as_object());
}

void JsonReader::fail(std::string_view name, std::string message, std::string code) {
  if (!error_) error_ = Error{std::move(code), std::move(message), field(name)};
}

JsonReader& JsonReader::allow_only(std::initializer_list<std::string_view> known) {
  for (const auto& kv : object_) {
    bool found = false;
    for (auto k : known) found = found || kv.key() == k;
    if (!found) fail(kv.key(), "unknown field " + field(kv.key()), "unknown_field");
  }
  return *this;
}

std::string JsonReader::text(std::string_view name, bool required) {
  return read_text(name, required, false);
}

std::string JsonReader::multiline_text(std::string_view name, bool required) {
  return read_text(name, required, true);
}

std::string JsonReader::read_text(std::string_view name, bool required, bool multiline) {
  auto it = object_.find(name);
  if (it == object_.end() || it->value().is_null()) {
    if (required) fail(name, field(name) + " is required");
    return {};
  }
  if (!it->value().is_string()) {
    fail(name, field(name) + " must be a string");
    return {};
  }
  std::string value(it->value().as_string());
  if (auto bad = domain::control_character_in(value, multiline)) {
    fail(name, field(name) + " contains a control character, " + *bad +
                   (multiline ? "" : "; it must be a single line of text"));
    return {};
  }
  return value;
}

bool JsonReader::boolean(std::string_view name, bool required, bool fallback) {
  auto it = object_.find(name);
  if (it == object_.end() || it->value().is_null()) {
    if (required) fail(name, field(name) + " is required");
    return fallback;
  }
  if (!it->value().is_bool()) {
    fail(name, field(name) + " must be true or false");
    return fallback;
  }
  return it->value().as_bool();
}

std::int64_t JsonReader::integer(std::string_view name, bool required, std::int64_t fallback) {
  auto it = object_.find(name);
  if (it == object_.end() || it->value().is_null()) {
    if (required) fail(name, field(name) + " is required");
    return fallback;
  }
  if (!it->value().is_int64()) {
    fail(name, field(name) + " must be an integer");
    return fallback;
  }
  return it->value().as_int64();
}

const boost::json::array* JsonReader::array(std::string_view name, bool required) {
  auto it = object_.find(name);
  if (it == object_.end() || it->value().is_null()) {
    if (required) fail(name, field(name) + " is required");
    return nullptr;
  }
  if (!it->value().is_array()) {
    fail(name, field(name) + " must be an array");
    return nullptr;
  }
  return &it->value().as_array();
}

}  // namespace samen::api
