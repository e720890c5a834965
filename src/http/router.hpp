#pragma once
// Maps (method, path) to a handler. Patterns are literal segments and {name} parameters:
// "/api/pupils/{id}". A path that matches with another method gives 405 with the allowed
// methods; no match gives 404. routes() lists every registered route, which the OpenAPI
// parity test compares with docs/openapi.yaml.
#include <functional>
#include <string>
#include <vector>

#include "http/message.hpp"
#include "http/reply.hpp"

namespace samen::http {

using Handler = std::function<Reply(Request&)>;

struct RouteInfo {
  std::string method;
  std::string pattern;
};

struct RouteMatch {
  enum class Kind { found, method_not_allowed, not_found } kind = Kind::not_found;
  const Handler* handler = nullptr;
  std::string pattern;
  std::string allow;  // for method_not_allowed: "GET, POST"
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);
  // Fills request.params on a match.
  RouteMatch match(Request& request) const;
  std::vector<RouteInfo> routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

std::vector<std::string> split_path(const std::string& path);

}  // namespace samen::http
