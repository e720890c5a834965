#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <boost/url.hpp>
#include <cmath>
#include <cstdio>
#include <limits>
#include <list>
#include <thread>

#include "domain/dates.hpp"
#include "http/connection_limits.hpp"
#include "http/errors.hpp"
#include "http/log_event.hpp"
#include "http/pipeline.hpp"
#include "http/static_files.hpp"
#include "security/crypto.hpp"

namespace samen::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

class Connection;

// Shared state of a running server: what connections need to reach.
struct ServerState {
  ServerState(ServerConfig c, const Router& r, audit::AuditedWriter& w, asio::io_context& i,
              asio::thread_pool& p)
      : config(std::move(c)), router(r), writer(w), ioc(i), cpu_pool(p) {}
  ServerConfig config;
  const Router& router;
  audit::AuditedWriter& writer;
  asio::io_context& ioc;
  asio::thread_pool& cpu_pool;
  std::atomic<bool> shutting_down{false};
  std::atomic<int> open_connections{0};
  std::mutex connections_mutex;
  std::list<std::weak_ptr<Connection>> connections;
};

// Request ids need to be unique, not secret: a random prefix per process (so several
// servers never collide) and a counter, without a getrandom() call per request.
std::string request_id() {
  static const std::string prefix = security::random_token().substr(0, 8);
  static std::atomic<std::uint64_t> counter{0};
  char buf[24];
  std::snprintf(buf, sizeof buf, "-%llx", static_cast<unsigned long long>(++counter));
  return prefix + buf;
}

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, ServerState& state) : stream_(std::move(socket)), state_(state) {
    ++state_.open_connections;
    beast::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) address_ = endpoint.address().to_string();
  }
  ~Connection() { --state_.open_connections; }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void start() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
  }

  // During shutdown: close if waiting for a new request; otherwise close after the reply.
  void shutdown() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->idle_) {
        beast::error_code ec;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        self->stream_.socket().close(ec);
      }
    });
  }

 private:
  void read_header() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(state_.config.header_limit));
    // No limit while the head is read: Beast would refuse a large Content-Length as an
    // unparsable head; on_header decides the limit from route and session.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    idle_ = true;
    stream_.expires_after(first_request_ ? state_.config.read_timeout : state_.config.idle_timeout);
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    idle_ = false;
    first_request_ = false;
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
        ec == asio::error::eof) {
      return close();
    }
    started_ = std::chrono::steady_clock::now();
    if (ec == bhttp::error::header_limit)
      return reject("header_too_large", "request headers are too large");
    if (ec) return reject("bad_request", "the request could not be parsed");
    if (!read_head()) return reject("bad_request", "the request target is not a valid path");
    auto length = parser_->content_length();
    std::size_t limit = state_.config.anonymous_body_limit;
    // Only a body larger than what anyone may send costs a look at the route and session.
    if (((length && *length > limit) || parser_->chunked()) && state_.config.body_limit) {
      try {
        limit = state_.config.body_limit(request_);
      } catch (const std::exception&) {
        return reject("unavailable", "the database is unavailable; try again shortly");
      }
    }
    if (length && *length > limit)
      return reject("payload_too_large", "the request body is larger than " +
                                             std::to_string(limit) +
                                             " bytes, the limit for this request");
    parser_->body_limit(limit);
    stream_.expires_after(state_.config.read_timeout);
    bhttp::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
  }

  // The request as handlers see it, without the body: what the body limit is decided on.
  bool read_head() {
    auto& raw = parser_->get();
    Request req;
    req.method = std::string(raw.method_string());
    for (const auto& field : raw) {
      std::string name(field.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    std::vector<std::string_view> forwarded_for;
    for (const auto& [name, value] : req.headers)
      if (name == "x-forwarded-for") forwarded_for.push_back(value);
    req.client_address = client_address(address_, forwarded_for, state_.config.trusted_proxies);
    auto target = boost::urls::parse_origin_form(raw.target());
    if (!target) return false;
    req.path = target->path();
    for (auto param : target->params()) req.query[param.key] = param.value;
    request_ = std::move(req);
    return true;
  }

  void on_body(beast::error_code ec) {
    if (ec == bhttp::error::body_limit)
      return reject("payload_too_large", "the request body is too large");
    if (ec == beast::error::timeout) return close();
    if (ec) return reject("bad_request", "the request body could not be read");
    stream_.expires_never();
    auto& raw = parser_->get();
    keep_alive_ = raw.keep_alive();
    version_ = raw.version();
    Request req = std::move(request_);
    req.request_id = request_id();
    req.body = std::move(raw.body());
    auto self = shared_from_this();
    Pipeline::Send send = [self](PipelineResult result) {
      asio::post(self->stream_.get_executor(),
                 [self, result = std::move(result)]() mutable { self->send(std::move(result)); });
    };
    using Guard = asio::executor_work_guard<asio::io_context::executor_type>;
    Pipeline pipeline{state_.router, state_.writer, state_.config.static_dir,
                      [pool = &state_.cpu_pool](std::function<void()> work) {
                        asio::post(*pool, std::move(work));
                      },
                      std::make_shared<Guard>(state_.ioc.get_executor())};
    pipeline.handle(std::move(req), std::move(send));
  }

  void reject(const std::string& code, const std::string& message) {
    keep_alive_ = false;
    // The client may still be sending the body we refused; closing on unread data makes
    // the kernel answer with a reset that can destroy our reply before it is read.
    linger_ = true;
    PipelineResult result;
    result.response = error_response(code, message);
    result.route = "-";
    result.request_id = request_id();
    result.api = true;
    send(std::move(result));
  }

  void send(PipelineResult result) {
    if (state_.shutting_down.load()) keep_alive_ = false;
    Response& r = result.response;
    auto res = std::make_shared<bhttp::response<bhttp::string_body>>(
        static_cast<bhttp::status>(r.status), version_ ? version_ : 11);
    res->set(bhttp::field::server, "samen");
    res->set(bhttp::field::content_type, r.content_type);
    add_security_headers(r, result.api);
    for (const auto& [name, value] : r.headers) res->insert(name, value);
    res->set("X-Request-Id", result.request_id);
    res->keep_alive(keep_alive_);
    res->body() = std::move(r.body);
    if (result.head) {
      res->content_length(res->body().size());
      res->body().clear();
    } else {
      res->prepare_payload();
    }
    log_access(result);
    stream_.expires_after(state_.config.read_timeout);
    bhttp::async_write(stream_, *res,
                       [self = shared_from_this(), res](beast::error_code ec, std::size_t) {
                         self->on_write(ec, res->keep_alive());
                       });
  }

  static void add_security_headers(Response& r, bool api) {
    r.set_header("Content-Security-Policy",
                 "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    r.set_header("X-Content-Type-Options", "nosniff");
    r.set_header("Referrer-Policy", "no-referrer");
    r.set_header("X-Frame-Options", "DENY");
    r.set_header("Cross-Origin-Opener-Policy", "same-origin");
    r.set_header("Strict-Transport-Security", "max-age=31536000");
    if (api) r.set_header("Cache-Control", "no-store");
  }

  void log_access(const PipelineResult& result) {
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                  std::chrono::steady_clock::now() - started_)
                  .count();
    // Route pattern, never the raw path or query: no names or search terms in server logs.
    log_event(LogLevel::info, "request",
              {{"method", result.method},
               {"route", result.route},
               {"status", result.response.status},
               {"duration_us", us},
               {"request_id", result.request_id}});
  }

  void on_write(beast::error_code ec, bool keep_alive) {
    if (!ec && linger_) return lingering_close();
    if (ec || !keep_alive || state_.shutting_down.load()) return close();
    read_header();
  }

  // Like nginx's lingering_close: stop sending, then read and discard what the client
  // still sends, for a bounded time and amount, so that it can read our reply first.
  void lingering_close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return close();
    stream_.expires_after(std::chrono::seconds(5));
    drain();
  }

  void drain() {
    if (!drain_buffer_) drain_buffer_ = std::make_unique<std::array<char, 16384>>();
    stream_.async_read_some(asio::buffer(*drain_buffer_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              self->drained_ += n;
                              if (ec || self->drained_ > kMaxDrain) return self->close();
                              self->drain();
                            });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  ServerState& state_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::string address_;
  bool keep_alive_ = true;
  unsigned version_ = 11;
  bool idle_ = true;
  bool first_request_ = true;
  bool linger_ = false;
  static constexpr std::size_t kMaxDrain = 64u << 20;
  std::size_t drained_ = 0;
  std::unique_ptr<std::array<char, 16384>> drain_buffer_;
  std::chrono::steady_clock::time_point started_;
  Request request_;
};

}  // namespace

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
            auto conn = std::make_shared<Connection>(std::move(socket), *state);
            {
              std::scoped_lock lock(state->connections_mutex);
              state->connections.remove_if([](const auto& w) { return w.expired(); });
              state->connections.push_back(conn);
            }
            conn->start();
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
      if (auto conn = weak.lock()) conn->shutdown();
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
