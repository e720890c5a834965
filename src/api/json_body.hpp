#pragma once
// Reading JSON request bodies strictly: the content type must be JSON, the body one
// object, every field of the expected type, and no field the endpoint does not know
// (a typo must not be silently ignored). The first problem becomes the Error to answer.
#include <boost/json/object.hpp>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.hpp"
#include "http/message.hpp"

namespace samen::api {

Result<boost::json::object> parse_json_object(const http::Request& request);

class JsonReader {
 public:
  JsonReader(const boost::json::object& object, std::string prefix = {})
      : object_(object), prefix_(std::move(prefix)) {}

  // Rejects fields outside `known`.
  JsonReader& allow_only(std::initializer_list<std::string_view> known);
  // One line of text: a name, an e-mail address, an id, a code; control characters refused.
  std::string text(std::string_view name, bool required);
  // Free text that may span lines (an entry, a reason): TAB, LF and CR allowed, no other
  // control character.
  std::string multiline_text(std::string_view name, bool required);
  bool boolean(std::string_view name, bool required, bool fallback = false);
  std::int64_t integer(std::string_view name, bool required, std::int64_t fallback = 0);
  const boost::json::array* array(std::string_view name, bool required);
  bool has(std::string_view name) const { return object_.contains(name); }

  bool ok() const { return !error_; }
  const Error& error() const { return *error_; }
  std::string field(std::string_view name) const { return prefix_ + std::string(name); }

 private:
  void fail(std::string_view name, std::string message, std::string code = "validation_failed");
  std::string read_text(std::string_view name, bool required, bool multiline);
  const boost::json::object& object_;
  std::string prefix_;
  std::optional<Error> error_;
};

}  // namespace samen::api
