#pragma once
// Samen's own view of an HTTP request and response. Handlers see only these, so they
// never include Boost.Beast (slow to compile) and are easy to test.
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samen::http {

struct Request {
  std::string method;  // GET, POST, ...
  std::string path;    // decoded path without the query string
  std::map<std::string, std::string> query;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string client_address;
  std::string request_id;
  std::map<std::string, std::string> params;  // path parameters filled in by the router

  std::string_view header(std::string_view lower_name) const;
  std::string cookie(std::string_view name) const;
  std::string query_value(const std::string& name) const;
  bool is_state_changing() const {
    return method != "GET" && method != "HEAD" && method != "OPTIONS";
  }
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  void set_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

}  // namespace samen::http
