#pragma once
// One client connection of the server (http/server.cpp): reads a request's head, decides
// its body limit, reads the body, hands it to the pipeline, writes the reply with the
// security headers and an access-log line, and keeps the connection alive or closes it
// (lingering after a refused body). The server keeps weak references to shut them down.
#include <atomic>
#include <boost/asio.hpp>
#include <list>
#include <memory>
#include <mutex>

#include "audit/audited_writer.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

namespace samen::http {

class Connection;

// Shared state of a running server: what connections need to reach.
struct ServerState {
  ServerState(ServerConfig c, const Router& r, audit::AuditedWriter& w, boost::asio::io_context& i,
              boost::asio::thread_pool& p)
      : config(std::move(c)), router(r), writer(w), ioc(i), cpu_pool(p) {}
  ServerConfig config;
  const Router& router;
  audit::AuditedWriter& writer;
  boost::asio::io_context& ioc;
  boost::asio::thread_pool& cpu_pool;
  std::atomic<bool> shutting_down{false};
  std::atomic<int> open_connections{0};
  std::mutex connections_mutex;
  std::list<std::weak_ptr<Connection>> connections;
};

// Starts serving a socket the server accepted; the state outlives the connection.
std::shared_ptr<Connection> start_connection(boost::asio::ip::tcp::socket socket,
                                             ServerState& state);
// During shutdown: close now if waiting for a new request; otherwise after the reply.
void shutdown_connection(const std::shared_ptr<Connection>& connection);

}  // namespace samen::http
