#pragma once
// What happens to one request between parsing and sending, free of Asio: route it (API,
// health, or static file), run the handler, carry out its Reply (offload, write, audit
// commit), and hand the final response to `send`, possibly on another thread.
#include <functional>
#include <memory>
#include <string>

#include "audit/audited_writer.hpp"
#include "http/router.hpp"

namespace samen::http {

struct PipelineResult {
  Response response;
  std::string method;
  std::string route;  // the matched pattern, for the access log
  std::string request_id;
  bool api = true;  // Cache-Control: no-store
  bool head = false;
};

struct Pipeline {
  using Send = std::function<void(PipelineResult)>;
  using Offload = std::function<void(std::function<void()>)>;

  const Router& router;
  audit::AuditedWriter& writer;
  std::string static_dir;
  Offload offload;
  std::shared_ptr<void> keep_running;  // holds the event loop open until the reply is sent

  void handle(Request request, Send send);
};

}  // namespace samen::http
