#pragma once
// A JSON writer that appends straight to a response body, for the large listings
// (chronology pages, case lists, the audit log, search): building a boost::json tree first
// costs an allocation per value and a second walk to serialise it, which the profile of a
// chronology page showed as a third of its time. Values are escaped as Boost.JSON does;
// strings are expected to be valid UTF-8 (input validation keeps them so).
//
//   JsonWriter w(response.body);
//   w.begin_object().key("entries").begin_array();
//   for (...) w.begin_object().field("id", id).field("text", text).end_object();
//   w.end_array().end_object();
#include <boost/json/fwd.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace samen::http {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& null();
  // A part that is still built as a tree (small, or shared with other answers).
  JsonWriter& value(const boost::json::value& v);
  // An optional id or text as the API writes it: null when empty.
  JsonWriter& text_or_null(std::string_view text) { return text.empty() ? null() : value(text); }

  JsonWriter& field_or_null(std::string_view name, std::string_view text) {
    key(name);
    return text_or_null(text);
  }
  template <typename T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

 private:
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  void before_value();  // the comma between elements of an array or members of an object
  void string(std::string_view text);

  std::string& out_;
  std::vector<bool> has_elements_;  // per open array or object
  bool after_key_ = false;
};

}  // namespace samen::http
