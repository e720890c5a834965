#include "http/router.hpp"

#include <map>
#include <set>

namespace samen::http {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    auto next = path.find('/', i);
    out.push_back(path.substr(i, next == std::string::npos ? std::string::npos : next - i));
    i = next == std::string::npos ? path.size() : next;
  }
  return out;
}

void Router::add(std::string method, std::string pattern, Handler handler) {
  auto segments = split_path(pattern);
  routes_.push_back(
      Route{std::move(method), std::move(pattern), std::move(segments), std::move(handler)});
}

RouteMatch Router::match(Request& request) const {
  auto segments = split_path(request.path);
  std::set<std::string> allowed;
  RouteMatch result;
  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (std::size_t i = 0; i < segments.size() && ok; ++i) {
      const auto& want = route.segments[i];
      if (want.size() > 2 && want.front() == '{' && want.back() == '}')
        params[want.substr(1, want.size() - 2)] = segments[i];
      else
        ok = want == segments[i];
    }
    if (!ok) continue;
    if (route.method == request.method || (request.method == "HEAD" && route.method == "GET")) {
      request.params = std::move(params);
      result.kind = RouteMatch::Kind::found;
      result.handler = &route.handler;
      result.pattern = route.pattern;
      return result;
    }
    allowed.insert(route.method);
    result.pattern = route.pattern;
  }
  if (!allowed.empty()) {
    result.kind = RouteMatch::Kind::method_not_allowed;
    for (const auto& m : allowed) result.allow += (result.allow.empty() ? "" : ", ") + m;
  }
  return result;
}

std::vector<RouteInfo> Router::routes() const {
  std::vector<RouteInfo> out;
  for (const auto& r : routes_) out.push_back({r.method, r.pattern});
  return out;
}

}  // namespace samen::http
