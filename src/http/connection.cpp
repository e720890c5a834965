#include "http/connection.hpp"

#include <array>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url.hpp>
#include <chrono>
#include <cstdio>
#include <limits>
#include <optional>

#include "http/errors.hpp"
#include "http/forwarded.hpp"
#include "http/log_event.hpp"
#include "http/pipeline.hpp"
#include "security/crypto.hpp"

namespace samen::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

// Request ids need to be unique, not secret: a random prefix per process (so several
// servers never collide) and a counter, without a getrandom() call per request.
std::string request_id() {
  static const std::string prefix = security::random_token().substr(0, 8);
  static std::atomic<std::uint64_t> counter{0};
  char buf[24];
  std::snprintf(buf, sizeof buf, "-%llx", static_cast<unsigned long long>(++counter));
  return prefix + buf;
}

}  // namespace

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

std::shared_ptr<Connection> start_connection(tcp::socket socket, ServerState& state) {
  auto connection = std::make_shared<Connection>(std::move(socket), state);
  connection->start();
  return connection;
}

void shutdown_connection(const std::shared_ptr<Connection>& connection) { connection->shutdown(); }

}  // namespace samen::http
