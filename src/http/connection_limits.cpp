#include "http/connection_limits.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <boost/asio/write.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <memory>
#include <string>

namespace samen::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

namespace {

// Closing with the client's request still unread makes the kernel send a reset, which can
// destroy the 503 before the client reads it: read and drop what comes, until the client
// closes or the 2 s run out.
struct Refused : std::enable_shared_from_this<Refused> {
  explicit Refused(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  std::array<char, 4096> sink{};
  void drain() {
    stream.async_read_some(asio::buffer(sink),
                           [self = shared_from_this()](beast::error_code ec, std::size_t) {
                             if (ec) return self->close();
                             self->drain();
                           });
  }
  void close() {
    beast::error_code ignored;
    stream.socket().close(ignored);
  }
};

}  // namespace

void refuse_connection(tcp::socket socket) {
  static const std::string body =
      R"({"error":{"code":"too_many_connections","message":"the server has too many open )"
      R"(connections; try again shortly"}})";
  static const std::string reply =
      "HTTP/1.1 503 Service Unavailable\r\nServer: samen\r\nContent-Type: application/json\r\n"
      "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nRetry-After: 1\r\n"
      "Connection: close\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body;
  auto refused = std::make_shared<Refused>(std::move(socket));
  refused->stream.expires_after(std::chrono::seconds(2));
  asio::async_write(refused->stream, asio::buffer(reply),
                    [refused](beast::error_code ec, std::size_t) {
                      if (ec) return refused->close();
                      beast::error_code ignored;
                      refused->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
                      refused->drain();
                    });
}

int default_max_connections() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 4096;
  return static_cast<int>(std::clamp<rlim_t>(limit.rlim_cur, 96, 1u << 16) - 64);
}

}  // namespace samen::http
