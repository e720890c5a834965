#include "http/server.hpp"

#include <boost/asio.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/beast/core.hpp>
#include <thread>

#include "http/connection.hpp"
#include "http/connection_limits.hpp"
#include "http/log_event.hpp"

namespace samen::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

struct Server::Impl {
  ServerConfig config;
  const Router& router;
  audit::AuditedWriter& writer;
  asio::io_context ioc;
  std::unique_ptr<asio::thread_pool> cpu_pool;
  std::unique_ptr<ServerState> state;
  std::optional<tcp::acceptor> acceptor;
  std::optional<asio::signal_set> signals;
  std::optional<asio::steady_timer> accept_retry;
  // Accept failures (out of file descriptors): back off, and log an episode, not each one.
  std::chrono::milliseconds accept_backoff{0};
  std::uint64_t accept_failures = 0;
  std::chrono::steady_clock::time_point accept_failure_logged;

  Impl(ServerConfig c, const Router& r, audit::AuditedWriter& w)
      : config(std::move(c)), router(r), writer(w) {}

  void accept() {
    acceptor->async_accept(
        asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
          if (ec) {
            if (ec == asio::error::operation_aborted || !acceptor->is_open()) return;
            return accept_failed(ec);
          }
          if (accept_failures > 0) {
            log_event(LogLevel::info, "accept_recovered", {{"failures", accept_failures}});
            accept_failures = 0;
            accept_backoff = std::chrono::milliseconds(0);
          }
          if (state->open_connections.load() >= config.max_connections) {
            refuse_connection(std::move(socket));
          } else {
            auto conn = start_connection(std::move(socket), *state);
            std::scoped_lock lock(state->connections_mutex);
            state->connections.remove_if([](const auto& w) { return w.expired(); });
            state->connections.push_back(conn);
          }
          if (!state->shutting_down.load()) accept();
        });
  }

  // Retrying at once would fail at once (EMFILE stays until a descriptor is freed) and
  // spin a core while flooding the log: wait 10 ms, doubling to 1 s, and log at most one
  // line per 10 s of the episode.
  void accept_failed(const beast::error_code& ec) {
    ++accept_failures;
    accept_backoff = std::min<std::chrono::milliseconds>(
        std::chrono::seconds(1),
        std::max<std::chrono::milliseconds>(std::chrono::milliseconds(10), accept_backoff * 2));
    auto now = std::chrono::steady_clock::now();
    if (accept_failures == 1 || now - accept_failure_logged >= std::chrono::seconds(10)) {
      accept_failure_logged = now;
      log_event(LogLevel::warn, "accept_failed",
                {{"what", ec.message()},
                 {"failures", accept_failures},
                 {"retry_in_ms", accept_backoff.count()}});
    }
    accept_retry->expires_after(accept_backoff);
    accept_retry->async_wait([this](beast::error_code wait_ec) {
      if (!wait_ec && !state->shutting_down.load()) accept();
    });
  }

  void begin_shutdown() {
    if (state->shutting_down.exchange(true)) return;
    log_event(LogLevel::info, "shutdown", {{"message", "finishing in-flight requests"}});
    beast::error_code ec;
    acceptor->close(ec);
    if (accept_retry) accept_retry->cancel();
    if (signals) signals->cancel(ec);
    std::scoped_lock lock(state->connections_mutex);
    for (auto& weak : state->connections)
      if (auto conn = weak.lock()) shutdown_connection(conn);
  }
};

Server::Server(ServerConfig config, const Router& router, audit::AuditedWriter& writer)
    : impl_(std::make_unique<Impl>(std::move(config), router, writer)) {}

Server::~Server() = default;

void Server::run(const std::function<void(unsigned short)>& on_listening) {
  auto& d = *impl_;
  int threads = d.config.threads > 0
                    ? d.config.threads
                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (d.config.max_connections <= 0) d.config.max_connections = default_max_connections();
  d.cpu_pool = std::make_unique<asio::thread_pool>(
      static_cast<std::size_t>(std::max(1, d.config.cpu_workers)));
  d.state = std::make_unique<ServerState>(d.config, d.router, d.writer, d.ioc, *d.cpu_pool);
  // Errors here are the operator's to fix; say which address and why, nothing more.
  auto where = d.config.host + ":" + std::to_string(d.config.port);
  beast::error_code ec;
  auto address = asio::ip::make_address(d.config.host, ec);
  if (ec)
    throw std::runtime_error("cannot listen on " + where + ": " + d.config.host +
                             " is not an IP address");
  d.acceptor.emplace(d.ioc);
  d.accept_retry.emplace(d.ioc);
  tcp::endpoint endpoint{address, d.config.port};
  auto check = [&](const char* step) {
    if (ec)
      throw std::runtime_error("cannot listen on " + where + ": " + ec.message() + " (" + step +
                               ")");
  };
  d.acceptor->open(endpoint.protocol(), ec);
  check("open");
  d.acceptor->set_option(asio::socket_base::reuse_address(true), ec);
  check("reuse_address");
  d.acceptor->bind(endpoint, ec);
  check("bind");
  d.acceptor->listen(asio::socket_base::max_listen_connections, ec);
  check("listen");
  d.signals.emplace(d.ioc, SIGINT, SIGTERM);
  d.signals->async_wait([&d](beast::error_code ec, int) {
    if (!ec) d.begin_shutdown();
  });
  d.accept();
  if (on_listening) on_listening(d.acceptor->local_endpoint().port());
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&d] { d.ioc.run(); });
  d.ioc.run();
  for (auto& t : pool) t.join();
  d.cpu_pool->join();
}

void Server::stop() {
  asio::post(impl_->ioc, [this] { impl_->begin_shutdown(); });
}

}  // namespace samen::http
