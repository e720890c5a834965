// GET /healthz: liveness for load balancers; no authentication, no database access.
#include <boost/json.hpp>

#include "api/routes.hpp"
#include "api/views.hpp"

namespace samen::api {

void register_health_routes(http::Router& router, AppContext&) {
  router.add("GET", "/healthz", [](http::Request&) {
    return http::Reply::of(json_response(200, boost::json::object{{"status", "ok"}}));
  });
}

}  // namespace samen::api
