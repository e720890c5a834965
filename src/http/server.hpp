#pragma once
// The HTTP server: Boost.Beast over Asio, HTTP/1.1 keep-alive, a thread pool, limits on
// header and body size, read timeouts, security headers on every response, a JSON access
// log, and graceful shutdown on SIGINT/SIGTERM (stop accepting, finish in-flight requests
// and their audit commits, then return so the caller closes the database).
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "audit/audited_writer.hpp"
#include "http/forwarded.hpp"
#include "http/router.hpp"

namespace samen::http {

struct ServerConfig {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  int threads = 0;  // 0: one per core
  std::string static_dir;
  // A body up to this size is read without asking who sends it; a larger one only when
  // body_limit (given the request's head: route, session) allows it. Unset: this for all.
  std::size_t anonymous_body_limit = 64u << 10;
  std::function<std::size_t(const Request& head)> body_limit;
  // Open connections at most; one more is answered 503 and closed. 0: from RLIMIT_NOFILE.
  int max_connections = 0;
  std::size_t header_limit = 16u << 10;
  std::chrono::seconds read_timeout{30};  // whole request, headers and body
  std::chrono::seconds idle_timeout{60};  // keep-alive wait for the next request
  int cpu_workers = 2;                    // password hashing runs here, at most this many at once
  TrustedProxies trusted_proxies;         // whose X-Forwarded-For names the client
};

class Server {
 public:
  Server(ServerConfig config, const Router& router, audit::AuditedWriter& writer);
  ~Server();
  // Blocks until a signal or stop(); on_listening gets the bound port (useful with port 0).
  void run(const std::function<void(unsigned short)>& on_listening = {});
  void stop();  // thread-safe

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace samen::http
