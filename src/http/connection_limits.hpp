#pragma once
// What the server does at its limits, outside any connection: answering a connection past
// the cap, and how many connections the descriptor limit leaves room for.
#include <boost/asio/ip/tcp.hpp>

namespace samen::http {

// A fixed 503 `too_many_connections`, then close; no handler, no store. Bounded in time, so
// a client that never reads cannot hold the descriptor.
void refuse_connection(boost::asio::ip::tcp::socket socket);
// RLIMIT_NOFILE less room for the store's connections, files and the listening socket.
int default_max_connections();

}  // namespace samen::http
