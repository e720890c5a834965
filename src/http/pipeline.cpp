#include "http/pipeline.hpp"

#include "http/errors.hpp"
#include "http/log_event.hpp"
#include "http/static_files.hpp"
#include "store/store.hpp"

namespace samen::http {
namespace {

bool is_api_path(const std::string& path) {
  return path == "/healthz" || path == "/api" || path.rfind("/api/", 0) == 0;
}

Response internal_error() {
  return error_response("internal_error", "something went wrong on our side; it has been logged");
}

Response failure_response(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const store::StoreError& e) {
    log_event(LogLevel::error, "store_error", {{"what", e.what()}});
    return error_response("unavailable", "the database is unavailable; try again shortly");
  } catch (const std::exception& e) {
    log_event(LogLevel::error, "handler_error", {{"what", e.what()}});
  } catch (...) {
    log_event(LogLevel::error, "handler_error", {{"what", "unknown"}});
  }
  return internal_error();
}

// Without a web UI (no --static), "/" says what is running instead of a bare 404.
Response landing_page() {
  Response r;
  r.content_type = "text/html; charset=utf-8";
  r.body =
      "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Samen</title></head>"
      "<body><main><h1>Samen</h1><p>De Samen-server draait. De webapplicatie is niet "
      "meegeleverd (start met <code>--static DIR</code>).</p><p lang=\"en\">The Samen server is "
      "running. The API lives under <code>/api/</code>; see <code>docs/api.md</code>. Health: "
      "<a href=\"/healthz\">/healthz</a>.</p></main></body></html>";
  return r;
}

struct Flight {
  PipelineResult result;
  Pipeline::Send send;
  audit::AuditedWriter* writer;
  Pipeline::Offload offload;
  std::shared_ptr<void> keep_running;

  void finish(Response response) {
    result.response = std::move(response);
    send(std::move(result));
  }

  void proceed(const std::function<Reply()>& then, const std::shared_ptr<Flight>& self) {
    Reply next;
    try {
      next = then();
    } catch (...) {
      return finish(failure_response(std::current_exception()));
    }
    process(std::move(next), self);
  }

  void process(Reply reply, const std::shared_ptr<Flight>& self) {
    if (reply.offload) {
      offload([self, work = std::move(reply.offload)] {
        Reply next;
        try {
          next = work();
        } catch (...) {
          return self->finish(failure_response(std::current_exception()));
        }
        self->process(std::move(next), self);
      });
      return;
    }
    if (reply.write || !reply.audit.empty()) {
      writer->submit_streaming(
          std::move(reply.write), std::move(reply.audit),
          [self, out = reply.response, then = std::move(reply.then)](std::exception_ptr error) {
            if (error) return self->finish(failure_response(error));
            if (then) return self->proceed(then, self);
            self->finish(std::move(*out));
          });
      return;
    }
    if (reply.then) return proceed(reply.then, self);
    finish(std::move(*reply.response));
  }
};

}  // namespace

void Pipeline::handle(Request request, Send send) {
  auto flight = std::make_shared<Flight>();
  flight->send = std::move(send);
  flight->writer = &writer;
  flight->offload = offload;
  flight->keep_running = keep_running;
  auto& result = flight->result;
  result.method = request.method;
  result.request_id = request.request_id;
  result.head = request.method == "HEAD";
  result.api = is_api_path(request.path);

  if (!result.api) {
    result.route = "static";
    if (request.method != "GET" && request.method != "HEAD") {
      auto r = error_response("method_not_allowed", "static files are read-only");
      r.set_header("Allow", "GET, HEAD");
      return flight->finish(std::move(r));
    }
    if (static_dir.empty() && request.path == "/") return flight->finish(landing_page());
    auto file = serve_static(static_dir, request.path, request.header("accept-encoding"));
    return flight->finish(file ? std::move(*file) : error_response("not_found", "no such page"));
  }

  auto match = router.match(request);
  result.route = match.kind == RouteMatch::Kind::not_found ? "-" : match.pattern;
  if (match.kind == RouteMatch::Kind::not_found)
    return flight->finish(error_response("not_found", "no such endpoint"));
  if (match.kind == RouteMatch::Kind::method_not_allowed) {
    auto r = error_response("method_not_allowed",
                            request.method + " is not allowed here; allowed: " + match.allow);
    r.set_header("Allow", match.allow);
    return flight->finish(std::move(r));
  }
  Reply reply;
  try {
    reply = (*match.handler)(request);
  } catch (...) {
    return flight->finish(failure_response(std::current_exception()));
  }
  flight->process(std::move(reply), flight);
}

}  // namespace samen::http
